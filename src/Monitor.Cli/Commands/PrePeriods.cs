using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary>The periods before a baseline for the pre-period trend check of <c>monitor did</c> and of a two-region report.</summary>
public static class PrePeriods
{
    public const int Most = 3;

    /// <summary>
    /// Regions A and B of <paramref name="did"/> measured over the periods before its baseline that the store
    /// holds (<see cref="Before"/>, <see cref="Held"/>), oldest first, in the analysis' one snapshot. Each is
    /// followed as long as the baseline is (its end plus the baseline's own follow-up), so a longer follow-up
    /// cannot make a trend.
    /// </summary>
    public static IReadOnlyList<(Measurement A, Measurement B)> Measure(Analysis analysis, MonitorStore store, DifferenceInDifferences did,
        int gapDays, IReadOnlyList<CareType> residentialSet, int topN)
    {
        var basePeriod = did.ABaseline.Period;
        var followUp = did.ABaseline.AsOf.DayNumber - basePeriod.To.DayNumber;
        var earlier = new List<(Measurement A, Measurement B)>();
        foreach (var p in Before(basePeriod, store.EarliestStart()).Reverse())
        {
            var set = analysis.EpisodesAsOf(p.To.AddDays(followUp), gapDays, residentialSet);
            var pair = (A: analysis.Measure(set, p, did.RegionA, topN), B: analysis.Measure(set, p, did.RegionB, topN));
            if (!Held(pair.A, did.ABaseline) || !Held(pair.B, did.BBaseline)) break;
            earlier.Insert(0, pair);
        }
        return earlier;
    }

    /// <summary>Up to <see cref="Most"/> periods of the baseline's length just before it, oldest first, that
    /// the data cover whole (the earliest stored start is on or before the period's start). A calendar year
    /// steps back by calendar years, so leap days do not shift it.</summary>
    public static IReadOnlyList<Period> Before(Period baseline, DateOnly? earliestStart)
    {
        var periods = new List<Period>();
        if (earliestStart is not { } earliest) return periods;
        var isYear = baseline.From is { Month: 1, Day: 1 } && baseline.To == new DateOnly(baseline.From.Year, 12, 31);
        var length = baseline.To.DayNumber - baseline.From.DayNumber + 1;
        for (var k = 1; k <= Most; k++)
        {
            var period = isYear
                ? Period.Year(baseline.From.Year - k)
                : new Period(baseline.From.AddDays(-k * length), baseline.To.AddDays(-k * length));
            if (period.From < earliest) break;
            periods.Insert(0, period);
        }
        return periods;
    }

    /// <summary>
    /// Whether the store really holds an earlier period: its entries are at least half the baseline's. Extracts
    /// carry the running stays that started long before their first day, so the earliest start alone would
    /// make a period look covered whose entries are missing; entries are what such a period lacks.
    /// </summary>
    public static bool Held(Measurement earlier, Measurement baseline) =>
        earlier.Counts.EntriesInPeriod * 2 >= baseline.Counts.EntriesInPeriod && earlier.Counts.EntriesInPeriod > 0;
}
