namespace Monitor.Core.Charts;

/// <summary>One legend entry; <paramref name="Series"/> counts within its plottable, from 0, and picks the style.</summary>
public sealed record LegendItem(string Label, LegendSwatch Swatch, int Series);
