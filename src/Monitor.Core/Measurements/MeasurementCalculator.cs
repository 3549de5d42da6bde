using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Statistics;

namespace Monitor.Core.Measurements;

/// <summary>The parameters of a measurement besides the episode rules.</summary>
public sealed record MeasurementParameters(Period Period, string? Region = null, int TopN = MeasurementParameters.DefaultTopN)
{
    public const int DefaultTopN = 25;
}

/// <summary>
/// Computes the figures of PROTOCOL.md 5 for one period over a set of episodes. Written as plain loops
/// over the cohort rather than LINQ chains: a region's cohort runs to a million episodes, and a
/// researcher re-runs measurements often.
/// </summary>
public static class MeasurementCalculator
{
    internal const int ShortStayDays = 30;
    internal const int YoungAge = 12;
    private const int MinimumCountedStay = 8;

    public static Measurement Measure(EpisodeSet set, MeasurementParameters parameters, ReferenceData reference) =>
        Measure(set, parameters, reference, CohortOf(set, parameters, reference));

    /// <summary>The measurement of <paramref name="cohort"/>, which is <see cref="CohortOf"/> the same set and parameters.</summary>
    internal static Measurement Measure(EpisodeSet set, MeasurementParameters parameters, ReferenceData reference, List<Episode> cohort)
    {
        var rules = set.Rules;
        var period = parameters.Period;

        // The parts below only read the cohort: they run side by side on the machine's cores. Figures over a
        // part of the cohort that is not kept are running sums, in cohort order as the lists were.
        List<Episode> exitedInPeriod = [], entries = [], entries8Plus = [];
        List<Episode> topN = [];
        List<CohortYouth> youths = [];
        double? median = null, meanInvolved = null;
        IReadOnlyDictionary<Sector, double> bySector = new Dictionary<Sector, double>();
        var parts = new CohortParts();
        Parallel.Invoke(
            () =>
            {
                var (exited, entering, entering8Plus) = (0, 0, 0);
                foreach (var e in cohort)
                {
                    if (e.End is { } end && period.Contains(end)) exited++;
                    if (period.Contains(e.Start))
                    {
                        entering++;
                        if (e.DurationDays >= MinimumCountedStay) entering8Plus++;
                    }
                }
                (exitedInPeriod, entries, entries8Plus) = (new(exited), new(entering), new(entering8Plus));
                foreach (var e in cohort)
                {
                    if (e.End is { } end && period.Contains(end)) exitedInPeriod.Add(e);
                    if (e.Ongoing) parts.Ongoing.Add(e.DurationDays, e.Cost);
                    else parts.ExitedByAsOf.Add(e.DurationDays, 0);
                    if (period.Contains(e.Start))
                    {
                        entries.Add(e);
                        // An ongoing episode shorter than 8 days may still reach 8; it is left out too (PROTOCOL.md 5).
                        if (e.DurationDays >= MinimumCountedStay) entries8Plus.Add(e);
                    }
                    if (e.DurationDays < ShortStayDays) parts.Short.Add(e.DurationDays, 0);
                    else parts.NotShort.Add(e.DurationDays, 0);
                    if (e.ProviderCount > 1) parts.MultiProvider.Add(e.ProviderCount, 0);
                    if (e.ProviderCount == 1) parts.SingleProvider++;
                }
                topN = TopN(cohort, parameters.TopN);
            },
            () => median = MedianDuration(cohort),
            () => youths = PerYouth(set, cohort, period.From),
            () => meanInvolved = Mean(cohort, e => ProvidersAround(set, e)),
            () => bySector = InvolvementBySector(cohort, reference));

        var counts = new CountFigures(
            Youths: youths.Count,
            Episodes: cohort.Count,
            ExitedInPeriod: exitedInPeriod.Count,
            ExitedByAsOf: parts.ExitedByAsOf.Count,
            OngoingAtAsOf: parts.Ongoing.Count,
            EntriesInPeriod: entries.Count,
            Aged12OrYounger: youths.Count(y => y.AgeAtFirstCohortStart <= YoungAge),
            ShortEpisodes: parts.Short.Count,
            SingleProviderEpisodes: parts.SingleProvider);

        var durationFigures = new DurationFigures(
            MeanAll: Mean(cohort, e => e.DurationDays),
            MedianAll: median,
            MeanExitedInPeriod: Mean(exitedInPeriod, e => e.DurationDays),
            MeanExitedByAsOf: parts.ExitedByAsOf.Mean,
            MeanOngoingAtAsOf: parts.Ongoing.Mean,
            MeanShort: parts.Short.Mean,
            MeanNotShort: parts.NotShort.Mean,
            TopN: parameters.TopN,
            MeanTopN: Mean(topN, e => e.DurationDays));

        long totalDays = 0, totalMoves = 0;
        foreach (var e in cohort) (totalDays, totalMoves) = (totalDays + e.DurationDays, totalMoves + e.PlacementMoves);
        var providers = new ProviderFigures(
            MeanPerMultiProviderEpisode: parts.MultiProvider.Mean,
            MeanInvolvedPerEpisode: meanInvolved,
            MeanPlacementMoves: Mean(cohort, e => e.PlacementMoves),
            MovesPer1000Days: totalDays == 0 ? null : totalMoves * 1000.0 / totalDays,
            MeanInvolvementDaysBySector: bySector);

        var costs = new CostFigures(
            MeanEpisode: MeanMoney(cohort.Select(e => e.Cost)),
            MeanEpisodeOngoing: parts.Ongoing.MeanMoney,
            MeanAllEpisodesPerYouth: MeanMoney(youths.Select(y => y.CostOfAllStays)),
            MeanAllEpisodesPerYouthOngoing: MeanMoney(youths.Where(y => y.HasOngoingCohortEpisode).Select(y => y.CostOfAllStays)),
            MeanTopN: MeanMoney(topN.Select(e => e.Cost)),
            MeanAmbulantPerYouth: MeanMoney(youths.Select(y => y.AmbulantAmount)),
            SegmentsWithoutCost: cohort.Sum(e => e.SegmentsWithoutCost));

        return new Measurement(
            period, rules.AsOf, rules.GapDays, parameters.Region, rules.ResidentialSet.ToList(),
            counts, durationFigures, providers, costs,
            MeanAgeAtAsOfTopN: Mean(topN, e => Age.InYears(e.BirthDate, rules.AsOf)),
            EntryCohort: EntryCohort(entries),
            EntryCohort8Plus: EntryCohort(entries8Plus),
            new Cohort(cohort, exitedInPeriod, entries, entries8Plus, topN));
    }

