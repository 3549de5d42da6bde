using System.Numerics;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Statistics;

namespace Monitor.Core.Measurements;

/// <summary>
/// What the bootstrap of one measurement (<see cref="ChangeIntervals"/>) is made of: per replicate, the sums its key
/// figures come from, with each youth counted its Poisson weight (<see cref="PoissonBootstrap.Weight(ulong, int, long)"/>),
/// and the weighted count of episodes per duration (for the two medians). Row 0 counts every youth once: the
/// measurement's own figures; row r counts replicate r - 1.
/// </summary>
/// <remarks>
/// Every sum is a sum over youths of a part that depends on the youth's own segments and weights alone, and every sum
/// is of whole numbers: days, moves, providers, and money in ten-thousandths of a euro (the store's unit for amounts;
/// a tariff cost with more decimals is rounded to it). So the order youths are added in does not matter, to the last
/// bit, and the sums of a store's youths are those of the youths a nightly import left alone plus those of the youths it
/// touched: a report keeps them beside the store and takes the touched youths' old part away and adds their new one
/// (<see cref="Replaced"/>), instead of weighing every youth in a thousand replicates again.
/// </remarks>
public sealed class BootstrapSums : IYouthSums<BootstrapSums>
{
    /// <summary>The sums of a row, in this order.</summary>
    private enum Sum
    {
        Youths, Young, Episodes, Exited, Ongoing, Entries, Short, Single, Days, ExitedDays, OngoingDays, MultiProviders, Moves,
        Cost, CostOfAllStays, Ambulant,
    }

    /// <summary>How many sums a row holds.</summary>
    public const int SumsPerRow = (int)Sum.Ambulant + 1;

    /// <summary>How many counts per duration and row: all episodes (the median), the entries that ended by the as-of
    /// date and those still open at it (the Kaplan–Meier median).</summary>
    public const int CountsPerDuration = 3;

    private const decimal MoneyUnit = 10_000m;

    private readonly long[] _sums;
    private readonly int[] _durations;
    private readonly int[] _counts;

    private BootstrapSums(Period period, DateOnly asOf, int replicates, ulong seed, long[] sums, int[] durations, int[] counts)
    {
        (Period, AsOf, Replicates, Seed) = (period, asOf, replicates, seed);
        (_sums, _durations, _counts) = (sums, durations, counts);
    }

    public Period Period { get; }
    public DateOnly AsOf { get; }
    public int Replicates { get; }
    public ulong Seed { get; }

    /// <summary>Row 0 (every youth once) and one row per replicate.</summary>
    public int Rows => Replicates + 1;

    /// <summary>Row r's sums are <c>Sums[r * SumsPerRow ..]</c>.</summary>
    public ReadOnlySpan<long> Sums => _sums;

    /// <summary>The durations (days) of the episodes, ascending and distinct.</summary>
    public ReadOnlySpan<int> Durations => _durations;

    /// <summary>Row r's counts of duration d are <c>Counts[(r * Durations.Length + d) * CountsPerDuration ..]</c>: a row's
    /// counts together, so a median walks them in order.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>Sums read back from their parts (a file beside the store).</summary>
    /// <exception cref="ArgumentException">The parts do not fit together.</exception>
    public static BootstrapSums FromParts(Period period, DateOnly asOf, int replicates, ulong seed, long[] sums, int[] durations, int[] counts)
    {
        if (replicates < 1) throw new ArgumentException($"at least one replicate ({replicates})", nameof(replicates));
        if (sums.Length != (replicates + 1L) * SumsPerRow) throw new ArgumentException($"{sums.Length} sums for {replicates} replicates", nameof(sums));
        if (counts.Length != (long)durations.Length * (replicates + 1) * CountsPerDuration)
            throw new ArgumentException($"{counts.Length} counts for {durations.Length} durations", nameof(counts));
        for (var d = 1; d < durations.Length; d++)
            if (durations[d] <= durations[d - 1]) throw new ArgumentException("durations not ascending", nameof(durations));
        return new BootstrapSums(period, asOf, replicates, seed, sums, durations, counts);
    }

    /// <summary>The sums of the cohort of <paramref name="parameters"/> in <paramref name="set"/> (all of its youths or some
    /// of them, with all their segments), read at the set's as-of date.</summary>
    public static BootstrapSums Of(EpisodeSet set, MeasurementParameters parameters, ReferenceData reference, int replicates, ulong seed) =>
        Of(set, MeasurementCalculator.CohortOf(set, parameters, reference), parameters.Period, replicates, seed);

