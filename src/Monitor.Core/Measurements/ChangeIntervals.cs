using Monitor.Core.Episodes;
using Monitor.Core.Statistics;

namespace Monitor.Core.Measurements;

/// <summary>One key figure of a comparison: both values, the change (follow-up minus baseline) and its
/// bootstrap interval (null where too few replicates had a value, or the figure is not bootstrapped).</summary>
public sealed record FigureChange(string Key, double? Baseline, double? Followup, double? Change, BootstrapInterval? Interval);

/// <summary>The 95% intervals of the changes in the key figures, with what is needed to reproduce them.</summary>
public sealed record ChangeStatistics(int Replicates, ulong Seed, IReadOnlyList<FigureChange> Changes)
{
    public FigureChange this[string key] => Changes.First(c => c.Key == key);
}

/// <summary>
/// 95% intervals of every change in the key figures (the report's kerncijfers, PROTOCOL.md 5): a seeded
/// Poisson bootstrap over youths (<see cref="PoissonBootstrap"/>). Each replicate gives every youth a
/// weight, the same in both measurements, recomputes each figure of both measurements with those weights
/// (a youth's episodes all count that many times), and takes the change; the interval is the 2.5% and 97.5%
/// percentiles of the changes.
/// </summary>
/// <remarks>
/// What the interval means: how much the change could differ by chance alone in youths with the same
/// underlying stays, not whether the programme caused it. The two top-N figures (the mean stay and the
/// mean cost of the N longest stays) get no interval: a bootstrap of the largest values of a sample is
/// known to be unreliable (Bickel &amp; Freedman 1981), and those figures are few youths anyway.
/// </remarks>
public static class ChangeIntervals
{
    /// <summary>The key figures that get an interval, in the report's order.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "counts.youths", "counts.episodes", "counts.exited_in_period", "counts.exited_by_as_of", "counts.ongoing_at_as_of",
        "counts.entries_in_period", "counts.aged_12_or_younger", "counts.short_episodes", "counts.single_provider_episodes",
        "duration_days.mean_all", "duration_days.median_all", "duration_days.mean_exited_in_period", "duration_days.mean_ongoing_at_as_of",
        "entry_cohort.km_median_days", "providers.mean_per_multi_provider_episode", "providers.moves_per_1000_days",
        "cost_eur.mean_episode", "cost_eur.mean_all_episodes_per_youth", "cost_eur.mean_ambulant_per_youth",
    ];

    /// <param name="baselineSet">The episodes the baseline was measured on (with <c>--window</c> each
    /// measurement has its own as-of date and so its own set; otherwise both are the same set).</param>
    public static ChangeStatistics Compute(EpisodeSet baselineSet, Measurement baseline, EpisodeSet followupSet, Measurement followup,
        int replicates = PoissonBootstrap.DefaultReplicates, ulong seed = PoissonBootstrap.DefaultSeed) =>
        Compute(BootstrapSums.Of(baselineSet, baseline.Cohort.Episodes, baseline.Period, replicates, seed),
            BootstrapSums.Of(followupSet, followup.Cohort.Episodes, followup.Period, replicates, seed));

    /// <summary>The intervals from each measurement's bootstrap sums (made, or kept beside the store and brought up to date).</summary>
    /// <exception cref="ArgumentException">The two sums are of other replicates or another seed.</exception>
    public static ChangeStatistics Compute(BootstrapSums baseline, BootstrapSums followup)
    {
        if (baseline.Replicates != followup.Replicates || baseline.Seed != followup.Seed)
            throw new ArgumentException($"a bootstrap of {followup.Replicates} replicates (seed {followup.Seed}) against one of "
                                        + $"{baseline.Replicates} (seed {baseline.Seed})", nameof(followup));
        var (pointA, pointB) = (baseline.Figures(0), followup.Figures(0));
        var intervals = PoissonBootstrap.Intervals(Keys.Count, baseline.Replicates, replicate =>
        {
            var (a, b) = (baseline.Figures(1 + replicate), followup.Figures(1 + replicate));
            var changes = new double?[Keys.Count];
            for (var f = 0; f < Keys.Count; f++) changes[f] = b[f] - a[f];
            return changes;
        });
        return new ChangeStatistics(baseline.Replicates, baseline.Seed,
            Keys.Select((key, f) => new FigureChange(key, pointA[f], pointB[f], pointB[f] - pointA[f], intervals[f])).ToList());
    }
}
