using Monitor.Core.Measurements;

namespace Monitor.Core.Publication;

/// <summary>
/// The trend over the years: per calendar year the youths in residential care, entries, exits, residential
/// days per 1,000 youths and the entry cohort's median stay, each year read with the same follow-up window.
/// A year that is the baseline or the follow-up measurement itself keeps their keys (<c>baseline.…</c>):
/// one figure, one key, hidden alike everywhere. Other years are <c>trend.YYYY.…</c> with the protocol's keys.
/// </summary>
public static class TrendFigures
{
    /// <summary>The keys the trend shows of each year, in the order of its table.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "counts.youths", "counts.entries_in_period", "counts.exited_in_period",
        "outcomes.residential_days_per_1000", "entry_cohort.km_median_days",
    ];

    /// <summary>What a year's figures rest on besides the shown ones (a rate needs its numerator and denominator).</summary>
    private static readonly string[] Basis = ["outcomes.residential_days", "outcomes.population", "counts.episodes", "entry_cohort.episodes"];

    public static string Prefix(int year) => "trend." + year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds the trend figures of one year under <paramref name="prefix"/> (<c>trend.2019</c>, or
    /// <c>baseline</c> when the year is the baseline measurement: then they are in the set already, and adding
    /// them again checks that they are the same).</summary>
    public static void Add(FigureSet set, string prefix, Measurement m, ReferenceData reference)
    {
        // The figures exactly as the measurement's own builders make them, so a year that is also the
        // baseline gives identical figures under identical keys.
        var all = new FigureSet();
        MeasurementFigures.Add(all, prefix, m, reference);
        OutcomeFigures.Add(all, prefix, m);
        foreach (var key in Keys.Concat(Basis))
            if (all.Contains(prefix + "." + key)) set.Add(all[prefix + "." + key]);
        if (set.Contains(prefix + ".entry_cohort.episodes")) set.Sum(prefix + ".counts.entries_in_period", prefix + ".entry_cohort.episodes");
    }
}
