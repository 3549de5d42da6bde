using Monitor.Core.Charts;
using Monitor.Core.Measurements;

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
        var plot = new Plot("chart-regios", context.L("Verblijfsduur per regio", "Length of stay by region"),
            context.L($"Staafdiagram: gemiddelde en mediane verblijfsduur in {a} en {b}, {first.Baseline.Period}.",
                $"Bar chart: mean and median length of stay in {a} and {b}, {first.Baseline.Period}."), context.Language);
        string[] categories = [context.L("Gem. duur voorraad", "Mean stay, stock"), context.L("Gem. duur uitstroom", "Mean stay, exits"), context.L("Mediaan instroom (KM)", "Median, entries (KM)")];
        double[] Values(Measurement m) => [m.Duration.MeanAll ?? 0, m.Duration.MeanExitedInPeriod ?? 0, m.EntryCohort.KmMedianDays ?? 0];
        plot.Add(new BarSeries(categories, new Series(a, Values(first.Baseline)), new Series(b, Values(first.Followup))) { ShowValues = true });
        plot.YAxis.Label = context.L("Dagen", "Days");
        var fewest = new[] { first.Baseline, first.Followup }
            .Min(m => Math.Min(ReportContext.Youths(m.Cohort.ExitedInPeriod), ReportContext.Youths(m.Cohort.Entries)));
        context.Chart("regios", plot, context.L("Dagen per regio.", "Days per region."), fewest);
    }
}
