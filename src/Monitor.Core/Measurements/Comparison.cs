using Monitor.Core.Statistics;

namespace Monitor.Core.Measurements;

/// <summary>Two measurements with the same as-of date, gap and residential set, and the tests between
/// them (PROTOCOL.md 6): baseline and follow-up, or region A (as <c>baseline</c>) and region B.</summary>
public sealed record Comparison(Measurement Baseline, Measurement Followup, MannWhitneyResult? DurationExited, LogRankResult? EntryCohort)
{
    /// <summary>Intervals for a researcher (<see cref="ComparisonStatistics"/>), when they were asked for.</summary>
    public ComparisonStatistics? Statistics { get; init; }

    public static Comparison Of(Measurement baseline, Measurement followup)
    {
        // Exit cohorts favour short stays and a youth may be in both samples: a descriptive aid only.
        var mannWhitney = MannWhitney.Test(
            baseline.Cohort.ExitedInPeriod.Select(e => (double)e.DurationDays).ToList(),
            followup.Cohort.ExitedInPeriod.Select(e => (double)e.DurationDays).ToList());
        var logRank = LogRank.Test(
            MeasurementCalculator.SurvivalTimes(baseline.Cohort.Entries),
            MeasurementCalculator.SurvivalTimes(followup.Cohort.Entries));
        return new Comparison(baseline, followup, mannWhitney, logRank);
    }
}
