using Monitor.Core.Episodes;
using Monitor.Core.Statistics;

namespace Monitor.Core.Measurements;

/// <summary>The Kaplan–Meier median of an entry cohort with its Brookmeyer–Crowley interval.</summary>
public sealed record KmMedianInterval(int Episodes, int Exited, int? MedianDays, QuantileInterval Interval);

/// <summary>What a comparison adds for a researcher (issue 13): intervals of the changes in the key figures,
/// and the interval of each measurement's Kaplan–Meier median (entry cohort and 8+ entry cohort).</summary>
public sealed record ComparisonStatistics(
    ChangeStatistics Changes,
    KmMedianInterval BaselineEntries,
    KmMedianInterval BaselineEntries8Plus,
    KmMedianInterval FollowupEntries,
    KmMedianInterval FollowupEntries8Plus)
{
    public const double Level = 0.95;

    public static ComparisonStatistics Compute(EpisodeSet baselineSet, EpisodeSet followupSet, Comparison comparison,
        int replicates = PoissonBootstrap.DefaultReplicates, ulong seed = PoissonBootstrap.DefaultSeed) =>
        Of(ChangeIntervals.Compute(baselineSet, comparison.Baseline, followupSet, comparison.Followup, replicates, seed), comparison);

    /// <summary>The statistics with the intervals of the changes worked out already (from kept bootstrap sums).</summary>
    public static ComparisonStatistics Of(ChangeStatistics changes, Comparison comparison) =>
        new(changes,
            Median(comparison.Baseline.Cohort.Entries), Median(comparison.Baseline.Cohort.Entries8Plus),
            Median(comparison.Followup.Cohort.Entries), Median(comparison.Followup.Cohort.Entries8Plus));

    private static KmMedianInterval Median(IReadOnlyList<Episode> entries)
    {
        var curve = KaplanMeier.Estimate(MeasurementCalculator.SurvivalTimes(entries));
        return new KmMedianInterval(entries.Count, curve.Events, curve.Median, KaplanMeierQuantileInterval.Of(curve, 0.5, Level));
    }
}
