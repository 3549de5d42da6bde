using System.Numerics;
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
        var pointA = first.Own();
        var pointB = second.Own();
        var intervals = PoissonBootstrap.Intervals(Keys.Count, replicates, WeightedCohort.Lanes, (from, count) =>
        {
            Span<ulong> keys = stackalloc ulong[count];
            for (var i = 0; i < count; i++) keys[i] = PoissonBootstrap.ReplicateKey(seed, from + i);
            var (a, b) = (first.Replicates(keys), second.Replicates(keys));
            var changes = new double?[count][];
            for (var i = 0; i < count; i++)
            {
                changes[i] = new double?[Keys.Count];
                for (var f = 0; f < Keys.Count; f++) changes[i][f] = b[i][f] - a[i][f];
            }
            return changes;
        });
        return new ChangeStatistics(replicates, seed,
            Keys.Select((key, f) => new FigureChange(key, pointA[f], pointB[f], pointB[f] - pointA[f], intervals[f])).ToList());
    }

    /// <summary>
    /// A measurement's cohort laid out for fast reweighting: per youth and per episode the values the key
    /// figures are made of, so one replicate is one pass over plain arrays in the cohort's order (a youth's
    /// episodes together, as <see cref="MeasurementCalculator.PerYouth"/> takes them), hashing each youth's
    /// weight as it comes. The two medians come from weighted counts per distinct duration gathered in that
    /// pass, not from a walk over the episodes in order of duration: the same values, without a random access
    /// per episode. Sums of whole days, moves and providers are kept as integers, which gives the same values
    /// as adding them up in doubles (they stay far below 2^53).
    /// </summary>
    internal sealed class WeightedCohort
    {
        private const byte ExitedInPeriod = 1, Ongoing = 2, Entry = 4, Short = 8, SingleProvider = 16;

        private ulong[] _youthKeys = [];
        private int[] _young = [];
        private double[] _costOfAllStays = [], _ambulant = [];
        /// <summary>Youth y's episodes are <c>_firstEpisode[y]</c> up to <c>_firstEpisode[y + 1]</c>.</summary>
        private int[] _firstEpisode = [0];
        private int[] _duration = [], _multiProviders = [], _moves = [];
        private double[] _cost = [];
        private byte[] _flags = [];
        /// <summary>The cohort's distinct durations, ascending, and each episode's place among them.</summary>
        private int[] _durations = [], _durationRank = [];

        public static WeightedCohort Of(EpisodeSet set, Measurement m)
        {
            var cohort = m.Cohort.Episodes;
            var youths = MeasurementCalculator.PerYouth(set, cohort, m.Period.From);
            var firstEpisode = new int[youths.Count + 1];
            for (var (e, y) = (0, 0); e < cohort.Count; e++)
                if (e > 0 && cohort[e].YouthId != cohort[e - 1].YouthId) firstEpisode[++y] = e;
            firstEpisode[youths.Count] = cohort.Count;
            var durations = cohort.Select(e => e.DurationDays).Distinct().Order().ToArray();
            var rank = new Dictionary<int, int>(durations.Length);
            for (var d = 0; d < durations.Length; d++) rank[durations[d]] = d;
            return new WeightedCohort
            {
                _youthKeys = youths.Select(y => PoissonBootstrap.UnitKey(y.YouthId)).ToArray(),
                _young = youths.Select(y => y.AgeAtFirstCohortStart <= MeasurementCalculator.YoungAge ? 1 : 0).ToArray(),
                _costOfAllStays = youths.Select(y => (double)y.CostOfAllStays).ToArray(),
                _ambulant = youths.Select(y => (double)y.AmbulantAmount).ToArray(),
                _firstEpisode = firstEpisode,
                _duration = cohort.Select(e => e.DurationDays).ToArray(),
                _multiProviders = cohort.Select(e => e.ProviderCount == 1 ? 0 : e.ProviderCount).ToArray(),
                _moves = cohort.Select(e => e.PlacementMoves).ToArray(),
                _cost = cohort.Select(e => (double)e.Cost).ToArray(),
                _flags = cohort.Select(e => (byte)((e.End is { } end && m.Period.Contains(end) ? ExitedInPeriod : 0) | (e.Ongoing ? Ongoing : 0)
                    | (m.Period.Contains(e.Start) ? Entry : 0) | (e.DurationDays < MeasurementCalculator.ShortStayDays ? Short : 0)
                    | (e.ProviderCount == 1 ? SingleProvider : 0))).ToArray(),
                _durations = durations,
                _durationRank = cohort.Select(e => rank[e.DurationDays]).ToArray(),
            };
        }

        /// <summary>How many replicates one pass over the cohort computes: one per lane of the machine's vectors.</summary>
        public static int Lanes => Vector<long>.Count;

        /// <summary>The figures of <see cref="Keys"/> with every youth counted once: the measurement's own.</summary>
        public double?[] Own() => Figures(default, 1, ones: true)[0];

        /// <summary>The figures of <see cref="Keys"/> in up to <see cref="Lanes"/> replicates (their keys:
        /// <see cref="PoissonBootstrap.ReplicateKey"/>), each youth counted its weight in each, in one pass; a row per key.</summary>
        public double?[][] Replicates(ReadOnlySpan<ulong> replicateKeys)
        {
            if (replicateKeys.Length is 0 || replicateKeys.Length > Lanes)
                throw new ArgumentOutOfRangeException(nameof(replicateKeys), replicateKeys.Length, $"1 to {Lanes} replicates per pass");
            Span<ulong> lanes = stackalloc ulong[Lanes]; // lanes beyond the keys compute a replicate nobody reads
            replicateKeys.CopyTo(lanes);
            return Figures(new Vector<ulong>(lanes), replicateKeys.Length, ones: false);
        }

        /// <summary>
        /// One pass: each lane of the vectors is a replicate (its weights from <see cref="PoissonBootstrap.Weights"/>), so a
        /// youth's and an episode's values are read once for all of them. Each lane adds up exactly what one replicate on
        /// its own would, in the same order (integers, and doubles in cohort order), so a block gives the same figures
        /// as its replicates one by one. Sums of one of the flags take the weight masked by it rather than branching.
        /// </summary>
        private double?[][] Figures(Vector<ulong> replicateKeys, int count, bool ones)
        {
            var lanes = Lanes;
            // Weighted episodes per distinct duration and lane (duration-major: an episode adds to one run of lanes):
            // all of them (the median), and the entries' exits and censorings (the Kaplan–Meier median).
            var byDuration = new long[_durations.Length * lanes];
            var entriesExited = new long[_durations.Length * lanes];
            var entriesCensored = new long[_durations.Length * lanes];
            Vector<long> youths = default, young = default, episodes = default, exited = default, ongoing = default, entries = default;
            Vector<long> shortStays = default, single = default, days = default, exitedDays = default, ongoingDays = default;
            Vector<long> multiProviders = default, moves = default;
            Vector<double> costOfAllStays = default, ambulant = default, cost = default;
            for (var y = 0; y < _youthKeys.Length; y++)
            {
                var w = ones ? Vector<long>.One : PoissonBootstrap.Weights(replicateKeys, _youthKeys[y]);
                if (w == Vector<long>.Zero) continue;
                var wd = Vector.ConvertToDouble(w);
                youths += w;
                young += w & new Vector<long>(-(long)_young[y]);
                costOfAllStays += wd * new Vector<double>(_costOfAllStays[y]);
                ambulant += wd * new Vector<double>(_ambulant[y]);
                for (var e = _firstEpisode[y]; e < _firstEpisode[y + 1]; e++)
                {
                    int flags = _flags[e];
                    Vector<long> Mask(int flag) => new(-(long)((flags & flag) != 0 ? 1 : 0));
                    var wDays = w * new Vector<long>(_duration[e]);
                    episodes += w;
                    days += wDays;
                    moves += w * new Vector<long>(_moves[e]);
                    cost += wd * new Vector<double>(_cost[e]);
                    var (isExited, isOngoing, isEntry) = (Mask(ExitedInPeriod), Mask(Ongoing), Mask(Entry));
                    exited += w & isExited;
                    exitedDays += wDays & isExited;
                    ongoing += w & isOngoing;
                    ongoingDays += wDays & isOngoing;
                    entries += w & isEntry;
                    shortStays += w & Mask(Short);
                    single += w & Mask(SingleProvider);
                    multiProviders += w * new Vector<long>(_multiProviders[e]);
                    var at = _durationRank[e] * lanes;
                    Add(byDuration, at, w);
                    Add(entriesCensored, at, w & isEntry & isOngoing);
                    Add(entriesExited, at, Vector.AndNot(w & isEntry, isOngoing));
                }
            }
            var rows = new double?[count][];
            for (var l = 0; l < count; l++)
            {
                var (n, m) = (episodes[l], episodes[l] - single[l]);
                double? Ratio(double sum, long of) => of == 0 ? null : sum / of;
                rows[l] =
                [
                    youths[l], n, exited[l], n - ongoing[l], ongoing[l], entries[l], young[l], shortStays[l], single[l],
                    Ratio(days[l], n), Median(byDuration, l, n), Ratio(exitedDays[l], exited[l]), Ratio(ongoingDays[l], ongoing[l]),
                    KmMedian(entriesExited, entriesCensored, l, entries[l]), Ratio(multiProviders[l], m), days[l] == 0 ? null : (double)moves[l] * 1000 / days[l],
                    Ratio(cost[l], n), Ratio(costOfAllStays[l], youths[l]), Ratio(ambulant[l], youths[l]),
                ];
            }
            return rows;
        }

        private static void Add(long[] counts, int at, Vector<long> weights) =>
            (new Vector<long>(counts.AsSpan(at)) + weights).CopyTo(counts.AsSpan(at));

        /// <summary>The median of the weighted durations: as if each episode were there w times (the middle
        /// value, or the mean of the middle two), as <see cref="Descriptive.Median"/> on the expanded list.</summary>
        private double? Median(long[] byDuration, int lane, long total)
        {
            if (total == 0) return null;
            // 1-based positions of the middle one or two values in the expanded, sorted list.
            var (low, high) = total % 2 == 1 ? ((total + 1) / 2, (total + 1) / 2) : (total / 2, total / 2 + 1);
            double? lowValue = null;
            long seen = 0;
            for (var d = 0; d < _durations.Length; d++)
            {
                seen += byDuration[d * Lanes + lane];
                if (lowValue is null && seen >= low) lowValue = _durations[d];
                if (seen >= high) return (lowValue!.Value + _durations[d]) / 2;
            }
            return null;
        }

        /// <summary>The Kaplan–Meier median of the weighted entry cohort (protocol rule: the first time with
        /// S &lt;= 1/2, events before censorings, compared with a tolerance of 1e-9).</summary>
        private double? KmMedian(long[] exited, long[] censored, int lane, long entries)
        {
            var atRisk = entries;
            var survival = 1.0;
            for (var d = 0; d < _durations.Length; d++)
            {
                var (died, left) = (exited[d * Lanes + lane], censored[d * Lanes + lane]);
                if (died > 0)
                {
                    survival = survival * (atRisk - died) / atRisk;
                    if (survival <= 0.5 + 1e-9) return _durations[d];
                }
                atRisk -= died + left;
            }
            return null;
        }
    }
}
