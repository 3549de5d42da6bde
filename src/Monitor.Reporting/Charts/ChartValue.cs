namespace Monitor.Reporting.Charts;

/// <summary>
/// One value of a chart: a number to draw, a value hidden by the publication rules, or no value at all.
/// </summary>
/// <remarks>
/// A hidden value carries no number, so no chart can draw it, scale an axis to it or label it by
/// accident (PROTOCOL.md 8: "charts never draw a hidden value: no bar, no segment, no label"). The
/// difference between hidden and missing is only what the caption says: a hidden value is "niet
/// getekend", a missing one (a median the curve never reaches, no stays at all) "geen waarde".
/// </remarks>
public readonly record struct ChartValue
{
    private ChartValue(double? number, bool hidden) => (Number, IsHidden) = (number, hidden);

    /// <summary>The number to draw, or null when it is hidden or missing.</summary>
    public double? Number { get; }

    /// <summary>Left out by the publication rules (a small count, a statistic over too few youths).</summary>
    public bool IsHidden { get; }

    public bool IsMissing => Number is null && !IsHidden;

    public static ChartValue Shown(double number) =>
        double.IsFinite(number) ? new(number, false) : throw new ArgumentOutOfRangeException(nameof(number), number, "a chart draws finite numbers only");

    public static ChartValue Hidden { get; } = new(null, true);

    public static ChartValue Missing { get; } = new(null, false);

    /// <summary>A number that may be absent: NaN and null are missing.</summary>
    public static ChartValue Of(double? number) => number is { } n && double.IsFinite(n) ? Shown(n) : Missing;

    public override string ToString() => IsHidden ? "hidden" : Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing";
}

/// <summary>A named row of values, one per category (or per x of a line).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<ChartValue> Values)
{
    public static ChartSeries Of(string label, IEnumerable<double> values) => new(label, values.Select(ChartValue.Shown).ToList());

    /// <summary>Every value of <paramref name="series"/> that is not drawn, named by its series and its place (a category, an x).</summary>
    public static IEnumerable<LeftOut> LeftOut(IEnumerable<ChartSeries> series, IReadOnlyList<string> places) =>
        from s in series
        from i in Enumerable.Range(0, places.Count)
        where s.Values[i].Number is null
        select new LeftOut(s.Label, places[i].Replace('\n', ' '), s.Values[i].IsHidden);
}

/// <summary>Something a chart does not draw, for the caption: which series, and where.</summary>
/// <param name="Where">The category, x value or part, as the reader sees it; empty for a whole series.</param>
public sealed record LeftOut(string Series, string Where, bool Hidden);
