using Monitor.Core.Publication;
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
        blocks.AddRange(DifferenceInDifferences(a, b));
        return new Section("regios", W.F("regions.title", ("a", a), ("b", b)), blocks);
    }

    /// <summary>
    /// A's change minus B's, with its 95% interval, and the check of the trends before the baseline in words, always
    /// with the reminder that it proves nothing. Every number is a published figure (<c>difference_in_differences.KEY</c>,
    /// its bounds, <c>pre_trend_parallel.KEY</c>), hidden with the figures it rests on.
    /// </summary>
    private IEnumerable<Block> DifferenceInDifferences(string a, string b)
    {
        if (Input.DifferenceInDifferences is not { } did) yield break;
        (string Key, Unit Unit, int Decimals)[] figures = [("outcomes.residential_days_per_1000", Unit.Rate, 1), ("duration_days.mean_all", Unit.Days, 0)];
        figures = figures.Where(f => V.Has($"{IntervalFigures.Did}.{f.Key}")).ToArray();
        if (figures.Length == 0) yield break;
        var other = $"{ReportFigures.OtherRegion}.change";
        var intervals = did.Statistics is not null;
        yield return new SubHeading(W["regions.did.title"]);
        yield return P("regions.did.intro", ("a", a), ("b", b), ("baseline", PeriodText(Baseline.Period)), ("followup", PeriodText(Followup.Period)));
        var columns = new List<TableColumn>
        {
            Column(W.F("regions.did.column.change", ("region", a)), W.F("file.did.change", ("region", a))),
            Column(W.F("regions.did.column.change", ("region", b)), W.F("file.did.change", ("region", b))),
            Column(W["regions.did.column.did"], W.F("file.did.did", ("a", a), ("b", b))),
        };
        if (intervals)
        {
            columns.Add(new TableColumn(W["column.ci_lower"], W["file.did.ci_lower"], W["column.ci"]));
            columns.Add(new TableColumn(W["column.ci_upper"], W["file.did.ci_upper"], W["column.ci"]));
        }
        var rows = figures.Select(f =>
        {
            var cells = new List<Cell> { Cell.Change($"change.{f.Key}", f.Unit, f.Decimals), Cell.Change($"{other}.{f.Key}", f.Unit, f.Decimals),
                Cell.Change($"{IntervalFigures.Did}.{f.Key}", f.Unit, f.Decimals) };
            if (intervals)
            {
                var undetermined = V.Value($"{IntervalFigures.Did}.{f.Key}") is null ? null : W["interval.undetermined"];
                cells.Add(Cell.Bound($"{IntervalFigures.DidLower}.{f.Key}", f.Unit, f.Decimals, signed: true, undetermined));
                cells.Add(Cell.Bound($"{IntervalFigures.DidUpper}.{f.Key}", f.Unit, f.Decimals, signed: true, undetermined));
            }
            return new TableRow(Label(f.Key), cells, UnitText(f.Unit));
        }).ToList();
        yield return Table(new ReportTable("regios-verschil-in-verschillen", W.F("regions.did.table", ("a", a), ("b", b)), W["column.figure"], columns, rows, HasUnits: true));
        if (did.Statistics is not { } statistics) yield break;

        // The check of the trends before the baseline, per figure, in words.
        var sentences = new List<string>();
        foreach (var (key, _, _) in figures)
        {
            var name = DidStatisticsFigure(key);
            var trend = statistics.Trends.FirstOrDefault(t => t.Figure == name);
            var verdict = $"{IntervalFigures.PreTrend}.{key}";
            var text = !V.Shown(verdict) ? W.F("regions.did.trend.hidden", ("t", V.Threshold))
                : V.Value(verdict) is { } parallel
                    ? W.F(parallel == 1 ? "regions.did.trend.parallel" : "regions.did.trend.not_parallel",
                        ("from", PeriodText(trend!.Periods[0])), ("to", PeriodText(trend.Periods[^1])), ("periods", trend.Periods.Count))
                    : W[trend is null ? "regions.did.trend.no_periods" : "regions.did.trend.no_interval"];
            sentences.Add(W.F("regions.did.trend.figure", ("figure", Label(key)), ("text", text)));
        }
        yield return new ListBlock(sentences);
        yield return Note("regions.did.trend.caveat");
    }

    /// <summary>The name <see cref="Monitor.Core.Outcomes.DidStatistics"/> gives a figure of the difference in differences.</summary>
    private static string DidStatisticsFigure(string key) =>
        Monitor.Core.Outcomes.DidStatistics.Figures.First(f => IntervalFigures.KeyOf(f) == key);
}
