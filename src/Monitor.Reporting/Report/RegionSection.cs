using Monitor.Core.Measurements;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 5: the comparison with another youth-care region (with <c>--regions A,B</c>).</summary>
internal static class RegionSection
{
    public static void Write(ReportContext context)
    {
        if (context.Input.Regions.Count == 0) return;
        var (a, b) = (context.Input.Options.RegionA!, context.Input.Options.RegionB!);
        context.Heading("regios", context.L($"5. Vergelijking van {a} met {b}", $"5. Comparing {a} with {b}"));
        context.Paragraph(context.L(
            "Dezelfde cijfers voor twee jeugdhulpregio's, per meting. Regio's verschillen in omvang: vergelijk gemiddelden en verhoudingen, niet de aantallen.",
            "The same figures for two youth-care regions, per measurement. Regions differ in size: compare means and rates, not counts."));
        var index = 0;
        foreach (var comparison in context.Input.Regions)
        {
            var period = comparison.Baseline.Period;
            context.SubHeading($"{context.L("Periode", "Period")} {period}");
            KeyFiguresSection.Table(context, $"regios-{++index}", context.L($"{a} en {b}, {period}", $"{a} and {b}, {period}"),
                comparison.Baseline, comparison.Followup, a, b);
            MethodSection.TestReading(context, comparison, a, b);
        }

        var first = context.Input.Regions[0];
        string[] categories = [context.L("Gem. duur voorraad", "Mean stay, stock"), context.L("Gem. duur uitstroom", "Mean stay, exits"), context.L("Mediaan instroom (KM)", "Median, entries (KM)")];
        // Each mean rests on its own group, as in the tables: a value over too few youths is not drawn.
        IReadOnlyList<ChartValue> Values(Measurement m) =>
        [
            context.Statistic(m.Duration.MeanAll, ReportContext.Youths(m.Cohort.Episodes)),
            context.Statistic(m.Duration.MeanExitedInPeriod, ReportContext.Youths(m.Cohort.ExitedInPeriod)),
            context.Statistic(m.EntryCohort.KmMedianDays, ReportContext.Youths(m.Cohort.Entries)),
        ];
        var fewest = new[] { first.Baseline, first.Followup }
            .Min(m => Math.Min(ReportContext.Youths(m.Cohort.ExitedInPeriod), ReportContext.Youths(m.Cohort.Entries)));
        // Two regions are two things of a kind: categorical colours, not the measurements' light and dark blue.
        context.Chart(new BarChart("regios", new ChartText(context.L("Verblijfsduur per regio", "Length of stay by region"),
                context.L($"Staafdiagram: gemiddelde en mediane verblijfsduur in {a} en {b}, {first.Baseline.Period}.",
                    $"Bar chart: mean and median length of stay in {a} and {b}, {first.Baseline.Period}."),
                context.L("Dagen per regio.", "Days per region.")),
            categories, [new ChartSeries(a, Values(first.Baseline)), new ChartSeries(b, Values(first.Followup))])
        {
            ValueLabel = context.L("Dagen", "Days"),
            Format = ValueFormat.Number,
            ShowValues = true,
            Colors = ChartPalette.Categorical,
        }, fewest);
    }
}
