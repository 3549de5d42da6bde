using System.Globalization;
using Monitor.Core.Publication;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 6: how much the figures depend on the episode rule (gap days 0, 2, 7 and 30).</summary>
internal sealed partial class ReportBuilder
{
    private Section Sensitivity()
    {
        var rows = Input.Sensitivity;
        var blocks = new List<Block> { P("sensitivity.intro", ("gap", Baseline.GapDays)) };
        string Prefix(int gap, string measurement) => SensitivityFigures.Prefix(gap, Baseline.GapDays, measurement);
        var tableRows = new List<TableRow>();
        foreach (var row in rows)
        {
            foreach (var (measurement, label) in new[] { ("baseline", BaselineLabel), ("followup", FollowupLabel) })
            {
                tableRows.Add(new TableRow(W.F("sensitivity.row", ("gap", row.GapDays), ("label", label)),
                    SensitivityFigures.Keys.Select(k =>
                    {
                        var (unit, decimals) = UnitOf(k);
                        return Cell.Figure($"{Prefix(row.GapDays, measurement)}.{k}", unit, decimals);
                    }).ToList()));
            }
        }
        blocks.Add(Table(new ReportTable("gevoeligheid-tussendagen", W["sensitivity.table"], W["sensitivity.column.rule"],
            SensitivityFigures.Keys.Select(k => Column(W["sensitivity.column." + k], W["file.sensitivity." + k])).ToList(), tableRows)));
        if (rows.Count > 1)
        {
            // The shift between gap rules is the point, so the axis starts near the data; the chart says so.
            blocks.Add(Chart(new LineChart("gevoeligheid-tussendagen", ChartText("sensitivity"),
                rows.Select(r => (double)r.GapDays).ToList(), rows.Select(r => r.GapDays.ToString(CultureInfo.InvariantCulture)).ToList(),
            [
                new ChartSeries(BaselineLabel, rows.Select(r => V.Chart($"{Prefix(r.GapDays, "baseline")}.duration_days.mean_all")).ToList()),
                new ChartSeries(FollowupLabel, rows.Select(r => V.Chart($"{Prefix(r.GapDays, "followup")}.duration_days.mean_all")).ToList()),
            ])
            {
                XLabel = W["axis.gap_days"],
                ValueLabel = W["axis.days"],
                Format = ValueFormat.Number,
                StartAtZero = false,
            }));
        }
        return new Section("gevoeligheid", W["sensitivity.title"], blocks);
    }
}
