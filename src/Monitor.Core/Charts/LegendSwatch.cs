namespace Monitor.Core.Charts;

/// <summary>What a legend entry shows next to its label, matching how the series is drawn.</summary>
public enum LegendSwatch
{
    /// <summary>A square in the series' fill: bars, histograms, boxes.</summary>
    Box,
    /// <summary>A short line in the series' colour and dash.</summary>
    Line,
    /// <summary>A short line with the series' marker on it.</summary>
    LineAndMarker,
    /// <summary>A pale square in the series' colour: a confidence band.</summary>
    Band,
    /// <summary>A "+" in the series' colour: censored observations.</summary>
    Plus,
}
