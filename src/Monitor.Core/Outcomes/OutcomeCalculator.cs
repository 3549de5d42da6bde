using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Statistics;

namespace Monitor.Core.Outcomes;

/// <summary>
/// The outcome figures of docs/outcomes.md for one measurement: residential days and rates per 1,000
/// youths, flows per quarter, crises, premature endings and questionnaire (ROM) change.
/// </summary>
public static class OutcomeCalculator
{
    /// <summary>|RCI| above this is a reliable change (Jacobson &amp; Truax 1991: 1.96, two-sided 5%).</summary>
    public const double ReliableChange = JacobsonTruax.ReliableChange;

    public const int PreWindowBefore = 90;
    public const int PreWindowAfter = 30;
    public const int PostAfterPre = 60;
    public const int PostAfterEnd = 90;

    public static Outcomes Measure(EpisodeSet set, Measurement measurement, ReferenceData reference, OutcomeData data) =>
        WithEntries(OfCohort(set, measurement.Period, measurement.Region, measurement.Cohort.Episodes, reference, data),
            measurement.Counts.EntriesInPeriod);

    /// <summary>
    /// A measurement with its outcomes (<see cref="MeasurementCalculator.Measure(EpisodeSet, MeasurementParameters, ReferenceData)"/>
    /// and <see cref="Measure(EpisodeSet, Measurement, ReferenceData, OutcomeData)"/>), the two made side by side: the
    /// outcomes need only the measurement's cohort, and its count of entries at the end. Each only reads the set, and
    /// neither keeps two cores busy on its own (1.4 and 1.2 cores on average at ten million rows).
    /// </summary>
    public static Measurement MeasureWithOutcomes(EpisodeSet set, MeasurementParameters parameters, ReferenceData reference, OutcomeData data)
    {
        var cohort = MeasurementCalculator.CohortOf(set, parameters, reference);
        Measurement? measurement = null;
        Outcomes? outcomes = null;
        Parallel.Invoke(
            () => measurement = MeasurementCalculator.Measure(set, parameters, reference, cohort),
            () => outcomes = OfCohort(set, parameters.Period, parameters.Region, cohort, reference, data));
        return measurement! with { Outcomes = WithEntries(outcomes!, measurement!.Counts.EntriesInPeriod) };
    }

    /// <summary>The entries per 1,000 youths: the one outcome that needs the measurement's own count.</summary>
    private static Outcomes WithEntries(Outcomes outcomes, int entriesInPeriod) =>
        outcomes with { EntriesPer1000 = PerThousand(entriesInPeriod, outcomes.Population) };

    /// <summary>Every outcome of <paramref name="period"/>'s cohort but the entries per 1,000 (<see cref="WithEntries"/>).</summary>
    private static Outcomes OfCohort(EpisodeSet set, Period period, string? region, IReadOnlyList<Episode> cohort, ReferenceData reference, OutcomeData data)
    {
        var asOf = set.Rules.AsOf;
        var notes = new List<string>();
        bool InArea(int municipality) => region is null || reference.RegionOf(municipality) == region;

        var days = ResidentialDays(cohort, period, asOf);
        // Distinct youths as the cohort's youth order gives them, not a set of a million numbers grown in fresh memory.
        var inCareAtEnd = DistinctYouths(cohort.Where(e => e.Start <= period.To && e.LastDay(asOf) >= period.To)).Length;

        var year = period.From.Year;
        var population = Population(year, region, cohort, reference, data, notes);
        double? Per1000(double count) => PerThousand(count, population);

        // The flows walk every episode and the crises every cohort youth's segments: side by side.
        List<QuarterFlow> flows = [];
        CrisisFigures? crises = null;
        Parallel.Invoke(
            () => flows = Flows(set, period, asOf, InArea),
            () => crises = Crises(set, period, DistinctYouths(cohort), data));
        return new Outcomes(
            ResidentialDays: days,
            PopulationYear: year,
            Population: population,
            ResidentialDaysPer1000: Per1000(days),
            EntriesPer1000: null,
            InCareAtPeriodEnd: inCareAtEnd,
            InCareAtPeriodEndPer1000: Per1000(inCareAtEnd),
            Flows: flows,
            Crisis: crises!,
            Endings: Endings(period, asOf, set.Rules, InArea, data, notes),
            Rom: Rom(set, cohort, asOf, data, notes),
            Notes: notes);
    }

