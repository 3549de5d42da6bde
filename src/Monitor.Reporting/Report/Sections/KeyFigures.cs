using Monitor.Core.Measurements;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 2: baseline and follow-up side by side with the change; the figures that depend on one as-of date marked.</summary>
internal sealed partial class ReportBuilder
{
    private Section KeyFigures()
    {
        var blocks = new List<Block> { P("keyfigures.intro", ("asof", AsOfSentence())) };
        if (OneAsOf) blocks.Add(new Paragraph(W["keyfigures.one_asof_warning"], "warning"));
        blocks.AddRange(Warnings((Baseline, W["measurement.baseline_word"]), (Followup, W["measurement.followup_word"])));
        blocks.Add(Table(KeyFigureTable("kerncijfers-nulmeting-vervolgmeting", W["keyfigures.table"], "baseline", "followup", "change", "change_percent",
            BaselineLabel, FollowupLabel, OneAsOf)));
        // The place where research statistics (bootstrap intervals of the changes) will stand once the compare
        // document carries them; nothing is shown until then.
        blocks.Add(new IntervalsBlock([]));

        string[] keys = ["counts.youths", "counts.exited_in_period", "counts.ongoing_at_as_of", "counts.entries_in_period"];
        blocks.Add(Chart(new BarChart("kerncijfers", ChartText("keyfigures"), keys.Select(k => W["chart.keyfigures.category." + k]).ToList(),
        [
            new ChartSeries(BaselineLabel, keys.Select(k => V.Chart("baseline." + k)).ToList()),
            new ChartSeries(FollowupLabel, keys.Select(k => V.Chart("followup." + k)).ToList()),
        ])
        {
            ValueLabel = W["axis.count"],
            ShowValues = true,
        }));
        return new Section("kerncijfers", W["keyfigures.title"], blocks);
    }

    /// <summary>The key figures of two measurements with their difference; also the region comparison's table.</summary>
    internal ReportTable KeyFigureTable(string file, string caption, string first, string second, string change, string? changePercent,
        string firstLabel, string secondLabel, bool markAsOf)
    {
        var rows = new List<TableRow>();
        foreach (var key in ReportFigures.KeyFigureKeys)
        {
            if (!V.Has($"{first}.{key}")) continue;
            var (unit, decimals) = UnitOf(key);
            var cells = new List<Cell>
            {
                Cell.Figure($"{first}.{key}", unit, decimals), Cell.Figure($"{second}.{key}", unit, decimals),
                Cell.Change($"{change}.{key}", unit, decimals),
            };
            if (changePercent is not null)
                cells.Add(V.Has($"{changePercent}.{key}") ? Cell.Change($"{changePercent}.{key}", Unit.Share) : Cell.Empty);
            rows.Add(new TableRow(Label(key), cells, UnitText(unit), markAsOf && AsOfDependence.DependsOnAsOf(key) ? "†" : null));
        }
        var columns = new List<TableColumn>
        {
            Column(firstLabel), Column(secondLabel),
            Column(W["column.change"], W["file.column.change"]),
        };
        if (changePercent is not null) columns.Add(Column(W["column.change_percent"], W["file.column.change_percent"]));
        return new ReportTable(file, caption, W["column.figure"], columns, rows, HasUnits: true,
            Notes: markAsOf ? [W["keyfigures.dagger"]] : null);
    }
}
