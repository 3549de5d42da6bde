using Monitor.Core.Publication;

namespace Monitor.Reporting.Report;

/// <summary>Section 4: per municipality (and, without a region, per region) youths, entries and days per 1,000 youths,
/// under the publication rules: most municipalities are small.</summary>
internal sealed partial class ReportBuilder
{
    private Section Municipalities()
    {
        var areas = AreaFigures.Areas(Followup, Input.Reference).Concat(AreaFigures.Areas(Baseline, Input.Reference)).DistinctBy(a => a.Key).ToList();
        // Keep the order regions first, each followed by its municipalities, as the follow-up lists them.
        var blocks = new List<Block> { P(Baseline.Region is null ? "municipalities.intro_all" : "municipalities.intro_region", ("region", Scope), ("t", V.Threshold)) };
        var rows = new List<TableRow>();
        foreach (var area in areas)
        {
            var isRegion = area.Key.StartsWith("regions.", StringComparison.Ordinal);
            if (!V.Has($"baseline.{area.Key}.youths") && !V.Has($"followup.{area.Key}.youths")) continue;
            var name = area.Key == AreaFigures.OutsideRegions ? W["municipalities.outside"] : isRegion ? W.F("municipalities.region", ("region", area.Name)) : area.Name;
            // An area that one period does not have (no stays outside the regions file then) has no figure there.
            Cell Figure(string key, Unit unit) => V.Has(key) ? Cell.Figure(key, unit) : Cell.Words(View.NoValueMark);
            rows.Add(new TableRow(name,
            [
                Figure($"baseline.{area.Key}.youths", Unit.Count), Figure($"followup.{area.Key}.youths", Unit.Count),
                Figure($"baseline.{area.Key}.entries", Unit.Count), Figure($"followup.{area.Key}.entries", Unit.Count),
                Figure($"baseline.{area.Key}.residential_days_per_1000", Unit.Rate), Figure($"followup.{area.Key}.residential_days_per_1000", Unit.Rate),
            ], Group: isRegion));
        }
        rows.Add(new TableRow(W["municipalities.total"],
        [
            Cell.Figure("baseline.counts.youths", Unit.Count), Cell.Figure("followup.counts.youths", Unit.Count),
            Cell.Figure("baseline.counts.entries_in_period", Unit.Count), Cell.Figure("followup.counts.entries_in_period", Unit.Count),
            Cell.Figure("baseline.outcomes.residential_days_per_1000", Unit.Rate, 0), Cell.Figure("followup.outcomes.residential_days_per_1000", Unit.Rate, 0),
        ], Group: true));
        string B(string what) => W.F("municipalities.column." + what, ("period", PeriodText(Baseline.Period)));
        string F(string what) => W.F("municipalities.column." + what, ("period", PeriodText(Followup.Period)));
        blocks.Add(Table(new ReportTable("gemeenten-jeugdigen-instroom-dagen", W["municipalities.table"], W["municipalities.column.name"],
        [
            Column(B("youths")), Column(F("youths")), Column(B("entries")), Column(F("entries")), Column(B("days")), Column(F("days")),
        ], rows)));
        blocks.Add(Note("municipalities.note"));
        return new Section("gemeenten", Baseline.Region is null ? W["municipalities.title_all"] : W.F("municipalities.title", ("region", Scope)), blocks);
    }
}
