using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Statistics;

namespace Monitor.Core.Publication;

/// <summary>
/// What a trend year (<see cref="TrendFigures"/>) and a row of the sensitivity table (<see cref="SensitivityFigures"/>)
/// are made of: sums over the cohort of one period, read at one date, under one gap rule, in one area. Every sum is a
/// sum over youths, each youth adding a part that depends on their own segments alone: the distinct youths of a part,
/// its episodes and days, and counts per value where a figure needs more than a total (entries' times to exit for the
/// median, municipalities for the population, open segments per early extract for the warnings). So the sums of the
/// youths of a store are those of the youths a nightly import left alone plus those of the youths it touched: a report
/// keeps them beside the store and takes the touched youths' old part away and adds their new one
/// (<see cref="Minus"/>, <see cref="Plus"/>), instead of building every youth around the period again.
/// </summary>
/// <param name="Period">The period measured.</param>
/// <param name="AsOf">The as-of date it was read at.</param>
/// <param name="EntryTimes">The entries' times to exit (days, and whether it ended by the as-of date), with how many entries have each.</param>
/// <param name="Municipalities">The cohort's episodes per municipality (the population without a region is that of the
/// regions file and the cohort's municipalities).</param>
/// <param name="OpenSegments">The cohort's segments open at the as-of date, per extract covering less than up to it.</param>
public sealed record CohortSums(
    Period Period,
    DateOnly AsOf,
    CohortSums.Counts Totals,
    IReadOnlyDictionary<SurvivalTime, int> EntryTimes,
    IReadOnlyDictionary<int, int> Municipalities,
    IReadOnlyDictionary<ExtractCoverage, int> OpenSegments) : IYouthSums<CohortSums>
{
    /// <summary>The plain sums.</summary>
    /// <param name="Days">The episodes' durations (<see cref="Episode.DurationDays"/>).</param>
    /// <param name="ResidentialDays">Their days within the period (<see cref="OutcomeCalculator.ResidentialDaysIn"/>).</param>
    public readonly record struct Counts(
        int Episodes, int Youths, long Days, long Moves, long ResidentialDays,
        int Exited, int ExitedYouths, long ExitedDays,
        int Entries, int EntryYouths)
    {
        public Counts Plus(Counts o, int sign) => new(
            Episodes + sign * o.Episodes, Youths + sign * o.Youths, Days + sign * o.Days, Moves + sign * o.Moves,
            ResidentialDays + sign * o.ResidentialDays, Exited + sign * o.Exited, ExitedYouths + sign * o.ExitedYouths,
            ExitedDays + sign * o.ExitedDays, Entries + sign * o.Entries, EntryYouths + sign * o.EntryYouths);
    }

    /// <summary>The sums of the cohort of <paramref name="parameters"/> in <paramref name="set"/> (all of its youths or
    /// those around the period: <see cref="PeriodSegments"/>), read at the set's as-of date.</summary>
    /// <param name="openSources">As for <see cref="CoverageWarning.Of(IReadOnlyList{Episode}, EpisodeSet, IReadOnlyDictionary{long, ExtractCoverage})"/>.</param>
    public static CohortSums Of(EpisodeSet set, MeasurementParameters parameters, ReferenceData reference,
        IReadOnlyDictionary<long, ExtractCoverage> openSources)
    {
        var (period, asOf) = (parameters.Period, set.Rules.AsOf);
        var cohort = MeasurementCalculator.CohortOf(set, parameters, reference);
        var exited = new List<Episode>();
        var entries = new List<Episode>();
        long days = 0, moves = 0, exitedDays = 0;
        var times = new Dictionary<SurvivalTime, int>();
        var municipalities = new Dictionary<int, int>();
        foreach (var e in cohort)
        {
            (days, moves) = (days + e.DurationDays, moves + e.PlacementMoves);
            municipalities[e.Municipality] = municipalities.GetValueOrDefault(e.Municipality) + 1;
            if (e.End is { } end && period.Contains(end))
            {
                exited.Add(e);
                exitedDays += e.DurationDays;
            }
            if (period.Contains(e.Start))
            {
                entries.Add(e);
                var time = new SurvivalTime(e.DurationDays, Event: !e.Ongoing);
                times[time] = times.GetValueOrDefault(time) + 1;
            }
        }
        var totals = new Counts(cohort.Count, MeasurementFigures.Youths(cohort), days, moves, OutcomeCalculator.ResidentialDays(cohort, period, asOf),
            exited.Count, MeasurementFigures.Youths(exited), exitedDays, entries.Count, MeasurementFigures.Youths(entries));
        return new CohortSums(period, asOf, totals, times, municipalities, CoverageWarning.OpenSegmentsOf(cohort, set, openSources));
    }

    public CohortSums Plus(CohortSums other) => Combine(other, 1);

    public CohortSums Minus(CohortSums part) => Combine(part, -1);

    private CohortSums Combine(CohortSums other, int sign)
    {
        if (other.Period != Period || other.AsOf != AsOf)
            throw new ArgumentException($"sums of {other.Period} as of {other.AsOf:O} do not go with those of {Period} as of {AsOf:O}", nameof(other));
        var totals = Totals.Plus(other.Totals, sign);
        if (totals.Episodes < 0 || totals.Youths < 0 || totals.Days < 0 || totals.Moves < 0 || totals.ResidentialDays < 0 || totals.Exited < 0
            || totals.ExitedYouths < 0 || totals.ExitedDays < 0 || totals.Entries < 0 || totals.EntryYouths < 0)
            throw new InvalidOperationException("the sums taken away are not part of these sums");
        return new CohortSums(Period, AsOf, totals, Combine(EntryTimes, other.EntryTimes, sign), Combine(Municipalities, other.Municipalities, sign),
            Combine(OpenSegments, other.OpenSegments, sign));
    }

    private static Dictionary<TKey, int> Combine<TKey>(IReadOnlyDictionary<TKey, int> a, IReadOnlyDictionary<TKey, int> b, int sign) where TKey : notnull
    {
        var sum = new Dictionary<TKey, int>(a);
        foreach (var (key, count) in b)
        {
            var value = sum.GetValueOrDefault(key) + sign * count;
            if (value < 0) throw new InvalidOperationException($"the sums taken away are not part of these sums ({key})");
            if (value == 0) sum.Remove(key);
            else sum[key] = value;
        }
        return sum;
    }

    /// <summary>The entries' Kaplan–Meier figures: the same curve as of the entries themselves (it depends on their times alone).</summary>
    internal EntryCohortFigures EntryCohort() => MeasurementCalculator.EntryCohort(
        EntryTimes.SelectMany(t => Enumerable.Repeat(t.Key, t.Value)).ToList());

    /// <summary>The coverage warnings of the cohort (<see cref="CoverageWarning.Of(IReadOnlyDictionary{ExtractCoverage, int}, DateOnly)"/>).</summary>
    public IReadOnlyList<CoverageWarning> Warnings => CoverageWarning.Of(OpenSegments, AsOf);

    /// <summary>Whether two sums are the same, entry by entry (what the tests compare).</summary>
    public bool SameAs(CohortSums other) =>
        Period == other.Period && AsOf == other.AsOf && Totals == other.Totals && Same(EntryTimes, other.EntryTimes)
        && Same(Municipalities, other.Municipalities) && Same(OpenSegments, other.OpenSegments);

    private static bool Same<TKey>(IReadOnlyDictionary<TKey, int> a, IReadOnlyDictionary<TKey, int> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
