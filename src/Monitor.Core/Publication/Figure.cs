namespace Monitor.Core.Publication;

/// <summary>What kind of number a figure is: it decides which rule of PROTOCOL.md 8 applies to it.</summary>
public enum FigureKind
{
    /// <summary>A count of youths, episodes, trajectories or files: 1 to T−1 is hidden.</summary>
    Count,

    /// <summary>A mean, median, quantile, test, effect size or sum over some youths: hidden over fewer than T youths.</summary>
    Statistic,

    /// <summary>A percentage or rate: shown only when its numerator and denominator would both be shown and the
    /// denominator is at least T.</summary>
    Share,

    /// <summary>The change between two figures (<c>to − from</c>, or relative to <c>from</c>): shown only when both are.</summary>
    Difference,
}

/// <summary>
/// One figure as a publication would show it, before the rules of PROTOCOL.md 8 are applied. The key is
/// the figure's one name wherever it appears (a table, a chart, a caption, <c>published.json</c>): a figure
/// hidden in one place is hidden in all of them because there is only one of it.
/// </summary>
/// <param name="Key">The figure's name, e.g. <c>baseline.counts.ongoing_at_as_of</c>.</param>
/// <param name="Value">Its value; null when there is none (a mean over nobody), which is shown as missing, not as hidden.</param>
/// <param name="Youths">For a statistic: how many distinct youths it rests on.</param>
/// <param name="Numerator">For a share: the key of the count above the line.</param>
/// <param name="Denominator">For a share, and for a relative difference: the key of the count below the line.</param>
/// <param name="From">For a difference: the key of the earlier figure.</param>
/// <param name="To">For a difference: the key of the later figure.</param>
/// <param name="Of">The figure this one belongs to (a bound of its 95% interval, a check of it): hidden whenever
/// that one is, whatever its own rule says. Never a count: a count hidden for this reason would upset the
/// secondary suppression of the sums it is in.</param>
public sealed record Figure(string Key, FigureKind Kind, double? Value, int Youths = 0,
    string? Numerator = null, string? Denominator = null, string? From = null, string? To = null, string? Of = null);

/// <summary>
/// Published cells that add up: <c>total = Σ parts</c>. Where exactly one of them is hidden, a reader could
/// subtract; the rules then hide a second one (PROTOCOL.md 8, "no recovery by subtraction").
/// </summary>
public sealed record SumRelation(string Total, IReadOnlyList<string> Parts)
{
    public IEnumerable<string> Members => Parts.Prepend(Total);
}