    /// <summary>Residential days inside the period, censored at the as-of date: the sum of <see cref="ResidentialDaysIn"/>.</summary>
    internal static long ResidentialDays(IReadOnlyList<Episode> cohort, Period period, DateOnly asOf)
    {
        long days = 0;
        foreach (var e in cohort) days += ResidentialDaysIn(e, period, asOf);
        return days;
    }

    /// <summary>
    /// The population of the area in <paramref name="year"/>: the region's municipalities, or without a region every
    /// municipality of the regions file and of the cohort. Missing counts make the rates null, never a silent zero:
    /// why is added to <paramref name="notes"/>.
    /// </summary>
    internal static long? Population(int year, string? region, IReadOnlyList<Episode> cohort, ReferenceData reference, OutcomeData data, List<string> notes) =>
        Population(year, region, DistinctMunicipalities(cohort), reference, data, notes);

    /// <summary>As above, with the cohort's municipalities (<paramref name="cohortMunicipalities"/>) given.</summary>
    internal static long? Population(int year, string? region, IEnumerable<int> cohortMunicipalities, ReferenceData reference, OutcomeData data,
        List<string> notes)
    {
        var area = region is not null
            ? reference.MunicipalitiesOf(region).ToHashSet()
            : reference.Municipalities.Concat(cohortMunicipalities).ToHashSet();
        var populationOf = data.Population.Where(p => p.Year == year).GroupBy(p => p.Municipality).ToDictionary(g => g.Key, g => g.Last().Youths);
        var missing = area.Where(m => !populationOf.ContainsKey(m)).Order().ToList();
        long? population = null;
        if (missing.Count > 0)
            notes.Add($"no population for {year} of municipality {string.Join(", ", missing.Select(Codes.Municipality))}: rates per 1,000 are left out");
        else if (area.Count == 0)
            notes.Add("no municipalities to take a population of (no regions file and an empty cohort): rates per 1,000 are left out");
        else
            population = area.Sum(m => (long)populationOf[m]);
        if (population == 0) notes.Add($"the population of the area is 0 in {year}: rates per 1,000 are left out");
        return population;
    }

    /// <summary>A count per 1,000 of the population; null without a population above 0.</summary>
    internal static double? PerThousand(double count, long? population) => population is > 0 ? count * 1000.0 / population.Value : null;

    /// <summary>An episode's days from the later of its start and <c>from</c> to the earlier of its last day
    /// (the as-of date while it runs) and <c>to</c>, both inclusive; 0 outside the period.</summary>
    public static int ResidentialDaysIn(Episode e, Period period, DateOnly asOf)
    {
        var first = e.Start > period.From ? e.Start : period.From;
        var last = e.LastDay(asOf) < period.To ? e.LastDay(asOf) : period.To;
        return last >= first ? last.DayNumber - first.DayNumber + 1 : 0;
    }

    /// <summary>Per quarter of the period: entries, exits, and who is in care on the quarter's last day.
    /// One pass over the episodes: a region's store holds millions.</summary>
    private static List<QuarterFlow> Flows(EpisodeSet set, Period period, DateOnly asOf, Func<int, bool> inArea)
    {
        var quarters = new List<(string Label, DateOnly From, DateOnly To)>();
        for (var quarterStart = new DateOnly(period.From.Year, (period.From.Month - 1) / 3 * 3 + 1, 1); quarterStart <= period.To; quarterStart = quarterStart.AddMonths(3))
        {
            var from = quarterStart < period.From ? period.From : quarterStart;
            var to = quarterStart.AddMonths(3).AddDays(-1);
            if (to > period.To) to = period.To;
            quarters.Add(($"{quarterStart.Year.ToString(CultureInfo.InvariantCulture)}-Q{(quarterStart.Month - 1) / 3 + 1}", from, to));
        }
        var (entries, exits, inCare) = (new int[quarters.Count], new int[quarters.Count], new int[quarters.Count]);
        foreach (var e in set.Episodes)
        {
            if (e.Start > period.To || e.LastDay(asOf) < period.From || !inArea(e.Municipality)) continue;
            for (var q = 0; q < quarters.Count; q++)
            {
                var (_, from, to) = quarters[q];
                if (e.Start >= from && e.Start <= to) entries[q]++;
                if (e.End is { } end && end >= from && end <= to) exits[q]++;
                if (e.Start <= to && e.LastDay(asOf) >= to) inCare[q]++;
            }
        }
        return quarters.Select((q, i) => new QuarterFlow(q.Label, q.From, q.To, entries[i], exits[i], inCare[i])).ToList();
    }

