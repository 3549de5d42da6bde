using Monitor.Core.Domain;
using Monitor.Core.Publication;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 7: how many providers a stay involves, for how long, and how often it moves.</summary>
internal sealed partial class ReportBuilder
{
    private Section Providers()
    {
        var blocks = new List<Block>();
        var classes = BreakdownFigures.ProviderClasses;
        var labels = classes.Select(c => W["providers.class." + c.Key]).ToList();
        blocks.Add(Chart(new BarChart("aanbieders-per-episode", ChartText("providers"), labels,
        [
            new ChartSeries(BaselineLabel, classes.Select(c => V.Chart("baseline." + c.Key)).ToList()),
            new ChartSeries(FollowupLabel, classes.Select(c => V.Chart("followup." + c.Key)).ToList()),
        ])
        {
            CategoryLabel = W["axis.residential_providers"],
            ValueLabel = W["axis.episodes"],
            ShowValues = true,
        }));
        var rows = classes.Select((c, i) => new TableRow(labels[i], [Cell.Figure("baseline." + c.Key, Unit.Count), Cell.Figure("followup." + c.Key, Unit.Count)])).ToList();
        rows.Add(new TableRow(W["stay.classes.total"], [Cell.Figure("baseline.counts.episodes", Unit.Count), Cell.Figure("followup.counts.episodes", Unit.Count)], Group: true));
        blocks.Add(Table(new ReportTable("aanbieders-per-episode", W["providers.per_episode.table"], W["axis.residential_providers"],
            [Column(BaselineLabel, W.F("file.column.episodes", ("label", BaselineLabel))), Column(FollowupLabel, W.F("file.column.episodes", ("label", FollowupLabel)))], rows)));

        (string Key, Unit Unit, int Decimals)[] means =
        [
            ("providers.mean_per_multi_provider_episode", Unit.Number, 1), ("providers.mean_involved_per_episode", Unit.Number, 1),
            ("providers.mean_placement_moves", Unit.Number, 2), ("providers.moves_per_1000_days", Unit.Rate, 2),
        ];
        blocks.Add(Table(new ReportTable("aanbieders-en-overplaatsingen", W["providers.means.table"], "", [Column(BaselineLabel), Column(FollowupLabel)],
            means.Select(m => new TableRow(Label(m.Key), [Cell.Figure("baseline." + m.Key, m.Unit, m.Decimals), Cell.Figure("followup." + m.Key, m.Unit, m.Decimals)], UnitText(m.Unit))).ToList(),
            HasUnits: true)));
        blocks.Add(P("providers.moves_explained"));

        var sectors = Enum.GetValues<Sector>().Where(s => V.Has(SectorKey("baseline", s)) || V.Has(SectorKey("followup", s))).ToList();
        if (sectors.Count > 0)
        {
            var names = sectors.Select(s => W["sector." + s.Word()]).ToList();
            blocks.Add(Table(new ReportTable("betrokkenheid-per-sector", W["providers.sector.table"], W["column.sector"],
                [Column(BaselineLabel, W.F("file.column.days", ("label", BaselineLabel))), Column(FollowupLabel, W.F("file.column.days", ("label", FollowupLabel)))],
                sectors.Select((s, i) => new TableRow(names[i], [Cell.Figure(SectorKey("baseline", s), Unit.Days), Cell.Figure(SectorKey("followup", s), Unit.Days)])).ToList())));
            blocks.Add(Chart(new BarChart("betrokkenheid-per-sector", ChartText("sectors"), names,
            [
                new ChartSeries(BaselineLabel, sectors.Select(s => V.Chart(SectorKey("baseline", s))).ToList()),
                new ChartSeries(FollowupLabel, sectors.Select(s => V.Chart(SectorKey("followup", s))).ToList()),
            ])
            {
                ValueLabel = W["axis.days"],
                Format = ValueFormat.Number,
                ShowValues = true,
            }));
        }

        var moves = BreakdownFigures.MoveClasses;
        var moveLabels = moves.Select(c => W["providers.moves." + c.Key]).ToList();
        // More moves is heavier: one hue from light (none) to dark (3 or more).
        blocks.Add(Chart(new StackedBarChart("overplaatsingen-per-episode", ChartText("moves"), [BaselineLabel, FollowupLabel],
            moves.Select((c, i) => new ChartSeries(moveLabels[i], [V.Chart("baseline." + c.Key), V.Chart("followup." + c.Key)])).ToList())
        {
            ValueLabel = W["axis.episodes"],
            ShowTotals = true,
            Colors = ChartPalette.Sequential,
        }));
        var moveRows = moves.Select((c, i) => new TableRow(moveLabels[i], [Cell.Figure("baseline." + c.Key, Unit.Count), Cell.Figure("followup." + c.Key, Unit.Count)])).ToList();
        moveRows.Add(new TableRow(W["stay.classes.total"], [Cell.Figure("baseline.counts.episodes", Unit.Count), Cell.Figure("followup.counts.episodes", Unit.Count)], Group: true));
        blocks.Add(Table(new ReportTable("overplaatsingen-per-episode", W["providers.moves.table"], W["column.moves"],
            [Column(BaselineLabel, W.F("file.column.episodes", ("label", BaselineLabel))), Column(FollowupLabel, W.F("file.column.episodes", ("label", FollowupLabel)))], moveRows)));
        return new Section("aanbieders", W["providers.title"], blocks);
    }

    private static string SectorKey(string prefix, Sector sector) => $"{prefix}.providers.mean_involvement_days_by_sector.{sector.Word()}";
}