    /// <summary>The cohort: everyone who stayed at some moment in the period ("op enig moment in verblijf"), in the
    /// region when one is asked, in the set's order (by youth and start).</summary>
    internal static List<Episode> CohortOf(EpisodeSet set, MeasurementParameters parameters, ReferenceData reference)
    {
        var period = parameters.Period;
        if (set.Rules.AsOf < period.To)
            throw new InvalidRequestException($"the as-of date {set.Rules.AsOf:yyyy-MM-dd} is before the period's end {period.To:yyyy-MM-dd}");
        // Counted first, so that the list is allocated once at its size: a region's cohort runs to a million.
        bool InCohort(Episode e) => e.Start <= period.To && (e.Ongoing || e.End >= period.From)
                                    && (parameters.Region is null || reference.RegionOf(e.Municipality) == parameters.Region);
        var episodes = set.Episodes;
        var size = 0;
        for (var i = 0; i < episodes.Count; i++)
            if (InCohort(episodes[i])) size++;
        var cohort = new List<Episode>(size);
        for (var i = 0; i < episodes.Count; i++)
            if (InCohort(episodes[i])) cohort.Add(episodes[i]);
        return cohort;
    }

    /// <summary>The median of the episodes' durations (<see cref="Descriptive.Median"/> of them), counted per day.</summary>
    internal static double? MedianDuration(IReadOnlyList<Episode> episodes)
    {
        var max = 0;
        for (var i = 0; i < episodes.Count; i++)
        {
            var days = episodes[i].DurationDays;
            if (days < 0) return Descriptive.Median(episodes.Select(e => (double)e.DurationDays).ToList()); // never from the builder
            if (days > max) max = days;
        }
        var counts = new int[max + 1];
        for (var i = 0; i < episodes.Count; i++) counts[episodes[i].DurationDays]++;
        return Descriptive.MedianOfCounts(counts);
    }

