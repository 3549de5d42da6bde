using Monitor.Core.Episodes;

namespace Monitor.Core.Measurements;

/// <summary>The coverage date of an imported extract (PROTOCOL.md 3.4): the day its picture was taken.</summary>
/// <param name="ImportId">The import, so that two deliveries of the same name stay apart.</param>
public sealed record ExtractCoverage(long ImportId, string File, DateOnly CoverageDate);

/// <summary>
/// A warning of PROTOCOL.md 3.4: an extract whose coverage date lies before the as-of date contributes
/// open segments to the measurement. Those stays count as ongoing up to the as-of date, although nobody
/// knows what happened to them after the coverage date.
/// </summary>
public sealed record CoverageWarning(string File, DateOnly CoverageDate, DateOnly AsOf, int OpenSegments)
{
    /// <summary>The warning as the measure JSON lists it.</summary>
    public string Text =>
        $"{File}: the extract covers up to {CoverageDate:yyyy-MM-dd}, before the as-of date {AsOf:yyyy-MM-dd}; " +
        $"its {OpenSegments} open segment{(OpenSegments == 1 ? "" : "s")} in this measurement count as ongoing up to the as-of date, " +
        $"though nothing is known of {(OpenSegments == 1 ? "it" : "them")} after {CoverageDate:yyyy-MM-dd}";

    /// <summary>
    /// The warnings of one measurement: for each extract, how many of the cohort's segments that are open
    /// at the as-of date it holds, when its coverage date is before the as-of date.
    /// </summary>
    /// <param name="openSources">For each segment open at the as-of date that comes from an extract covering
    /// less than up to the as-of date, that extract (segments of other extracts are not in it).</param>
    public static IReadOnlyList<CoverageWarning> Of(Measurement measurement, EpisodeSet set, IReadOnlyDictionary<long, ExtractCoverage> openSources) =>
        Of(measurement.Cohort.Episodes, set, openSources);

    /// <summary>The warnings of a measurement's cohort <paramref name="cohort"/>.</summary>
    public static IReadOnlyList<CoverageWarning> Of(IReadOnlyList<Episode> cohort, EpisodeSet set, IReadOnlyDictionary<long, ExtractCoverage> openSources) =>
        Of(OpenSegmentsOf(cohort, set, openSources), set.Rules.AsOf);

    /// <summary>The warnings at <paramref name="asOf"/> of these counts (<see cref="OpenSegmentsOf"/>), the earliest extract first.</summary>
    public static IReadOnlyList<CoverageWarning> Of(IReadOnlyDictionary<ExtractCoverage, int> openSegments, DateOnly asOf) =>
        openSegments.OrderBy(c => c.Key.CoverageDate).ThenBy(c => c.Key.ImportId)
            .Select(c => new CoverageWarning(c.Key.File, c.Key.CoverageDate, asOf, c.Value)).ToList();

    /// <summary>For each extract whose coverage date is before the as-of date, how many of the cohort's segments that are
    /// open at the as-of date it holds (extracts without any are left out).</summary>
    public static Dictionary<ExtractCoverage, int> OpenSegmentsOf(IReadOnlyList<Episode> cohort, EpisodeSet set,
        IReadOnlyDictionary<long, ExtractCoverage> openSources)
    {
        var counts = new Dictionary<ExtractCoverage, int>();
        if (openSources.Count == 0) return counts;
        var asOf = set.Rules.AsOf;
        foreach (var episode in cohort)
        {
            foreach (var segment in set.SegmentsOf(episode))
            {
                if (!set.Rules.IsOpen(segment) || !openSources.TryGetValue(segment.Id, out var source) || source.CoverageDate >= asOf) continue;
                counts[source] = counts.GetValueOrDefault(source) + 1;
            }
        }
        return counts;
    }
}
