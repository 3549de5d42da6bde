namespace Monitor.Core.Charts;

/// <summary>Space in pixels between the edge of the chart and its plot area, for axis labels, ticks and legend.</summary>
public readonly record struct Margins(double Left, double Top, double Right, double Bottom);
