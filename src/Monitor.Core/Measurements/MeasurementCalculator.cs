using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Statistics;

namespace Monitor.Core.Measurements;

/// <summary>The parameters of a measurement besides the episode rules.</summary>
public sealed record MeasurementParameters(Period Period, string? Region = null, int TopN = MeasurementParameters.DefaultTopN)
{
    public const int DefaultTopN = 25;
}

/// <summary>Computes the figures of PROTOCOL.md 5 for one period over a set of episodes.</summary>
public static class MeasurementCalculator
{
    private const int ShortStayDays = 30;
    private const int YoungAge = 12;
    private const int MinimumCountedStay = 8;

    public static Measurement Measure(EpisodeSet set, MeasurementParameters parameters, ReferenceData reference)
    {
        var rules = set.Rules;
        var (from, to) = (parameters.Period.From, parameters.Period.To);
        if (rules.AsOf < to) throw new InvalidRequestException($"the as-of date {rules.AsOf:yyyy-MM-dd} is before the period's end {to:yyyy-MM-dd}");

        // The cohort: everyone who stayed at some moment in the period ("op enig moment in verblijf").
        var cohort = set.Episodes
            .Where(e => e.Start <= to && (e.Ongoing || e.End >= from))
            .Where(e => parameters.Region is null || reference.RegionOf(e.Municipality) == parameters.Region)
            .ToList();
        var exitedInPeriod = cohort.Where(e => e.End is { } end && parameters.Period.Contains(end)).ToList();
        var exitedByAsOf = cohort.Where(e => !e.Ongoing).ToList();
        var ongoing = cohort.Where(e => e.Ongoing).ToList();
        var entries = cohort.Where(e => parameters.Period.Contains(e.Start)).ToList();
        // An ongoing episode shorter than 8 days may still reach 8; it is left out too (PROTOCOL.md 5).
        var entries8Plus = entries.Where(e => e.DurationDays >= MinimumCountedStay).ToList();
        var shortStays = cohort.Where(e => e.DurationDays < ShortStayDays).ToList();
        var longStays = cohort.Where(e => e.DurationDays >= ShortStayDays).ToList();
        var topN = cohort
            .OrderByDescending(e => e.DurationDays).ThenByDescending(e => e.Cost).ThenBy(e => e.BirthDate)
            .ThenBy(e => e.YouthId).ThenBy(e => e.Start)
            .Take(parameters.TopN).ToList();

        var firstEpisodeByYouth = cohort.GroupBy(e => e.YouthId).Select(g => g.MinBy(e => e.Start)!).ToList();
        var youthsWithOngoing = ongoing.Select(e => e.YouthId).ToHashSet();

        var counts = new CountFigures(
            Youths: firstEpisodeByYouth.Count,
            Episodes: cohort.Count,
            ExitedInPeriod: exitedInPeriod.Count,
            ExitedByAsOf: exitedByAsOf.Count,
            OngoingAtAsOf: ongoing.Count,
            EntriesInPeriod: entries.Count,
            Aged12OrYounger: firstEpisodeByYouth.Count(e => Age.InYears(e.BirthDate, Later(e.Start, from)) <= YoungAge),
            ShortEpisodes: shortStays.Count,
            SingleProviderEpisodes: cohort.Count(e => e.ProviderCount == 1));

        var durations = new DurationFigures(
            MeanAll: Mean(cohort, e => e.DurationDays),
            MedianAll: Descriptive.Median(cohort.Select(e => (double)e.DurationDays).ToList()),
            MeanExitedInPeriod: Mean(exitedInPeriod, e => e.DurationDays),
            MeanExitedByAsOf: Mean(exitedByAsOf, e => e.DurationDays),
            MeanOngoingAtAsOf: Mean(ongoing, e => e.DurationDays),
            MeanShort: Mean(shortStays, e => e.DurationDays),
            MeanNotShort: Mean(longStays, e => e.DurationDays),
            TopN: parameters.TopN,
            MeanTopN: Mean(topN, e => e.DurationDays));

        var totalDays = cohort.Sum(e => (long)e.DurationDays);
        var providers = new ProviderFigures(
            MeanPerMultiProviderEpisode: Mean(cohort.Where(e => e.ProviderCount > 1).ToList(), e => e.ProviderCount),
            MeanInvolvedPerEpisode: Mean(cohort, e => ProvidersAround(set, e)),
            MeanPlacementMoves: Mean(cohort, e => e.PlacementMoves),
            MovesPer1000Days: totalDays == 0 ? null : cohort.Sum(e => (long)e.PlacementMoves) * 1000.0 / totalDays,
            MeanInvolvementDaysBySector: InvolvementBySector(cohort, reference));

        var cohortYouths = firstEpisodeByYouth.Select(e => e.YouthId).ToList();
        var costOfAllStays = cohortYouths.ToDictionary(y => y, y => set.EpisodesOf(y).Sum(e => e.Cost));
        var costs = new CostFigures(
            MeanEpisode: MeanMoney(cohort.Select(e => e.Cost)),
            MeanEpisodeOngoing: MeanMoney(ongoing.Select(e => e.Cost)),
            MeanAllEpisodesPerYouth: MeanMoney(cohortYouths.Select(y => costOfAllStays[y])),
            MeanAllEpisodesPerYouthOngoing: MeanMoney(cohortYouths.Where(youthsWithOngoing.Contains).Select(y => costOfAllStays[y])),
            MeanTopN: MeanMoney(topN.Select(e => e.Cost)),
            MeanAmbulantPerYouth: MeanMoney(cohortYouths.Select(y => AmbulantAmount(set, y))),
            SegmentsWithoutCost: cohort.Sum(e => e.SegmentsWithoutCost));

        return new Measurement(
            parameters.Period, rules.AsOf, rules.GapDays, parameters.Region, rules.ResidentialSet.ToList(),
            counts, durations, providers, costs,
            MeanAgeAtAsOfTopN: Mean(topN, e => Age.InYears(e.BirthDate, rules.AsOf)),
            EntryCohort: EntryCohort(entries),
            EntryCohort8Plus: EntryCohort(entries8Plus),
            new Cohort(cohort, exitedInPeriod, entries, entries8Plus, topN));
    }