    /// <summary>The sums of a measurement's cohort (<paramref name="cohort"/>, in youth order) in <paramref name="set"/>.</summary>
    internal static BootstrapSums Of(EpisodeSet set, IReadOnlyList<Episode> cohort, Period period, int replicates, ulong seed)
    {
        if (replicates < 1) throw new ArgumentOutOfRangeException(nameof(replicates), replicates, "At least one replicate.");
        var weighted = WeightedCohort.Of(set, cohort, period);
        var rows = replicates + 1;
        var (sums, counts) = (new long[rows * SumsPerRow], new int[weighted.Durations.Length * rows * CountsPerDuration]);
        var lanes = WeightedCohort.Lanes;
        long[] Scratch() => new long[CountsPerDuration * weighted.Durations.Length * lanes];
        weighted.Pass(default, 1, ones: true, 0, rows, sums, counts, Scratch());
        // Replicates are independent and their weights hashed, not drawn from a shared generator: the same sums on one
        // core or many. Each worker reuses one scratch of counts per duration and lane.
        Parallel.For(0, (replicates + lanes - 1) / lanes, Scratch, (b, _, scratch) =>
        {
            var (first, count) = (b * lanes, Math.Min(lanes, replicates - b * lanes));
            Span<ulong> keys = stackalloc ulong[lanes]; // lanes beyond the count compute a replicate nobody reads
            for (var i = 0; i < count; i++) keys[i] = PoissonBootstrap.ReplicateKey(seed, first + i);
            weighted.Pass(new Vector<ulong>(keys), count, ones: false, 1 + first, rows, sums, counts, scratch);
            return scratch;
        }, _ => { });
        return new BootstrapSums(period, set.Rules.AsOf, replicates, seed, sums, weighted.Durations, counts);
    }

    /// <summary>The figures of <see cref="ChangeIntervals.Keys"/> in row <paramref name="row"/> (0: the measurement's own).</summary>
    public double?[] Figures(int row)
    {
        if (row < 0 || row >= Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"rows 0 to {Replicates}");
        long S(Sum sum) => _sums[row * SumsPerRow + (int)sum];
        var (n, youths) = (S(Sum.Episodes), S(Sum.Youths));
        double? Ratio(long sum, long of) => of == 0 ? null : (double)sum / of;
        double? Money(long sum, long of) => of == 0 ? null : (double)(sum / MoneyUnit / of);
        return
        [
            youths, n, S(Sum.Exited), n - S(Sum.Ongoing), S(Sum.Ongoing), S(Sum.Entries), S(Sum.Young), S(Sum.Short), S(Sum.Single),
            Ratio(S(Sum.Days), n), Median(row, n), Ratio(S(Sum.ExitedDays), S(Sum.Exited)), Ratio(S(Sum.OngoingDays), S(Sum.Ongoing)),
            KmMedian(row, S(Sum.Entries)), Ratio(S(Sum.MultiProviders), n - S(Sum.Single)),
            S(Sum.Days) == 0 ? null : (double)S(Sum.Moves) * 1000 / S(Sum.Days),
            Money(S(Sum.Cost), n), Money(S(Sum.CostOfAllStays), youths), Money(S(Sum.Ambulant), youths),
        ];
    }

    /// <summary>The median of the weighted durations: as if each episode were there w times (the middle value, or the
    /// mean of the middle two), as <see cref="Descriptive.Median"/> on the expanded list.</summary>
    private double? Median(int row, long total)
    {
        if (total == 0) return null;
        // 1-based positions of the middle one or two values in the expanded, sorted list.
        var (low, high) = total % 2 == 1 ? ((total + 1) / 2, (total + 1) / 2) : (total / 2, total / 2 + 1);
        double? lowValue = null;
        long seen = 0;
        for (var d = 0; d < _durations.Length; d++)
        {
            seen += _counts[(row * _durations.Length + d) * CountsPerDuration];
            if (lowValue is null && seen >= low) lowValue = _durations[d];
            if (seen >= high) return (lowValue!.Value + _durations[d]) / 2;
        }
        return null;
    }