    /// <summary>Times to exit for Kaplan–Meier: event = closed by the as-of date, censored = ongoing.</summary>
    public static IEnumerable<SurvivalTime> SurvivalTimes(IEnumerable<Episode> episodes) =>
        episodes.Select(e => new SurvivalTime(e.DurationDays, Event: !e.Ongoing));

    internal static EntryCohortFigures EntryCohort(IReadOnlyList<Episode> entries) => EntryCohort(SurvivalTimes(entries).ToList());

    /// <summary>The entry cohort's figures of its times to exit alone (all they depend on).</summary>
    internal static EntryCohortFigures EntryCohort(IReadOnlyList<SurvivalTime> times)
    {
        var curve = KaplanMeier.Estimate(times);
        return new EntryCohortFigures(times.Count, times.Count(t => t.Event),
            curve.Quantile(0.5), curve.Quantile(0.25), curve.Quantile(0.75));
    }

    /// <summary>The N longest episodes: by duration, then cost (both descending), then birth date; youth
    /// and start settle the rest, so the choice never depends on the order of the input.</summary>
    private static List<Episode> TopN(List<Episode> cohort, int n)
    {
        // A bounded heap keeps this O(cohort · log N) instead of sorting a million episodes.
        var heap = new PriorityQueue<Episode, Episode>(LongestLast);
        foreach (var e in cohort)
        {
            if (heap.Count < n) heap.Enqueue(e, e);
            else if (LongestFirst.Compare(e, heap.Peek()) < 0) heap.EnqueueDequeue(e, e);
        }
        var top = new List<Episode>(heap.Count);
        while (heap.Count > 0) top.Add(heap.Dequeue());
        top.Reverse();
        return top;
    }

    private static readonly IComparer<Episode> LongestFirst = Comparer<Episode>.Create((a, b) =>
    {
        var c = b.DurationDays.CompareTo(a.DurationDays);
        if (c == 0) c = b.Cost.CompareTo(a.Cost);
        if (c == 0) c = a.BirthDate.CompareTo(b.BirthDate);
        if (c == 0) c = a.YouthId.CompareTo(b.YouthId);
        return c != 0 ? c : a.Start.CompareTo(b.Start);
    });

    private static readonly IComparer<Episode> LongestLast = Comparer<Episode>.Create((a, b) => LongestFirst.Compare(b, a));

    /// <summary>What the per-youth figures need of each cohort youth (also the bootstrap of <see cref="ChangeIntervals"/>).</summary>
    internal readonly record struct CohortYouth(int YouthId, int AgeAtFirstCohortStart, bool HasOngoingCohortEpisode, decimal CostOfAllStays, decimal AmbulantAmount);

    /// <summary>The cohort's youths. The cohort is in youth order, so a youth's cohort episodes are
    /// consecutive and the first is the earliest.</summary>
    internal static List<CohortYouth> PerYouth(EpisodeSet set, IReadOnlyList<Episode> cohort, DateOnly from)
    {
        // Counted first: a million youths' list grown by doubling would touch twice its memory, fresh each time.
        var count = 0;
        for (var i = 0; i < cohort.Count; i++)
            if (i == 0 || cohort[i].YouthId != cohort[i - 1].YouthId) count++;
        var youths = new List<CohortYouth>(count);
        for (var i = 0; i < cohort.Count;)
        {
            var first = cohort[i];
            var ongoing = false;
            for (; i < cohort.Count && cohort[i].YouthId == first.YouthId; i++) ongoing |= cohort[i].Ongoing;

            // All the youth's stays count, also outside the period and the region.
            var costOfAllStays = 0m;
            foreach (var e in set.EpisodesOf(first.YouthId)) costOfAllStays += e.Cost;
            var ambulant = 0m;
            foreach (var s in set.AllSegmentsOf(first.YouthId))
                if (s.CareType == CareType.Ambulant) ambulant += s.Amount ?? 0;

            var age = Age.InYears(first.BirthDate, first.Start > from ? first.Start : from);
            youths.Add(new CohortYouth(first.YouthId, age, ongoing, costOfAllStays, ambulant));
        }
        return youths;
    }

