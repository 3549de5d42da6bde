namespace Monitor.Core.Charts;

/// <summary>A named row of values, one per category; NaN marks a missing value (no bar is drawn).</summary>
public sealed record Series(string Label, IReadOnlyList<double> Values);
