using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;

namespace Monitor.Core.Publication;

/// <summary>
/// The research statistics of issue 13 as a publication holds them. Every bound of a 95% interval is a figure
/// of its own, registered with <see cref="FigureSet.Bound"/> as belonging to the figure it is an interval of, so
/// the rules of PROTOCOL.md 8 hide it whenever that figure is hidden (a change with a hidden side, a median over
/// fewer than T youths) and whenever it rests on fewer than T youths itself:
/// <list type="bullet">
/// <item><c>change_ci_lower.KEY</c> and <c>change_ci_upper.KEY</c>: the bootstrap interval of <c>change.KEY</c>;</item>
/// <item><c>PREFIX.entry_cohort.km_median_ci_lower</c> / <c>_ci_upper</c> (and <c>entry_cohort_8plus</c>): the
/// Brookmeyer–Crowley interval of <c>PREFIX.entry_cohort.km_median_days</c>;</item>
/// <item><c>difference_in_differences.KEY</c> with <c>difference_in_differences_ci_lower.KEY</c> /
/// <c>_ci_upper.KEY</c>, and <c>pre_trend_parallel.KEY</c> (1: the trends before the period ran parallel,
/// 0: they did not, no value: not testable).</item>
/// </list>
/// A bound that the data cannot fix has no value (null), never 0.
/// </summary>
public static class IntervalFigures
{
    public const string ChangeLower = "change_ci_lower";
    public const string ChangeUpper = "change_ci_upper";
    public const string Did = "difference_in_differences";
    public const string DidLower = "difference_in_differences_ci_lower";
    public const string DidUpper = "difference_in_differences_ci_upper";
    public const string PreTrend = "pre_trend_parallel";

    /// <summary>The entry cohorts whose Kaplan–Meier median carries an interval.</summary>
    public static IReadOnlyList<string> KmCohorts { get; } = ["entry_cohort", "entry_cohort_8plus"];

    /// <summary>The key of a bound of the Kaplan–Meier median's interval: <c>baseline.entry_cohort.km_median_ci_lower</c>.</summary>
    public static string KmBound(string prefix, string cohort, bool upper) => $"{prefix}.{cohort}.km_median_ci_{(upper ? "upper" : "lower")}";

    /// <summary>
    /// The intervals of a comparison whose statistics were computed (<see cref="Comparison.Statistics"/>; nothing
    /// otherwise): of every change that has one, and of both measurements' Kaplan–Meier medians. The comparison's
    /// own figures (<see cref="MeasurementFigures.Add(FigureSet, Comparison, ReferenceData)"/>) must be in the set.
    /// </summary>
    public static void Add(FigureSet set, Comparison comparison)
    {
        if (comparison.Statistics is not { } s) return;
        // The bootstrap resamples the youths of both measurements: the interval rests on both.
        var youths = Math.Min(MeasurementFigures.Youths(comparison.Baseline.Cohort.Episodes), MeasurementFigures.Youths(comparison.Followup.Cohort.Episodes));
        foreach (var c in s.Changes.Changes)
        {
            var change = "change." + c.Key;
            if (!set.Contains(change)) continue;
            // An interval beside a change that has no value (a median reached in one year only) would stand beside nothing.
            var interval = set[change].Value is null ? null : c.Interval;
            set.Bound($"{ChangeLower}.{c.Key}", interval?.Lower, change, youths)
                .Bound($"{ChangeUpper}.{c.Key}", interval?.Upper, change, youths);
        }
        foreach (var (prefix, all, eightPlus) in new[] { ("baseline", s.BaselineEntries, s.BaselineEntries8Plus), ("followup", s.FollowupEntries, s.FollowupEntries8Plus) })
        {
            foreach (var (cohort, km) in new[] { (KmCohorts[0], all), (KmCohorts[1], eightPlus) })
            {
                var median = $"{prefix}.{cohort}.km_median_days";
                var medianYouths = set[median].Youths; // the median's own youths: the interval rests on the same stays
                set.Bound(KmBound(prefix, cohort, upper: false), km.Interval.Lower, median, medianYouths)
                    .Bound(KmBound(prefix, cohort, upper: true), km.Interval.Upper, median, medianYouths);
            }
        }
    }

    /// <summary>The key among a measurement's figures of each figure of <see cref="DidStatistics.Figures"/>.</summary>
    public static string KeyOf(string didFigure) => didFigure switch
    {
        "residential_days_per_1000" => "outcomes.residential_days_per_1000",
        "mean_stay_days" => "duration_days.mean_all",
        _ => throw new ArgumentOutOfRangeException(nameof(didFigure), didFigure, "not a figure of the difference in differences"),
    };

    /// <summary>
    /// The difference in differences of two regions (docs/outcomes.md) as the difference of their changes:
    /// <c>difference_in_differences.KEY = CHANGE_A.KEY − CHANGE_B.KEY</c>, each change a difference of the
    /// region's two measurements (registered here when missing), so it is shown only when all four figures are.
    /// With <see cref="DifferenceInDifferences.Statistics"/>: its interval, and the pre-period trend check as
    /// <c>pre_trend_parallel.KEY</c>, a test over the fewest youths of the periods it compares, shown only beside
    /// a shown difference in differences.
    /// </summary>
    /// <param name="a">Key prefixes of region A's baseline and follow-up measurements, and of its changes.</param>
    /// <param name="b">The same for region B.</param>
    public static void AddDifferenceInDifferences(FigureSet set, DifferenceInDifferences did,
        (string Baseline, string Followup, string Change) a, (string Baseline, string Followup, string Change) b)
    {
        var youths = new[] { did.ABaseline, did.AFollowup, did.BBaseline, did.BFollowup }.Min(m => MeasurementFigures.Youths(m.Cohort.Episodes));
        foreach (var figure in DidStatistics.Figures)
        {
            var key = KeyOf(figure);
            if (!new[] { a.Baseline, a.Followup, b.Baseline, b.Followup }.All(p => set.Contains($"{p}.{key}"))) continue;
            set.Difference($"{a.Change}.{key}", $"{a.Baseline}.{key}", $"{a.Followup}.{key}");
            set.Difference($"{b.Change}.{key}", $"{b.Baseline}.{key}", $"{b.Followup}.{key}");
            var estimate = $"{Did}.{key}";
            set.Difference(estimate, $"{b.Change}.{key}", $"{a.Change}.{key}");
            if (did.Statistics is not { } s) continue;
            var interval = set[estimate].Value is null ? null : s.Intervals.FirstOrDefault(i => i.Figure == figure)?.Interval;
            set.Bound($"{DidLower}.{key}", interval?.Lower, estimate, youths).Bound($"{DidUpper}.{key}", interval?.Upper, estimate, youths);
            var parallel = s.Trends.FirstOrDefault(t => t.Figure == figure)?.Parallel;
            set.Bound($"{PreTrend}.{key}", parallel is { } p ? p ? 1 : 0 : null, estimate, s.TrendYouths);
        }
    }
}