    /// <summary>Distinct providers with a segment of any care type overlapping the episode's days up to
    /// the as-of date: all care around the stay (the seeds' "4,1 aanbieders").</summary>
    private static int ProvidersAround(EpisodeSet set, Episode episode)
    {
        var rules = set.Rules;
        var (firstDay, lastDay) = (episode.Start.DayNumber, episode.LastDay(rules.AsOf).DayNumber);
        Span<int> seen = stackalloc int[64];
        var count = 0;
        HashSet<int>? overflow = null; // only for a youth with more than 64 providers
        foreach (ref readonly var s in set.AllSegmentsOf(episode.YouthId))
        {
            if (s.StartDay > lastDay || rules.EffectiveEndDay(s) < firstDay) continue;
            if (seen[..Math.Min(count, seen.Length)].Contains(s.Provider) || overflow?.Contains(s.Provider) == true) continue;
            if (count < seen.Length) seen[count] = s.Provider;
            else (overflow ??= []).Add(s.Provider);
            count++;
        }
        return count;
    }

    /// <summary>For each sector, the mean involvement over all (cohort episode, provider of that sector) pairs.</summary>
    private static IReadOnlyDictionary<Sector, double> InvolvementBySector(IEnumerable<Episode> cohort, ReferenceData reference)
    {
        var days = new long[Enum.GetValues<Sector>().Length];
        var pairs = new int[days.Length];
        Span<ProviderInvolvement> buffer = stackalloc ProviderInvolvement[64];
        foreach (var episode in cohort)
        foreach (var involvement in episode.InvolvementIn(buffer))
        {
            var sector = (int)reference.SectorOf(involvement.Provider);
            days[sector] += involvement.Days;
            pairs[sector]++;
        }
        return Enum.GetValues<Sector>().Where(s => pairs[(int)s] > 0)
            .ToDictionary(s => s, s => (double)days[(int)s] / pairs[(int)s]);
    }

    /// <summary>A part of the cohort that is not kept as a list: what its means need, summed in cohort order.</summary>
    private sealed class Part
    {
        private long _sum;
        private decimal _money;

        public int Count { get; private set; }

        public void Add(int value, decimal money) => (_sum, _money, Count) = (_sum + value, _money + money, Count + 1);

        /// <summary>As <see cref="Mean{T}"/> gives it over the same values.</summary>
        public double? Mean => Count == 0 ? null : (double)_sum / Count;

        /// <summary>As <see cref="MeanMoney"/> gives it over the same amounts.</summary>
        public decimal? MeanMoney => Count == 0 ? null : _money / Count;
    }

    private sealed class CohortParts
    {
        public readonly Part Ongoing = new(), ExitedByAsOf = new(), Short = new(), NotShort = new(), MultiProvider = new();
        public int SingleProvider;
    }

    internal static double? Mean<T>(IReadOnlyList<T> items, Func<T, int> value)
    {
        if (items.Count == 0) return null;
        long sum = 0;
        foreach (var item in items) sum += value(item);
        return (double)sum / items.Count;
    }

    private static decimal? MeanMoney(IEnumerable<decimal> amounts)
    {
        var (sum, count) = (0m, 0);
        foreach (var amount in amounts) (sum, count) = (sum + amount, count + 1);
        return count == 0 ? null : sum / count;
    }
}
