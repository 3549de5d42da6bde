using System.Globalization;
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

    public static void Add(FigureSet set, string prefix, Measurement m, ReferenceData reference)
    {
        var all = new FigureSet();
        MeasurementFigures.Add(all, prefix, m, reference);
        foreach (var key in Keys) set.Add(all[prefix + "." + key]);
    }
}
