using System.Globalization;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;

namespace Monitor.Core.Publication;

/// <summary>
/// The key figures under other gap rules (the report's sensitivity table): <c>gap_days_N.baseline.…</c> and
/// <c>gap_days_N.followup.…</c>. The rule the report uses keeps the main keys (<c>baseline.…</c>): the same
/// figure, one key.
/// </summary>
public static class SensitivityFigures
{
    /// <summary>The keys the sensitivity table shows, in its order. Youths are left out: they do not depend on the gap rule.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "counts.episodes", "duration_days.mean_all", "duration_days.mean_exited_in_period",
        "entry_cohort.km_median_days", "providers.moves_per_1000_days",
    ];

    public static string Prefix(int gapDays, int mainGapDays, string measurement) =>
        gapDays == mainGapDays ? measurement : $"gap_days_{gapDays.ToString(CultureInfo.InvariantCulture)}.{measurement}";

    /// <summary>
    /// The figures the table shows of a period, under <paramref name="prefix"/>, straight from the episodes: the
    /// table's gap rules need five figures each, not a full measurement with its outcomes and the publication figures
    /// of every part of its cohort (a third of a report's time at ten million rows went there). The same values and
    /// youths as <see cref="MeasurementFigures"/> gives of <see cref="MeasurementCalculator.Measure"/>
    /// (tests/…/SensitivityFiguresTests; a report adds both under its own gap rule, which checks it again).
    /// </summary>
    public static IReadOnlyList<Figure> Of(string prefix, EpisodeSet set, MeasurementParameters parameters, ReferenceData reference)
    {
        var period = parameters.Period;
        var cohort = MeasurementCalculator.CohortOf(set, parameters, reference);
        var exited = cohort.Where(e => e.End is { } end && period.Contains(end)).ToList();
        var entries = cohort.Where(e => period.Contains(e.Start)).ToList();
        long days = 0, moves = 0;
        foreach (var e in cohort) (days, moves) = (days + e.DurationDays, moves + e.PlacementMoves);
        var youths = MeasurementFigures.Youths(cohort);
        var figures = new FigureSet();
        string K(string key) => prefix + "." + key;
        figures.Count(K("counts.episodes"), cohort.Count)
            .Statistic(K("duration_days.mean_all"), MeasurementCalculator.Mean(cohort, e => e.DurationDays), youths)
            .Statistic(K("duration_days.mean_exited_in_period"), MeasurementCalculator.Mean(exited, e => e.DurationDays), MeasurementFigures.Youths(exited))
            .Statistic(K("entry_cohort.km_median_days"), MeasurementCalculator.EntryCohort(entries).KmMedianDays, MeasurementFigures.Youths(entries))
            .Statistic(K("providers.moves_per_1000_days"), days == 0 ? null : moves * 1000.0 / days, youths);
        return Keys.Select(key => figures[K(key)]).ToList();
    }
}
