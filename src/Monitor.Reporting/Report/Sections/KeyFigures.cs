using Monitor.Core.Measurements;
using Monitor.Core.Publication;
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
            BaselineLabel, FollowupLabel, OneAsOf, intervals: Main.Statistics is not null)));
        if (Main.Statistics is not null) blocks.Add(P("keyfigures.intervals"));

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
    /// <param name="intervals">Beside each change the bounds of its 95% interval (<c>change_ci_lower.KEY</c>,
    /// <c>change_ci_upper.KEY</c>), which the rules hide with the change; a figure without an interval gets empty cells.</param>
    internal ReportTable KeyFigureTable(string file, string caption, string first, string second, string change, string? changePercent,
        string firstLabel, string secondLabel, bool markAsOf, bool intervals = false)
    {
        var rows = new List<TableRow>();
        var withoutInterval = new List<string>();
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
            if (intervals)
            {
                // Beside a change without a value (a median reached in one year only) a bound has none either: the
                // page's "no value" sign, not words that promise it may be fixed later.
                var undetermined = V.Value($"{change}.{key}") is null ? null : W["interval.undetermined"];
                foreach (var bound in new[] { IntervalFigures.ChangeLower, IntervalFigures.ChangeUpper })
                    cells.Add(V.Has($"{bound}.{key}") ? Cell.Bound($"{bound}.{key}", unit, decimals, signed: true, undetermined) : Cell.Empty);
                if (!V.Has($"{IntervalFigures.ChangeLower}.{key}")) withoutInterval.Add(key);
            }
            rows.Add(new TableRow(Label(key), cells, UnitText(unit), markAsOf && AsOfDependence.DependsOnAsOf(key) ? "†" : null));
        }
        var columns = new List<TableColumn>
        {
            Column(firstLabel), Column(secondLabel),
            Column(W["column.change"], W["file.column.change"]),
        };
        if (changePercent is not null) columns.Add(Column(W["column.change_percent"], W["file.column.change_percent"]));
        var notes = new List<string>();
        if (markAsOf) notes.Add(W["keyfigures.dagger"]);
        if (intervals)
        {
            columns.Add(new TableColumn(W["column.ci_lower"], W["file.column.change_ci_lower"], W["column.ci"]));
            columns.Add(new TableColumn(W["column.ci_upper"], W["file.column.change_ci_upper"], W["column.ci"]));
            if (withoutInterval.Count > 0)
                notes.Add(W.F("keyfigures.no_interval", ("figures", string.Join("; ", withoutInterval.Select(Label)))));
        }
        return new ReportTable(file, caption, W["column.figure"], columns, rows, HasUnits: true, Notes: notes.Count > 0 ? notes : null);
    }
}