    /// <param name="cohortYouths">The cohort's youths, ascending.</param>
    private static CrisisFigures Crises(EpisodeSet set, Period period, int[] cohortYouths, OutcomeData data)
    {
        var crisisSegments = 0;
        foreach (var youth in cohortYouths)
        foreach (var s in set.AllSegmentsOf(youth))
            if (s.CareType == CareType.Crisis && period.Contains(s.Start)) crisisSegments++;
        var cbs = data.CbsCrisisStarts.Count(c => Array.BinarySearch(cohortYouths, c.YouthId) >= 0 && period.Contains(c.Start));
        double? Per100(int count) => cohortYouths.Length == 0 ? null : count * 100.0 / cohortYouths.Length;
        return new CrisisFigures(crisisSegments, Per100(crisisSegments), cbs, Per100(cbs));
    }

    /// <summary>The youths of the episodes, each once, ascending. A cohort is in youth order, as its episode
    /// set, so a youth repeats only next to itself: no hash set of a million youths is needed.</summary>
    private static int[] DistinctYouths(IEnumerable<Episode> episodes)
    {
        var youths = new List<int>();
        var ordered = true;
        foreach (var e in episodes)
        {
            if (youths.Count > 0 && youths[^1] == e.YouthId) continue;
            if (youths.Count > 0 && youths[^1] > e.YouthId) ordered = false;
            youths.Add(e.YouthId);
        }
        return ordered ? youths.ToArray() : youths.Distinct().Order().ToArray();
    }

    /// <summary>The municipalities of the episodes, each once (codes have 4 digits).</summary>
    private static IEnumerable<int> DistinctMunicipalities(IReadOnlyList<Episode> episodes)
    {
        var seen = new bool[10_000];
        foreach (var e in episodes) seen[e.Municipality] = true;
        for (var m = 0; m < seen.Length; m++)
            if (seen[m]) yield return m;
    }

