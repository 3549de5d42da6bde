using Monitor.Core.Statistics;

namespace Monitor.Core.Measurements;

/// <summary>Two measurements with the same gap and residential set, and the tests between them
/// (PROTOCOL.md 6): baseline and follow-up, or region A (as <c>baseline</c>) and region B. Each carries its
/// own as-of date: the same for both, or, with a window, each period's end plus the window.</summary>
public sealed record Comparison(Measurement Baseline, Measurement Followup, MannWhitneyResult? DurationExited, LogRankResult? EntryCohort)
{
    /// <summary>The follow-up window in days (<c>--window N</c>), or null when one as-of date served both.</summary>
    public int? WindowDays { get; init; }

    /// <summary>Intervals for a researcher (<see cref="ComparisonStatistics"/>), when they were asked for.</summary>
    public ComparisonStatistics? Statistics { get; init; }

    public static Comparison Of(Measurement baseline, Measurement followup, int? windowDays = null)
    {
        // Exit cohorts favour short stays and a youth may be in both samples: a descriptive aid only.
        var mannWhitney = MannWhitney.Test(
            baseline.Cohort.ExitedInPeriod.Select(e => (double)e.DurationDays).ToList(),
            followup.Cohort.ExitedInPeriod.Select(e => (double)e.DurationDays).ToList());
        var logRank = LogRank.Test(
            MeasurementCalculator.SurvivalTimes(baseline.Cohort.Entries),
            MeasurementCalculator.SurvivalTimes(followup.Cohort.Entries));
        return new Comparison(baseline, followup, mannWhitney, logRank) { WindowDays = windowDays };
    }
}
