using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;

namespace Monitor.Core.Publication;

/// <summary>
/// One year of the trend, as the report shows it: the year, the date it was read at, its coverage warnings and
/// its figures (<see cref="TrendFigures.Keys"/> and what they rest on) under its prefix. Small enough to keep
/// beside the store: a year whose data a nightly import did not touch is not measured again.
/// </summary>
/// <param name="Prefix">The keys' prefix: <c>trend.YYYY</c>, or <c>baseline</c>/<c>followup</c> when the year is that measurement.</param>
public sealed record TrendYear(Period Period, DateOnly AsOf, string Prefix, IReadOnlyList<CoverageWarning> Warnings, IReadOnlyList<Figure> Figures);

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

    /// <summary>The trend year of measurement <paramref name="m"/>, its figures under <paramref name="prefix"/>.</summary>
    public static TrendYear Of(string prefix, Measurement m, ReferenceData reference)
    {
        // The figures exactly as the measurement's own builders make them, so a year that is also the
        // baseline gives identical figures under identical keys.
        var all = new FigureSet();
        MeasurementFigures.Add(all, prefix, m, reference);
        OutcomeFigures.Add(all, prefix, m);
        var figures = Keys.Concat(Basis).Select(key => prefix + "." + key).Where(all.Contains).Select(key => all[key]).ToList();
        return new TrendYear(m.Period, m.AsOf, prefix, m.Warnings, figures);
    }

    /// <summary>
    /// The trend year of a cohort's sums (<see cref="CohortSums.Of"/>, of the episodes, or kept and brought up to date):
    /// the figures above without the rest of a measurement (its other figures, outcomes and the publication figures of
    /// every part of its cohort, most of what a trend year cost). The same year as <see cref="Of(string, Measurement, ReferenceData)"/>
    /// of the full measurement with its outcomes and warnings (tests/…/TrendFiguresTests).
    /// </summary>
    public static TrendYear Of(string prefix, CohortSums sums, MeasurementParameters parameters, ReferenceData reference, OutcomeData data)
    {
        var (period, t) = (parameters.Period, sums.Totals);
        if (sums.Period != period) throw new ArgumentException($"sums of {sums.Period}, not of {period}", nameof(sums));
        var population = OutcomeCalculator.Population(period.From.Year, parameters.Region, sums.Municipalities.Keys, reference, data, []);

        var all = new FigureSet();
        string K(string key) => prefix + "." + key;
        all.Count(K("counts.youths"), t.Youths).Count(K("counts.episodes"), t.Episodes)
            .Count(K("counts.entries_in_period"), t.Entries).Count(K("counts.exited_in_period"), t.Exited)
            .Count(K("entry_cohort.episodes"), t.Entries)
            .Statistic(K("entry_cohort.km_median_days"), sums.EntryCohort().KmMedianDays, t.EntryYouths)
            .Statistic(K("outcomes.residential_days"), t.ResidentialDays, t.Youths)
            .Add(new Figure(K("outcomes.population"), FigureKind.Count, population))
            .Share(K("outcomes.residential_days_per_1000"), OutcomeCalculator.PerThousand(t.ResidentialDays, population), K("outcomes.residential_days"), K("outcomes.population"));
        var figures = Keys.Concat(Basis).Select(K).Select(key => all[key]).ToList();
        return new TrendYear(period, sums.AsOf, prefix, sums.Warnings, figures);
    }

    /// <summary>Adds the figures of one trend year (when its prefix is <c>baseline</c> they are in the set already,
    /// and adding them again checks that they are the same).</summary>
    public static void Add(FigureSet set, TrendYear year)
    {
        foreach (var figure in year.Figures) set.Add(figure);
        var prefix = year.Prefix;
        if (set.Contains(prefix + ".entry_cohort.episodes")) set.Sum(prefix + ".counts.entries_in_period", prefix + ".entry_cohort.episodes");
    }

    /// <summary>Adds the trend figures of measurement <paramref name="m"/> under <paramref name="prefix"/>.</summary>
    public static void Add(FigureSet set, string prefix, Measurement m, ReferenceData reference) => Add(set, Of(prefix, m, reference));
}
