using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 10 (with <c>--regions A,B</c>): region A against region B, per measurement period.</summary>
internal sealed partial class ReportBuilder
{
    private Section RegionComparison()
    {
        var (a, b) = (Input.Options.RegionA!, Input.Options.RegionB!);
        var blocks = new List<Block> { P("regions.intro", ("a", a), ("b", b)) };
        for (var i = 0; i < Input.Regions.Count; i++)
        {
            var period = ReportFigures.RegionPeriod(i);
            var label = PeriodText(Input.Regions[i].Baseline.Period);
            var other = $"{ReportFigures.OtherRegion}.{period}";
            blocks.Add(new SubHeading(W.F("regions.period", ("period", label))));
            blocks.Add(Table(KeyFigureTable($"regios-kerncijfers-{(i == 0 ? "nulmeting" : "vervolgmeting")}", W.F("regions.table", ("a", a), ("b", b), ("period", label)),
                period, other, $"region_difference.{period}", null, a, b, false)));
            blocks.Add(Table(TestsTable($"toetsen-regios-{(i == 0 ? "nulmeting" : "vervolgmeting")}", $"region_tests.{period}", a, b)));
        }
        string[] keys = ["duration_days.mean_all", "duration_days.mean_exited_in_period", "entry_cohort.km_median_days"];
        blocks.Add(Chart(new BarChart("regios-verblijfsduur", ChartText("regions", ("a", a), ("b", b), ("period", PeriodText(Baseline.Period))),
            keys.Select(k => W["chart.regions.category." + k]).ToList(),
        [
            new ChartSeries(a, keys.Select(k => V.Chart("baseline." + k)).ToList()),
            new ChartSeries(b, keys.Select(k => V.Chart($"{ReportFigures.OtherRegion}.baseline.{k}")).ToList()),
        ])
        {
            ValueLabel = W["axis.days"],
            Format = ValueFormat.Number,
            ShowValues = true,
            // Two regions are two things of a kind: categorical colours, not the measurements' light and dark blue.
            Colors = ChartPalette.Categorical,
        }));
        return new Section("regios", W.F("regions.title", ("a", a), ("b", b)), blocks);
    }
}
