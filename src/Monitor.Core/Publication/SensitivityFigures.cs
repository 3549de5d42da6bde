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
    /// The figures the table shows of a period, under <paramref name="prefix"/>, from its cohort's sums
    /// (<see cref="CohortSums.Of"/>, of the episodes, or kept and brought up to date): the table's gap rules need five
    /// figures each, not a full measurement with its outcomes and the publication figures of every part of its cohort
    /// (a third of a report's time at ten million rows went there). The same values and youths as
    /// <see cref="MeasurementFigures"/> gives of <see cref="MeasurementCalculator.Measure"/> (tests/…/SensitivityFiguresTests;
    /// a report adds both under its own gap rule, which checks it again).
    /// </summary>
    public static IReadOnlyList<Figure> Of(string prefix, CohortSums sums)
    {
        var t = sums.Totals;
        static double? Mean(long sum, int count) => count == 0 ? null : (double)sum / count;
        var figures = new FigureSet();
        string K(string key) => prefix + "." + key;
        figures.Count(K("counts.episodes"), t.Episodes)
            .Statistic(K("duration_days.mean_all"), Mean(t.Days, t.Episodes), t.Youths)
            .Statistic(K("duration_days.mean_exited_in_period"), Mean(t.ExitedDays, t.Exited), t.ExitedYouths)
            .Statistic(K("entry_cohort.km_median_days"), sums.EntryCohort().KmMedianDays, t.EntryYouths)
            .Statistic(K("providers.moves_per_1000_days"), t.Days == 0 ? null : t.Moves * 1000.0 / t.Days, t.Youths);
        return Keys.Select(key => figures[K(key)]).ToList();
    }
}
