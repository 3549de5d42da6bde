using Monitor.Core.Publication;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 9: residential days and rates per 1,000 youths, flows per quarter, crises, premature endings and questionnaire change (docs/outcomes.md).</summary>
internal sealed partial class ReportBuilder
{
    private Section Outcomes()
    {
        var blocks = new List<Block> { P("outcomes.intro") };
        if (Baseline.Outcomes is not { } ob || Followup.Outcomes is not { } of)
            return new Section("uitkomsten", W["outcomes.title"], [P("outcomes.none")]);

        (string Key, Unit Unit, int Decimals)[] days =
        [
            ("outcomes.residential_days", Unit.Days, 0), ("outcomes.residential_days_per_1000", Unit.Rate, 1),
            ("outcomes.entries_per_1000", Unit.Rate, 2), ("outcomes.in_care_at_period_end", Unit.Count, 0),
            ("outcomes.in_care_at_period_end_per_1000", Unit.Rate, 2), ("outcomes.population", Unit.Count, 0),
        ];
        blocks.Add(Table(new ReportTable("uitkomsten-dagen-per-1000", W["outcomes.days.table"], "", [Column(BaselineLabel), Column(FollowupLabel)],
            days.Select(d => new TableRow(W.F("figure." + d.Key, ("year", ob.PopulationYear)),
                [Cell.Figure("baseline." + d.Key, d.Unit, d.Decimals), Cell.Figure("followup." + d.Key, d.Unit, d.Decimals)], UnitText(d.Unit))).ToList(), HasUnits: true)));
        if (ob.Population is null || of.Population is null) blocks.Add(Note("outcomes.no_population"));

        // Flows per quarter.
        blocks.Add(new SubHeading(W["outcomes.flows.title"]));
        var quarters = ob.Flows.Select(q => ("baseline", q)).Concat(of.Flows.Select(q => ("followup", q))).DistinctBy(x => x.q.Quarter).ToList();
        string[] flows = ["entries", "exits", "in_care_at_end"];
        string QuarterKey(string prefix, string quarter, string what) => $"{prefix}.outcomes.flows.{quarter}.{what}";
        string QuarterLabel(string quarter) => quarter.Split("-Q") is [var year, var q] ? W.F("outcomes.flows.quarter", ("q", q), ("year", year)) : quarter;
        blocks.Add(Chart(new BarChart("stromen-per-kwartaal", ChartText("flows"), quarters.Select(x => QuarterLabel(x.q.Quarter).Replace(" ", "\n")).ToList(),
            flows.Select(f => new ChartSeries(W["outcomes.flows." + f], quarters.Select(x => V.Chart(QuarterKey(x.Item1, x.q.Quarter, f))).ToList())).ToList())
        {
            ValueLabel = W["axis.episodes"],
            Colors = ChartPalette.Categorical,
        }));
        blocks.Add(Table(new ReportTable("stromen-per-kwartaal", W["outcomes.flows.table"], W["column.quarter"],
            flows.Select(f => Column(W["outcomes.flows." + f], W["file.flows." + f])).ToList(),
            quarters.Select(x => new TableRow(QuarterLabel(x.q.Quarter), flows.Select(f => Cell.Figure(QuarterKey(x.Item1, x.q.Quarter, f), Unit.Count)).ToList())).ToList())));

        // Crises and endings.
        blocks.Add(new SubHeading(W["outcomes.crises.title"]));
        (string Key, Unit Unit, int Decimals)[] crises =
        [
            ("outcomes.crisis.crisis_segments_started", Unit.Count, 0), ("outcomes.crisis.crisis_segments_per_100_youths", Unit.Rate, 1),
            ("outcomes.crisis.cbs_started_as_crisis", Unit.Count, 0), ("outcomes.endings.ended", Unit.Count, 0),
            ("outcomes.endings.as_planned", Unit.Count, 0), ("outcomes.endings.premature", Unit.Count, 0),
            ("outcomes.endings.other", Unit.Count, 0), ("outcomes.endings.unknown", Unit.Count, 0), ("outcomes.endings.premature_share", Unit.Share, 0),
        ];
        blocks.Add(Table(new ReportTable("crises-en-beeindigingen", W["outcomes.crises.table"], "", [Column(BaselineLabel), Column(FollowupLabel)],
            crises.Select(c => new TableRow(Label(c.Key), [Cell.Figure("baseline." + c.Key, c.Unit, c.Decimals), Cell.Figure("followup." + c.Key, c.Unit, c.Decimals)], UnitText(c.Unit))).ToList(),
            HasUnits: true)));

        // Questionnaires.
        blocks.Add(new SubHeading(W["outcomes.rom.title"]));
        blocks.Add(P("outcomes.rom.intro"));
        var rom = new List<(string Prefix, string Label)>();
        foreach (var (prefix, m, label) in new[] { ("baseline", Baseline, BaselineLabel), ("followup", Followup, FollowupLabel) })
            foreach (var r in m.Outcomes!.Rom)
                rom.Add(($"{prefix}.outcomes.rom.{OutcomeFigures.RomKey(r.Instrument)}.{r.Informant.ToString().ToLowerInvariant()}",
                    W.F("outcomes.rom.row", ("instrument", r.Instrument), ("informant", W["informant." + r.Informant.ToString().ToLowerInvariant()]), ("label", label))));
        if (rom.Count == 0)
        {
            blocks.Add(Note("outcomes.rom.none"));
            return new Section("uitkomsten", W["outcomes.title"], blocks);
        }
        (string What, Unit Unit, int Decimals)[] romColumns =
        [
            ("pairs", Unit.Count, 0), ("mean_pre", Unit.Number, 1), ("mean_post", Unit.Number, 1), ("mean_change", Unit.Number, 1), ("effect_size_dz", Unit.Number, 2),
            ("improved_share", Unit.Share, 0), ("unchanged_share", Unit.Share, 0), ("deteriorated_share", Unit.Share, 0), ("recovered_share", Unit.Share, 0),
            ("recovered_jt_share", Unit.Share, 0),
        ];
        blocks.Add(Table(new ReportTable("vragenlijsten-rom", W["outcomes.rom.table"], W["outcomes.rom.column.row"],
            romColumns.Select(c => Column(W["outcomes.rom.column." + c.What], W["file.rom." + c.What])).ToList(),
            rom.Select(r => new TableRow(r.Label, romColumns.Select(c => Cell.Figure($"{r.Prefix}.{c.What}", c.Unit, c.Decimals)).ToList())).ToList())));
        // Better is green, no change grey, worse vermillion (never green); a hidden share is not drawn.
        blocks.Add(Chart(new StackedBarChart("vragenlijsten-rom", ChartText("rom"), rom.Select(r => r.Label).ToList(),
            new[] { "improved_share", "unchanged_share", "deteriorated_share" }
                .Select(s => new ChartSeries(W["outcomes.rom.column." + s], rom.Select(r => V.Chart($"{r.Prefix}.{s}")).ToList())).ToList())
        {
            ValueLabel = W["axis.share"],
            Format = ValueFormat.Percent,
            ValueMax = 1,
            Colors = ChartPalette.BetterSameWorse,
        }));
        return new Section("uitkomsten", W["outcomes.title"], blocks);
    }
}
