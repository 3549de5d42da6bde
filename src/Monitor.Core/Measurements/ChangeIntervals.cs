using System.Buffers;
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
        int replicates = PoissonBootstrap.DefaultReplicates, ulong seed = PoissonBootstrap.DefaultSeed)
    {
        var first = WeightedCohort.Of(baselineSet, baseline);
        var second = WeightedCohort.Of(followupSet, followup);
        var pointA = first.Figures(null);
        var pointB = second.Figures(null);
        var intervals = PoissonBootstrap.Intervals(Keys.Count, replicates, r =>
        {
            var key = PoissonBootstrap.ReplicateKey(seed, r);
            var a = first.Figures(key);
            var b = second.Figures(key);
            var change = new double?[Keys.Count];
            for (var f = 0; f < change.Length; f++) change[f] = b[f] - a[f];
            return change;
        });
        return new ChangeStatistics(replicates, seed,
            Keys.Select((key, f) => new FigureChange(key, pointA[f], pointB[f], pointB[f] - pointA[f], intervals[f])).ToList());
    }

    /// <summary>
    /// A measurement's cohort laid out for fast reweighting: per youth and per episode the values the key
    /// figures are made of, so one replicate is one pass over plain arrays in the cohort's order (a youth's
    /// episodes together). The two medians come from weighted counts per distinct duration gathered in that
    /// pass, not from a second walk over the episodes in order of duration: the same values, without a random
    /// access per episode.
    /// </summary>
    internal sealed class WeightedCohort
    {
        private ulong[] _youthKeys = [];
        private bool[] _young = [];
        private double[] _costOfAllStays = [], _ambulant = [];
        private int[] _youthOf = [], _duration = [], _providers = [], _moves = [];
        private double[] _cost = [];
        private bool[] _exitedInPeriod = [], _ongoing = [], _entry = [];
        /// <summary>The cohort's distinct durations, ascending, and each episode's place among them.</summary>
        private int[] _durations = [], _durationRank = [];

        public static WeightedCohort Of(EpisodeSet set, Measurement m)
        {
            var cohort = m.Cohort.Episodes;
            var youths = MeasurementCalculator.PerYouth(set, cohort, m.Period.From);
            var index = new Dictionary<int, int>(youths.Count);
            for (var y = 0; y < youths.Count; y++) index[youths[y].YouthId] = y;
            var durations = cohort.Select(e => e.DurationDays).Distinct().Order().ToArray();
            var rank = new Dictionary<int, int>(durations.Length);
            for (var d = 0; d < durations.Length; d++) rank[durations[d]] = d;
            return new WeightedCohort
            {
                _youthKeys = youths.Select(y => PoissonBootstrap.UnitKey(y.YouthId)).ToArray(),
                _young = youths.Select(y => y.AgeAtFirstCohortStart <= MeasurementCalculator.YoungAge).ToArray(),
                _costOfAllStays = youths.Select(y => (double)y.CostOfAllStays).ToArray(),
                _ambulant = youths.Select(y => (double)y.AmbulantAmount).ToArray(),
                _youthOf = cohort.Select(e => index[e.YouthId]).ToArray(),
                _duration = cohort.Select(e => e.DurationDays).ToArray(),
                _providers = cohort.Select(e => e.ProviderCount).ToArray(),
                _moves = cohort.Select(e => e.PlacementMoves).ToArray(),
                _cost = cohort.Select(e => (double)e.Cost).ToArray(),
                _exitedInPeriod = cohort.Select(e => e.End is { } end && m.Period.Contains(end)).ToArray(),
                _ongoing = cohort.Select(e => e.Ongoing).ToArray(),
                _entry = cohort.Select(e => m.Period.Contains(e.Start)).ToArray(),
                _durations = durations,
                _durationRank = cohort.Select(e => rank[e.DurationDays]).ToArray(),
            };
        }

        /// <summary>Each youth's weight in replicate <paramref name="replicate"/> (<see cref="PoissonBootstrap.Weight(ulong, int, long)"/>).</summary>
        public int[] Weights(ulong seed, int replicate)
        {
            var weights = new int[_youthKeys.Length];
            FillWeights(PoissonBootstrap.ReplicateKey(seed, replicate), weights);
            return weights;
        }

        private void FillWeights(ulong replicateKey, Span<int> weights)
        {
            for (var y = 0; y < weights.Length; y++) weights[y] = PoissonBootstrap.Weight(replicateKey, _youthKeys[y]);
        }

        /// <summary>The figures of <see cref="Keys"/> in the replicate of <paramref name="replicateKey"/>
        /// (<see cref="PoissonBootstrap.ReplicateKey"/>).</summary>
        public double?[] Figures(ulong replicateKey)
        {
            var weights = ArrayPool<int>.Shared.Rent(_youthKeys.Length);
            try
            {
                FillWeights(replicateKey, weights.AsSpan(0, _youthKeys.Length));
                return Figures(weights);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(weights);
            }
        }

        /// <summary>The figures of <see cref="Keys"/> with each youth counted <paramref name="weights"/> times
        /// (null: once, which gives the measurement's own figures).</summary>
        public double?[] Figures(int[]? weights)
        {
            int W(int youth) => weights?[youth] ?? 1;
            long youths = 0, young = 0;
            double costOfAllStays = 0, ambulant = 0;
            for (var y = 0; y < _youthKeys.Length; y++)
            {
                var w = W(y);
                youths += w;
                if (_young[y]) young += w;
                costOfAllStays += w * _costOfAllStays[y];
                ambulant += w * _ambulant[y];
            }
            // Weighted episodes per distinct duration: all of them (the median), and the entries' exits and
            // censorings (the Kaplan–Meier median).
            var byDuration = new long[_durations.Length];
            var entriesExited = new long[_durations.Length];
            var entriesCensored = new long[_durations.Length];
            long episodes = 0, exited = 0, closed = 0, ongoing = 0, entries = 0, shortStays = 0, single = 0, multi = 0;
            double days = 0, exitedDays = 0, ongoingDays = 0, multiProviders = 0, moves = 0, cost = 0;
            for (var e = 0; e < _youthOf.Length; e++)
            {
                var w = W(_youthOf[e]);
                if (w == 0) continue;
                episodes += w;
                days += (double)w * _duration[e];
                moves += (double)w * _moves[e];
                cost += w * _cost[e];
                byDuration[_durationRank[e]] += w;
                if (_exitedInPeriod[e]) { exited += w; exitedDays += (double)w * _duration[e]; }
                if (_ongoing[e]) { ongoing += w; ongoingDays += (double)w * _duration[e]; } else closed += w;
                if (_entry[e])
                {
                    entries += w;
                    (_ongoing[e] ? entriesCensored : entriesExited)[_durationRank[e]] += w;
                }
                if (_duration[e] < MeasurementCalculator.ShortStayDays) shortStays += w;
                if (_providers[e] == 1) single += w;
                else { multi += w; multiProviders += (double)w * _providers[e]; }
            }
            double? Ratio(double sum, long count) => count == 0 ? null : sum / count;
            return
            [
                youths, episodes, exited, closed, ongoing, entries, young, shortStays, single,
                Ratio(days, episodes), Median(byDuration, episodes), Ratio(exitedDays, exited), Ratio(ongoingDays, ongoing),
                KmMedian(entriesExited, entriesCensored, entries), Ratio(multiProviders, multi), days == 0 ? null : moves * 1000 / days,
                Ratio(cost, episodes), Ratio(costOfAllStays, youths), Ratio(ambulant, youths),
            ];
        }

        /// <summary>The median of the weighted durations: as if each episode were there w times (the middle
        /// value, or the mean of the middle two), as <see cref="Descriptive.Median"/> on the expanded list.</summary>
        private double? Median(long[] byDuration, long total)
        {
            if (total == 0) return null;
            // 1-based positions of the middle one or two values in the expanded, sorted list.
            var (low, high) = total % 2 == 1 ? ((total + 1) / 2, (total + 1) / 2) : (total / 2, total / 2 + 1);
            double? lowValue = null;
            long seen = 0;
            for (var d = 0; d < byDuration.Length; d++)
            {
                seen += byDuration[d];
                if (lowValue is null && seen >= low) lowValue = _durations[d];
                if (seen >= high) return (lowValue!.Value + _durations[d]) / 2;
            }
            return null;
        }

        /// <summary>The Kaplan–Meier median of the weighted entry cohort (protocol rule: the first time with
        /// S &lt;= 1/2, events before censorings, compared with a tolerance of 1e-9).</summary>
        private double? KmMedian(long[] exited, long[] censored, long entries)
        {
            var atRisk = entries;
            var survival = 1.0;
            for (var d = 0; d < _durations.Length; d++)
            {
                if (exited[d] > 0)
                {
                    survival = survival * (atRisk - exited[d]) / atRisk;
                    if (survival <= 0.5 + 1e-9) return _durations[d];
                }
                atRisk -= exited[d] + censored[d];
            }
            return null;
        }
    }
}
