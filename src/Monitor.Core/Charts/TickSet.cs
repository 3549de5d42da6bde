namespace Monitor.Core.Charts;

/// <summary>Tick values in increasing order, at least two, with the decimals needed to write them.</summary>
public sealed record TickSet(IReadOnlyList<double> Values, double Step, int Decimals)
{
    public double First => Values[0];

    public double Last => Values[^1];
}
