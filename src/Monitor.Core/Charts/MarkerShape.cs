namespace Monitor.Core.Charts;

/// <summary>The shape drawn at a data point.</summary>
public enum MarkerShape
{
    Circle,
    Square,
    Triangle,
    Diamond,
    /// <summary>A "+", the usual mark for a censored observation on a Kaplan–Meier curve.</summary>
    Plus,
}
