using Monitor.Core.Measurements;
using Monitor.Core.Publication;

namespace Monitor.Reporting.Report;

/// <summary>
/// The one <see cref="FigureSet"/> of a report: every figure any of its outputs shows, each under one key, with
/// every relation between them, gathered before anything is written so that the rules of PROTOCOL.md 8 are
/// applied once (<see cref="Build"/>). Tables, charts, captions, summary sentences, CSV, the workbook and
/// <c>published.json</c> all read the <see cref="Published"/> this returns.
/// </summary>
public static class ReportFigures
{
    /// <summary>The prefix of region B's measurements in a two-region report.</summary>
    public const string OtherRegion = "other_region";

    /// <summary>
    /// The figures each main measurement gives on its own (<see cref="OfMeasurements"/>): the walks over its cohort, a
    /// million episodes at ten million rows, and most of the work of <see cref="Build"/>.
    /// </summary>
    public sealed class MeasurementSets
    {
        internal MeasurementSets(Measurement baseline, Measurement followup, FigureSet[] sets) =>
            (Baseline, Followup, Sets) = (baseline, followup, sets);

        internal Measurement Baseline { get; }
        internal Measurement Followup { get; }
        internal FigureSet[] Sets { get; }
    }

    /// <summary>
    /// The figures of the two measurements of <paramref name="main"/> on their own, each in a set of its own, made side by
    /// side. <c>monitor report</c> makes them while the store is still read for the rest of the report, and hands them
    /// over in <see cref="ReportInput.MeasurementFigures"/>; the set <see cref="Build"/> makes of them is the same either way.
    /// </summary>
    public static MeasurementSets OfMeasurements(Comparison main, ReferenceData reference, AreaFigures.PopulationOf population)
    {
        var measurements = new[] { ("baseline", main.Baseline), ("followup", main.Followup) };
        var sets = new FigureSet[measurements.Length];
        Parallel.For(0, measurements.Length, i =>
        {
            var (prefix, m) = measurements[i];
            var part = sets[i] = new FigureSet();
            MeasurementFigures.Add(part, prefix, m, reference);
            OutcomeFigures.Add(part, prefix, m);
            BreakdownFigures.Add(part, prefix, m);
            AreaFigures.Add(part, prefix, m, reference, population);
        });
        return new MeasurementSets(main.Baseline, main.Followup, sets);
    }

    public static Published Build(ReportInput input)
    {
        var set = new FigureSet();
        var reference = input.Reference;
        var main = input.Main;
        // Each measurement's own figures, joined in order, which gives the set adding them here would.
        var own = input.MeasurementFigures ?? OfMeasurements(main, reference, input.Population);
        if (!ReferenceEquals(own.Baseline, main.Baseline) || !ReferenceEquals(own.Followup, main.Followup))
            throw new ArgumentException("the measurement figures are of other measurements than the report's", nameof(input));
        foreach (var part in own.Sets) set.AddAll(part);
        // The changes of every figure both measurements have, and the tests; the intervals of the changes and of the
        // Kaplan–Meier medians when the bootstrap ran, each bound hidden with the figure it belongs to.
        MeasurementFigures.AddChanges(set, main);
        IntervalFigures.Add(set, main);

        // The savings estimate: residential cost minus ambulant cost, over the follow-up.
        set.Difference("savings.top_n", "followup.cost_eur.mean_ambulant_per_youth", "followup.cost_eur.mean_top_n");
        set.Difference("savings.all_episodes_per_youth", "followup.cost_eur.mean_ambulant_per_youth", "followup.cost_eur.mean_all_episodes_per_youth");

        // The main gap rule's row repeats the main measurements' figures under their keys: adding them checks they are the same.
        foreach (var row in input.Sensitivity)
        foreach (var figure in row.Baseline.Concat(row.Followup))
            set.Add(figure);

        foreach (var year in input.Trend) TrendFigures.Add(set, year);

        for (var i = 0; i < input.Regions.Count; i++)
        {
            var period = RegionPeriod(i);
            var comparison = input.Regions[i];
            // Region A over this period is the main measurement of this period: the same figures, the same keys.
            MeasurementFigures.Add(set, period, comparison.Baseline, reference);
            OutcomeFigures.Add(set, period, comparison.Baseline);
            var other = $"{OtherRegion}.{period}";
            MeasurementFigures.Add(set, other, comparison.Followup, reference);
            OutcomeFigures.Add(set, other, comparison.Followup);
            foreach (var key in KeyFigureKeys)
                if (set.Contains($"{period}.{key}") && set.Contains($"{other}.{key}"))
                    set.Difference($"region_difference.{period}.{key}", $"{period}.{key}", $"{other}.{key}");
            MeasurementFigures.AddTests(set, $"region_tests.{period}", comparison);
        }
        // A's change minus B's: region A is the main comparison (its changes are change.KEY), B's changes are new.
        if (input.DifferenceInDifferences is { } did)
            IntervalFigures.AddDifferenceInDifferences(set, did, ("baseline", "followup", "change"),
                ($"{OtherRegion}.baseline", $"{OtherRegion}.followup", $"{OtherRegion}.change"));
        return new PublicationRules(input.Options.SuppressionThreshold).Apply(set);
    }

    /// <summary>The periods of the region comparisons, in order: the baseline's, then the follow-up's.</summary>
    public static string RegionPeriod(int index) => index == 0 ? "baseline" : "followup";

    /// <summary>The figures of the key-figure table, in its order.</summary>
    public static IReadOnlyList<string> KeyFigureKeys { get; } =
    [
        "counts.youths", "counts.episodes", "counts.entries_in_period", "counts.exited_in_period", "counts.exited_by_as_of",
        "counts.ongoing_at_as_of", "counts.aged_12_or_younger", "counts.short_episodes", "counts.single_provider_episodes",
        "outcomes.residential_days_per_1000",
        "duration_days.mean_all", "duration_days.median_all", "duration_days.mean_exited_in_period", "duration_days.mean_ongoing_at_as_of",
        "entry_cohort.km_median_days", "duration_days.mean_top_n",
        "providers.mean_per_multi_provider_episode", "providers.moves_per_1000_days",
        "cost_eur.mean_episode", "cost_eur.mean_all_episodes_per_youth", "cost_eur.mean_top_n", "cost_eur.mean_ambulant_per_youth",
    ];
}