    /// <summary>Times to exit for Kaplan–Meier: event = closed by the as-of date, censored = ongoing.</summary>
    public static IEnumerable<SurvivalTime> SurvivalTimes(IEnumerable<Episode> episodes) =>
        episodes.Select(e => new SurvivalTime(e.DurationDays, Event: !e.Ongoing));

    private static EntryCohortFigures EntryCohort(IReadOnlyList<Episode> entries)
    {
        var curve = KaplanMeier.Estimate(SurvivalTimes(entries));
        return new EntryCohortFigures(entries.Count, entries.Count(e => !e.Ongoing),
            curve.Quantile(0.5), curve.Quantile(0.25), curve.Quantile(0.75));
    }

    /// <summary>Distinct providers with a segment of any care type overlapping the episode's days up to
    /// the as-of date: all care around the stay (the seeds' "4,1 aanbieders").</summary>
    private static int ProvidersAround(EpisodeSet set, Episode episode)
    {
        var lastDay = episode.LastDay(set.Rules.AsOf);
        var providers = new HashSet<int>();
        foreach (var s in set.AllSegmentsOf(episode.YouthId))
            if (s.Start <= lastDay && set.Rules.EffectiveEnd(s) >= episode.Start) providers.Add(s.Provider);
        return providers.Count;
    }

    private static decimal AmbulantAmount(EpisodeSet set, int youthId)
    {
        var total = 0m;
        foreach (var s in set.AllSegmentsOf(youthId))
            if (s.CareType == CareType.Ambulant) total += s.Amount ?? 0;
        return total;
    }

    /// <summary>For each sector, the mean involvement over all (cohort episode, provider of that sector) pairs.</summary>
    private static IReadOnlyDictionary<Sector, double> InvolvementBySector(IEnumerable<Episode> cohort, ReferenceData reference)
    {
        var sums = new SortedDictionary<Sector, (long Days, int Pairs)>();
        foreach (var episode in cohort)
        foreach (var involvement in episode.Involvement)
        {
            var sector = reference.SectorOf(involvement.Provider);
            var (days, pairs) = sums.GetValueOrDefault(sector);
            sums[sector] = (days + involvement.Days, pairs + 1);
        }
        return sums.ToDictionary(kv => kv.Key, kv => (double)kv.Value.Days / kv.Value.Pairs);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static double? Mean<T>(IReadOnlyCollection<T> items, Func<T, int> value) =>
        items.Count == 0 ? null : items.Sum(i => (double)value(i)) / items.Count;

    private static decimal? MeanMoney(IEnumerable<decimal> amounts)
    {
        var (sum, count) = (0m, 0);
        foreach (var amount in amounts) (sum, count) = (sum + amount, count + 1);
        return count == 0 ? null : sum / count;
    }
}
