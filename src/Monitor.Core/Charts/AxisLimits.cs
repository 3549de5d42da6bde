namespace Monitor.Core.Charts;

/// <summary>The data extent of a plottable on both axes, from which the plot chooses its axis ranges.</summary>
public readonly record struct AxisLimits(DataRange X, DataRange Y)
{
    public static AxisLimits Empty { get; } = new(DataRange.Empty, DataRange.Empty);
}