    /// <summary>Trajectories of the residential set that ended in the period (by the as-of date), by end reason.</summary>
    private static EndingFigures Endings(Period period, DateOnly asOf, EpisodeRules rules, Func<int, bool> inArea, OutcomeData data, List<string> notes)
    {
        int asPlanned = 0, premature = 0, other = 0, unknown = 0;
        var unknownCodes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ending in data.Endings)
        {
            if (!period.Contains(ending.End) || ending.End > asOf || !rules.IsResidential(ending.CareType) || !inArea(ending.Municipality)) continue;
            if (ending.Reason is { } code && data.EndReasons.TryGetValue(code, out var category))
            {
                if (category == EndCategory.AsPlanned) asPlanned++;
                else if (category == EndCategory.Premature) premature++;
                else other++;
            }
            else
            {
                unknown++;
                if (ending.Reason is { } c) unknownCodes.Add(c);
            }
        }
        if (unknownCodes.Count > 0) notes.Add($"end reason code {string.Join(", ", unknownCodes)} is not in the endreasons file: counted as unknown");
        var known = asPlanned + premature;
        return new EndingFigures(asPlanned + premature + other + unknown, asPlanned, premature, other, unknown,
            known == 0 ? null : (double)premature / known);
    }

    /// <summary>Pre/post pairs per instrument and informant over the cohort's episodes.</summary>
    private static List<RomFigures> Rom(EpisodeSet set, IReadOnlyList<Episode> cohort, DateOnly asOf, OutcomeData data, List<string> notes)
    {
        // Without questionnaire scores there is nothing to pair: no pass over a cohort of a million episodes.
        if (data.Scores.Count == 0) return [];
        var instruments = data.Instruments.ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
        var scoresByYouth = data.Scores.GroupBy(s => s.YouthId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Date).ThenBy(s => s.Score).ToList());
        var pairs = new Dictionary<(string Instrument, Informant Informant), List<(int Youth, double Pre, double Post)>>();
        foreach (var e in cohort)
        {
            if (!scoresByYouth.TryGetValue(e.YouthId, out var scores)) continue;
            foreach (var group in scores.GroupBy(s => (s.Instrument, s.Informant)))
            {
                if (FindPair(group.ToList(), e, asOf) is { } pair)
                {
                    if (!pairs.TryGetValue(group.Key, out var list)) pairs[group.Key] = list = [];
                    list.Add((e.YouthId, pair.Pre, pair.Post));
                }
            }
        }
        var figures = new List<RomFigures>();
        foreach (var ((name, informant), list) in pairs.OrderBy(p => p.Key.Instrument, StringComparer.Ordinal).ThenBy(p => p.Key.Informant))
        {
            if (!instruments.TryGetValue(name, out var instrument))
            {
                notes.Add($"instrument {name} is not in the instruments file: its scores are left out");
                continue;
            }
            figures.Add(Figures(instrument, informant, list));
        }
        return figures;
    }

    /// <summary>The pre-score is the earliest from 90 days before to 30 days after the start; the post-score
    /// the latest from 60 days after the pre-score to 90 days after the end (or the as-of date, whichever is first).</summary>
    internal static (double Pre, double Post)? FindPair(IReadOnlyList<RomScore> scoresByDate, Episode episode, DateOnly asOf)
    {
        RomScore? pre = null;
        foreach (var s in scoresByDate)
        {
            if (s.Date >= episode.Start.AddDays(-PreWindowBefore) && s.Date <= episode.Start.AddDays(PreWindowAfter))
            {
                pre = s;
                break;
            }
        }
        if (pre is null) return null;
        var windowEnd = episode.End is { } end && end.AddDays(PostAfterEnd) < asOf ? end.AddDays(PostAfterEnd) : asOf;
        RomScore? post = null;
        foreach (var s in scoresByDate)
            if (s.Date >= pre.Date.AddDays(PostAfterPre) && s.Date <= windowEnd) post = s;
        return post is null ? null : (pre.Score, post.Score);
    }

    internal static RomFigures Figures(InstrumentRow instrument, Informant informant, IReadOnlyList<(int Youth, double Pre, double Post)> pairs)
    {
        var n = pairs.Count;
        var changes = pairs.Select(p => p.Post - p.Pre).ToList();
        var meanChange = changes.Average();
        double? dz = null;
        if (n >= 2)
        {
            var sd = Math.Sqrt(changes.Sum(c => (c - meanChange) * (c - meanChange)) / (n - 1));
            if (sd > 0) dz = meanChange / sd;
        }
        // Jacobson–Truax (Statistics.JacobsonTruax): improved and deteriorated are reliable changes; the
        // existing recovered_share counts crossing the cut-off alone, recovered_jt the standard "hersteld".
        int improved = 0, deteriorated = 0, startedClinical = 0, recovered = 0, recoveredReliably = 0;
        foreach (var (_, pre, post) in pairs)
        {
            var category = JacobsonTruax.Classify(pre, post, instrument.Sd, instrument.Reliability, instrument.Cutoff, instrument.LowerIsBetter);
            if (category is ReliableChangeCategory.Recovered or ReliableChangeCategory.Improved) improved++;
            else if (category == ReliableChangeCategory.Deteriorated) deteriorated++;
            if (Clinical(instrument, pre))
            {
                startedClinical++;
                if (!Clinical(instrument, post)) recovered++;
                if (category == ReliableChangeCategory.Recovered) recoveredReliably++;
            }
        }
        return new RomFigures(instrument.Name, informant, n, pairs.Average(p => p.Pre), pairs.Average(p => p.Post), meanChange, dz,
            (double)improved / n, (double)(n - improved - deteriorated) / n, (double)deteriorated / n,
            startedClinical, startedClinical == 0 ? null : (double)recovered / startedClinical,
            pairs.Select(p => p.Youth).Distinct().ToList())
        {
            RecoveredReliably = recoveredReliably,
        };
    }

    /// <summary>On the clinical side of the cut-off: at or above it when lower is better, at or below it otherwise.</summary>
    internal static bool Clinical(InstrumentRow instrument, double score) =>
        JacobsonTruax.Clinical(score, instrument.Cutoff, instrument.LowerIsBetter);
}
