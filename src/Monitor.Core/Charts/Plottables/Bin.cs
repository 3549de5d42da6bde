namespace Monitor.Core.Charts;

/// <summary>A histogram bin holding the values from <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive).</summary>
public sealed record Bin(double Start, double End, double Count);