    /// <summary>The Kaplan–Meier median of the weighted entry cohort (protocol rule: the first time with S &lt;= 1/2,
    /// events before censorings, compared with a tolerance of 1e-9).</summary>
    private double? KmMedian(int row, long entries)
    {
        var atRisk = entries;
        var survival = 1.0;
        for (var d = 0; d < _durations.Length; d++)
        {
            var at = (row * _durations.Length + d) * CountsPerDuration;
            var (died, left) = (_counts[at + 1], _counts[at + 2]);
            if (died > 0)
            {
                survival = survival * (atRisk - died) / atRisk;
                if (survival <= 0.5 + 1e-9) return _durations[d];
            }
            atRisk -= died + left;
        }
        return null;
    }

    public BootstrapSums Plus(BootstrapSums other) => Combined((other, 1));

    public BootstrapSums Minus(BootstrapSums part) => Combined((part, -1));

    /// <summary>In one pass, without the sums in between: a nightly update's part of the touched youths at a thousand
    /// replicates' counts per duration is a few per cent of the kept counts, which are copied once.</summary>
    public BootstrapSums Replaced(BootstrapSums old, BootstrapSums now) => Combined((old, -1), (now, 1));

    /// <summary>These sums with each part's added (sign 1) or taken away (sign -1), in order.</summary>
    /// <exception cref="InvalidOperationException">A part taken away is not part of the sums it is taken from.</exception>
    private BootstrapSums Combined(params (BootstrapSums Sums, int Sign)[] parts)
    {
        foreach (var (other, _) in parts)
            if (other.Period != Period || other.AsOf != AsOf || other.Replicates != Replicates || other.Seed != Seed)
                throw new ArgumentException($"sums of {other.Period} as of {other.AsOf:O} ({other.Replicates} replicates, seed {other.Seed}) do not "
                                            + $"go with those of {Period} as of {AsOf:O} ({Replicates}, seed {Seed})", nameof(parts));
        var sums = (long[])_sums.Clone();
        foreach (var (other, sign) in parts)
            for (var i = 0; i < sums.Length; i++)
                if ((sums[i] += sign * other._sums[i]) < 0) throw new InvalidOperationException("the sums taken away are not part of these sums");

        // Every duration of these sums and of the parts; these sums' counts copied, each part's added where its durations are.
        var union = parts.Aggregate((IEnumerable<int>)_durations, (all, part) => all.Union(part.Sums._durations)).Order().ToArray();
        var width = union.Length * CountsPerDuration;
        int[] counts;
        if (union.Length == _durations.Length) counts = (int[])_counts.Clone();
        else
        {
            counts = new int[Rows * width];
            var at = PlacesIn(union, _durations);
            for (var row = 0; row < Rows; row++)
            for (var d = 0; d < at.Length; d++)
                _counts.AsSpan((row * _durations.Length + d) * CountsPerDuration, CountsPerDuration)
                    .CopyTo(counts.AsSpan(row * width + at[d] * CountsPerDuration));
        }
        foreach (var (other, sign) in parts)
        {
            var at = PlacesIn(union, other._durations);
            for (var row = 0; row < Rows; row++)
            for (var d = 0; d < at.Length; d++)
            for (var k = 0; k < CountsPerDuration; k++)
                if ((counts[row * width + at[d] * CountsPerDuration + k] += sign * other._counts[(row * at.Length + d) * CountsPerDuration + k]) < 0)
                    throw new InvalidOperationException($"the sums taken away are not part of these sums ({union[at[d]]} days)");
        }

        // A duration no episode has any more (every count 0; only one of a part's can be) is left out, as in sums made anew.
        var gone = parts.SelectMany(p => PlacesIn(union, p.Sums._durations)).Distinct()
            .Where(u => Enumerable.Range(0, Rows).All(row => !counts.AsSpan(row * width + u * CountsPerDuration, CountsPerDuration).ContainsAnyExcept(0)))
            .ToHashSet();
        if (gone.Count == 0) return new BootstrapSums(Period, AsOf, Replicates, Seed, sums, union, counts);
        var kept = Enumerable.Range(0, union.Length).Where(u => !gone.Contains(u)).ToArray();
        var compact = new int[Rows * kept.Length * CountsPerDuration];
        for (var row = 0; row < Rows; row++)
        for (var d = 0; d < kept.Length; d++)
            counts.AsSpan(row * width + kept[d] * CountsPerDuration, CountsPerDuration).CopyTo(compact.AsSpan((row * kept.Length + d) * CountsPerDuration));
        return new BootstrapSums(Period, AsOf, Replicates, Seed, sums, kept.Select(u => union[u]).ToArray(), compact);
    }

