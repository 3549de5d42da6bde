using System.Globalization;
using Monitor.Core.Publication;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 3: the trend over every year the data cover, each year read with the same window, as line charts with their table.</summary>
internal sealed partial class ReportBuilder
{
    private Section Trend()
    {
        var years = Input.Trend;
        var blocks = new List<Block>();
        if (years.Count == 0)
        {
            blocks.Add(P("trend.none"));
            return new Section("ontwikkeling", W["trend.title"], blocks);
        }
        blocks.Add(P("trend.intro", ("first", years[0].Period.From.Year), ("last", years[^1].Period.From.Year), ("days", Input.Options.TrendWindowDays)));
        var warned = years.Where(m => m.Warnings.Count > 0).Select(m => m.Period.From.Year.ToString(CultureInfo.InvariantCulture)).ToList();
        if (warned.Count > 0) blocks.Add(new Paragraph(W.F("trend.coverage", ("years", string.Join(", ", warned))), "warning"));

        string Key(int i, string key) => years[i].Prefix + "." + key;
        var labels = years.Select(m => m.Period.From.Year.ToString(CultureInfo.InvariantCulture)).ToList();
        var x = years.Select(m => (double)m.Period.From.Year).ToList();

        string[] counts = ["counts.youths", "counts.entries_in_period", "counts.exited_in_period"];
        blocks.Add(Chart(new LineChart("trend-aantallen", ChartText("trend_counts"), x, labels,
            counts.Select(k => new ChartSeries(W["trend.series." + k], years.Select((_, i) => V.Chart(Key(i, k))).ToList())).ToList())
        {
            ValueLabel = W["axis.count"],
            Colors = ChartPalette.Categorical,
        }));
        blocks.Add(Chart(new LineChart("trend-dagen-per-1000", ChartText("trend_days"), x, labels,
            [new ChartSeries(W["trend.series.outcomes.residential_days_per_1000"], years.Select((_, i) => V.Chart(Key(i, "outcomes.residential_days_per_1000"))).ToList())])
        {
            ValueLabel = W["axis.days_per_1000"],
            Format = ValueFormat.Number,
            Colors = ChartPalette.Categorical,
        }));
        blocks.Add(Chart(new LineChart("trend-mediane-verblijfsduur", ChartText("trend_median"), x, labels,
            [new ChartSeries(W["trend.series.entry_cohort.km_median_days"], years.Select((_, i) => V.Chart(Key(i, "entry_cohort.km_median_days"))).ToList())])
        {
            ValueLabel = W["axis.days"],
            Colors = ChartPalette.Categorical,
        }));

        var units = TrendFigures.Keys.Select(UnitOf).ToList();
        var rows = years.Select((m, i) => new TableRow(labels[i],
            TrendFigures.Keys.Select((k, c) => Cell.Figure(Key(i, k), units[c].Unit, units[c].Decimals)).ToList())).ToList();
        blocks.Add(Table(new ReportTable("trend-per-jaar", W["trend.table"], W["column.year"],
            TrendFigures.Keys.Select(k => Column(W["trend.column." + k], W["file.trend." + k])).ToList(), rows)));
        return new Section("ontwikkeling", W["trend.title"], blocks);
    }
}