    /// <summary>Where each of <paramref name="durations"/> (ascending) is in <paramref name="union"/> (ascending, holding them all).</summary>
    private static int[] PlacesIn(int[] union, int[] durations)
    {
        var at = new int[durations.Length];
        for (var (d, u) = (0, 0); d < durations.Length; d++, u++)
        {
            while (union[u] != durations[d]) u++;
            at[d] = u;
        }
        return at;
    }

    /// <summary>Whether two sums are the same, entry by entry (what the tests compare).</summary>
    public bool SameAs(BootstrapSums other) =>
        Period == other.Period && AsOf == other.AsOf && Replicates == other.Replicates && Seed == other.Seed
        && _sums.AsSpan().SequenceEqual(other._sums) && _durations.AsSpan().SequenceEqual(other._durations) && _counts.AsSpan().SequenceEqual(other._counts);

    /// <summary>
    /// A cohort laid out for fast reweighting: per youth and per episode the values the sums are made of, so one pass over
    /// plain arrays in the cohort's order (a youth's episodes together, as <see cref="MeasurementCalculator.PerYouth"/>
    /// takes them) weighs every youth in several replicates at once, hashing each youth's weights as it comes.
    /// </summary>
    private sealed class WeightedCohort
    {
        private const byte ExitedInPeriod = 1, Ongoing = 2, Entry = 4, Short = 8, SingleProvider = 16;

        private ulong[] _youthKeys = [];
        private long[] _young = [], _costOfAllStays = [], _ambulant = [];
        /// <summary>Youth y's episodes are <c>_firstEpisode[y]</c> up to <c>_firstEpisode[y + 1]</c>.</summary>
        private int[] _firstEpisode = [0];
        private int[] _duration = [], _multiProviders = [], _moves = [];
        private long[] _cost = [];
        private byte[] _flags = [];
        /// <summary>Each episode's place among <see cref="Durations"/>.</summary>
        private int[] _durationRank = [];

        /// <summary>The cohort's distinct durations, ascending.</summary>
        public int[] Durations { get; private init; } = [];

        /// <summary>How many replicates one pass computes: one per lane of the machine's vectors.</summary>
        public static int Lanes => Vector<long>.Count;

        public static WeightedCohort Of(EpisodeSet set, IReadOnlyList<Episode> cohort, Period period)
        {
            var youths = MeasurementCalculator.PerYouth(set, cohort, period.From);
            var firstEpisode = new int[youths.Count + 1];
            for (var (e, y) = (0, 0); e < cohort.Count; e++)
                if (e > 0 && cohort[e].YouthId != cohort[e - 1].YouthId) firstEpisode[++y] = e;
            firstEpisode[youths.Count] = cohort.Count;
            var durations = cohort.Select(e => e.DurationDays).Distinct().Order().ToArray();
            var rank = new Dictionary<int, int>(durations.Length);
            for (var d = 0; d < durations.Length; d++) rank[durations[d]] = d;
            // Weights stay below 16 (PoissonBootstrap.Weight): no weighted sum of money can leave a long.
            var money = cohort.Aggregate(0m, (sum, e) => sum + e.Cost) + youths.Aggregate(0m, (sum, y) => sum + y.CostOfAllStays + y.AmbulantAmount);
            if (money * MoneyUnit * 16 > long.MaxValue)
                throw new InvalidRequestException($"the cohort's amounts add up to {money:0} euros, more than the bootstrap can weigh");
            return new WeightedCohort
            {
                _youthKeys = youths.Select(y => PoissonBootstrap.UnitKey(y.YouthId)).ToArray(),
                _young = youths.Select(y => y.AgeAtFirstCohortStart <= MeasurementCalculator.YoungAge ? -1L : 0).ToArray(),
                _costOfAllStays = youths.Select(y => Money(y.CostOfAllStays)).ToArray(),
                _ambulant = youths.Select(y => Money(y.AmbulantAmount)).ToArray(),
                _firstEpisode = firstEpisode,
                _duration = cohort.Select(e => e.DurationDays).ToArray(),
                _multiProviders = cohort.Select(e => e.ProviderCount == 1 ? 0 : e.ProviderCount).ToArray(),
                _moves = cohort.Select(e => e.PlacementMoves).ToArray(),
                _cost = cohort.Select(e => Money(e.Cost)).ToArray(),
                _flags = cohort.Select(e => (byte)((e.End is { } end && period.Contains(end) ? ExitedInPeriod : 0) | (e.Ongoing ? Ongoing : 0)
                    | (period.Contains(e.Start) ? Entry : 0) | (e.DurationDays < MeasurementCalculator.ShortStayDays ? Short : 0)
                    | (e.ProviderCount == 1 ? SingleProvider : 0))).ToArray(),
                Durations = durations,
                _durationRank = cohort.Select(e => rank[e.DurationDays]).ToArray(),
            };
        }

        /// <summary>An amount in ten-thousandths of a euro (rounded to even beyond).</summary>
        private static long Money(decimal euros) => (long)Math.Round(euros * MoneyUnit, MidpointRounding.ToEven);

        /// <summary>
        /// One pass: each lane of the vectors is a replicate (its weights from <see cref="PoissonBootstrap.Weights"/>; every
        /// weight 1 with <paramref name="ones"/>), so a youth's and an episode's values are read once for all of them. Lane l's
        /// sums go to row <paramref name="firstRow"/> + l of <paramref name="sums"/> and <paramref name="counts"/>. Sums of one
        /// of the flags take the weight masked by it rather than branching. <paramref name="scratch"/>: room for the pass's
        /// counts per duration and lane.
        /// </summary>
        public void Pass(Vector<ulong> replicateKeys, int count, bool ones, int firstRow, int rows, long[] sums, int[] counts, long[] scratch)
        {
            var lanes = Lanes;
            // Weighted episodes per distinct duration and lane (duration-major: an episode adds to one run of lanes), one
            // after the other in the scratch: all of them (the median), and the entries' exits and censorings (the
            // Kaplan–Meier median).
            Array.Clear(scratch);
            var (byDuration, entriesExited, entriesCensored) = (0, Durations.Length * lanes, 2 * Durations.Length * lanes);
            Vector<long> youths = default, young = default, episodes = default, exited = default, ongoing = default, entries = default;
            Vector<long> shortStays = default, single = default, days = default, exitedDays = default, ongoingDays = default;
            Vector<long> multiProviders = default, moves = default, costOfAllStays = default, ambulant = default, cost = default;
            for (var y = 0; y < _youthKeys.Length; y++)
            {
                var w = ones ? Vector<long>.One : PoissonBootstrap.Weights(replicateKeys, _youthKeys[y]);
                if (w == Vector<long>.Zero) continue;
                youths += w;
                young += w & new Vector<long>(_young[y]);
                costOfAllStays += w * new Vector<long>(_costOfAllStays[y]);
                ambulant += w * new Vector<long>(_ambulant[y]);
                for (var e = _firstEpisode[y]; e < _firstEpisode[y + 1]; e++)
                {
                    int flags = _flags[e];
                    Vector<long> Mask(int flag) => new(-(long)((flags & flag) != 0 ? 1 : 0));
                    var wDays = w * new Vector<long>(_duration[e]);
                    episodes += w;
                    days += wDays;
                    moves += w * new Vector<long>(_moves[e]);
                    cost += w * new Vector<long>(_cost[e]);
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
                    Add(scratch, byDuration + at, w);
                    Add(scratch, entriesExited + at, Vector.AndNot(w & isEntry, isOngoing));
                    Add(scratch, entriesCensored + at, w & isEntry & isOngoing);
                }
            }
            Vector<long>[] totals =
            [
                youths, young, episodes, exited, ongoing, entries, shortStays, single, days, exitedDays, ongoingDays, multiProviders, moves,
                cost, costOfAllStays, ambulant,
            ];
            for (var l = 0; l < count; l++)
            {
                var row = firstRow + l;
                for (var s = 0; s < SumsPerRow; s++) sums[row * SumsPerRow + s] = totals[s][l];
                for (var d = 0; d < Durations.Length; d++)
                {
                    var at = (row * Durations.Length + d) * CountsPerDuration;
                    counts[at] = checked((int)scratch[byDuration + d * lanes + l]);
                    counts[at + 1] = checked((int)scratch[entriesExited + d * lanes + l]);
                    counts[at + 2] = checked((int)scratch[entriesCensored + d * lanes + l]);
                }
            }
        }

        private static void Add(long[] counts, int at, Vector<long> weights) =>
            (new Vector<long>(counts.AsSpan(at)) + weights).CopyTo(counts.AsSpan(at));
    }
}
