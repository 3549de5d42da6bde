using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section "Uitkomsten": residential days and rates per 1,000 youths, flows per quarter, crises,
/// premature endings and questionnaire change (docs/outcomes.md).</summary>
internal static class OutcomesSection
{
    public static void Write(ReportContext context)
    {
        var (baseline, followup) = (context.Input.Main.Baseline, context.Input.Main.Followup);
        if (baseline.Outcomes is not { } ob || followup.Outcomes is not { } of) return;
        context.Heading("uitkomsten", context.L("4b. Uitkomsten", "4b. Outcomes"));
        context.Paragraph(context.L(
            "Meer dan verblijfsduur: hoeveel verblijfsdagen per 1.000 jeugdigen in de regio, hoeveel jeugdigen in- en uitstromen, hoe vaak een verblijf met een crisis begint, hoe vaak hulp voortijdig stopt, en hoe de vragenlijstscores (ROM) veranderen tussen het begin en het einde van een verblijf.",
            "Beyond length of stay: residential days per 1,000 youths in the region, how many youths enter and leave, how often a stay begins with a crisis, how often care ends prematurely, and how questionnaire scores (ROM) change between the start and the end of a stay."));

        int Youths(Measurement m) => ReportContext.Youths(m.Cohort.Episodes);
        string Rate(double? rate, int basis) => context.Value(rate, basis, 2);
        context.Table("uitkomsten-dagen", context.L("Verblijfsdagen en jeugdigen per 1.000 jeugdigen (0–17 jaar)", "Residential days and youths per 1,000 youths (aged 0–17)"),
            ["", context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")],
            [
                [context.L("Verblijfsdagen in de periode", "Residential days in the period"), Days(context, ob.ResidentialDays, Youths(baseline)), Days(context, of.ResidentialDays, Youths(followup))],
                [context.L("Verblijfsdagen per 1.000 jeugdigen", "Residential days per 1,000 youths"), Rate(ob.ResidentialDaysPer1000, Youths(baseline)), Rate(of.ResidentialDaysPer1000, Youths(followup))],
                [context.L("Instroom per 1.000 jeugdigen", "Entries per 1,000 youths"), Rate(ob.EntriesPer1000, ReportContext.Youths(baseline.Cohort.Entries)), Rate(of.EntriesPer1000, ReportContext.Youths(followup.Cohort.Entries))],
                [context.L("In verblijf op de laatste dag", "In care on the last day"), context.Count(ob.InCareAtPeriodEnd), context.Count(of.InCareAtPeriodEnd)],
                [context.L("Idem, per 1.000 jeugdigen", "The same, per 1,000 youths"), Rate(ob.InCareAtPeriodEndPer1000, ob.InCareAtPeriodEnd), Rate(of.InCareAtPeriodEndPer1000, of.InCareAtPeriodEnd)],
                [context.L("Jeugdigen 0–17 jaar in het gebied", "Youths aged 0–17 in the area"), Population(context, ob), Population(context, of)],
            ],
            ["outcomes.residential_days", "outcomes.residential_days_per_1000", "outcomes.entries_per_1000", "outcomes.in_care_at_period_end",
                "outcomes.in_care_at_period_end_per_1000", null],
            ["baseline", "followup"]);
        foreach (var note in ob.Notes.Concat(of.Notes).Distinct()) context.Paragraph(note, "note");

        Flows(context, baseline, followup);
        RegionRates(context);

        // Crises and premature endings.
        var (cb, cf) = (ob.Crisis, of.Crisis);
        var (eb, ef) = (ob.Endings, of.Endings);
        string Share(double? share, int basis) => share is { } s && context.Suppression.AllowsStatisticOver(basis) ? context.Percent(s, 1) : "–";
        context.Table("crises-uitval", context.L("Crises en voortijdig beëindigde hulp", "Crises and care ended prematurely"),
            ["", context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")],
            [
                [context.L("Crisisplaatsingen begonnen in de periode", "Crisis placements started in the period"), context.Count(cb.CrisisSegmentsStarted), context.Count(cf.CrisisSegmentsStarted)],
                [context.L("Idem, per 100 jeugdigen in verblijf", "The same, per 100 youths in care"), Rate(cb.CrisisSegmentsPer100Youths, Youths(baseline)), Rate(cf.CrisisSegmentsPer100Youths, Youths(followup))],
                [context.L("CBS-trajecten gestart met crisis", "CBS trajectories started as a crisis"), context.Count(cb.CbsStartedAsCrisis), context.Count(cf.CbsStartedAsCrisis)],
                [context.L("Trajecten beëindigd in de periode (CBS)", "Trajectories ended in the period (CBS)"), context.Count(eb.Ended), context.Count(ef.Ended)],
                [context.L("waarvan volgens plan", "of which as planned"), context.Count(eb.AsPlanned), context.Count(ef.AsPlanned)],
                [context.L("waarvan voortijdig", "of which prematurely"), context.Count(eb.Premature), context.Count(ef.Premature)],
                [context.L("waarvan overstap of anders", "of which a transfer or other"), context.Count(eb.Other), context.Count(ef.Other)],
                [context.L("waarvan reden onbekend", "of which reason unknown"), context.Count(eb.Unknown), context.Count(ef.Unknown)],
                [context.L("Aandeel voortijdig (uitval)", "Share ended prematurely"), Share(eb.PrematureShare, eb.AsPlanned + eb.Premature), Share(ef.PrematureShare, ef.AsPlanned + ef.Premature)],
            ],
            ["outcomes.crisis.crisis_segments_started", "outcomes.crisis.crisis_segments_per_100_youths", "outcomes.crisis.cbs_started_as_crisis",
                "outcomes.endings.ended", "outcomes.endings.as_planned", "outcomes.endings.premature", "outcomes.endings.other", "outcomes.endings.unknown",
                "outcomes.endings.premature_share"],
            ["baseline", "followup"]);

        Rom(context, baseline, followup);
    }

    /// <summary>"2020-Q1" as a chart's category: the quarter over the year, so eight quarters fit side by side.</summary>
    private static string QuarterLabel(ReportContext context, string quarter) =>
        quarter.Split("-Q") is [var year, var q] ? $"{context.L("K", "Q")}{q}\n{year}" : quarter;

    private static string Days(ReportContext context, long days, int youths) =>
        context.Suppression.AllowsStatisticOver(youths) ? NumberText.Integer(days, context.Language) : "–";

    private static string Population(ReportContext context, Outcomes o) =>
        o.Population is { } p ? $"{NumberText.Integer(p, context.Language)} ({o.PopulationYear})" : "–";

    private static void Flows(ReportContext context, Measurement baseline, Measurement followup)
    {
        context.SubHeading(context.L("Instroom, uitstroom en stand per kwartaal", "Entries, exits and stock per quarter"));
        var quarters = baseline.Outcomes!.Flows.Concat(followup.Outcomes!.Flows).DistinctBy(q => q.Quarter).ToList();
        // Entries, exits and the stock are things of a kind, not of a value: categorical colours.
        context.Chart(new BarChart("stromen", new ChartText(context.L("Instroom en uitstroom per kwartaal", "Entries and exits per quarter"),
                context.L("Staafdiagram: verblijfsepisodes die per kwartaal begonnen en eindigden, en het aantal in verblijf op de laatste dag van het kwartaal.",
                    "Bar chart: stay episodes that began and ended per quarter, and the number in care on the quarter's last day."),
                context.L("Per kwartaal van nulmeting en vervolgmeting.", "Per quarter of baseline and follow-up.")),
            quarters.Select(q => QuarterLabel(context, q.Quarter)).ToList(),
            [new ChartSeries(context.L("Instroom", "Entries"), context.Counts(quarters.Select(q => (long)q.Entries))),
                new ChartSeries(context.L("Uitstroom", "Exits"), context.Counts(quarters.Select(q => (long)q.Exits))),
                new ChartSeries(context.L("Stand (laatste dag)", "Stock (last day)"), context.Counts(quarters.Select(q => (long)q.InCareAtEnd)))])
        {
            ValueLabel = context.L("Verblijfsepisodes", "Stay episodes"),
            Colors = ChartPalette.Categorical,
        }, Math.Min(ReportContext.Youths(baseline.Cohort.Episodes), ReportContext.Youths(followup.Cohort.Episodes)));
        context.Table("stromen", context.L("Instroom, uitstroom en stand per kwartaal", "Entries, exits and stock per quarter"),
            [context.L("Kwartaal", "Quarter"), context.L("Instroom", "Entries"), context.L("Uitstroom", "Exits"), context.L("Stand op de laatste dag", "Stock on the last day")],
            quarters.Select(q => (IReadOnlyList<string>)[q.Quarter, context.Count(q.Entries), context.Count(q.Exits), context.Count(q.InCareAtEnd)]).ToList());
    }

    /// <summary>Days per 1,000 youths per region: the main region, and with --regions the other one too.</summary>
    private static void RegionRates(ReportContext context)
    {
        var main = context.Input.Main;
        var rows = new List<(string Label, Measurement Baseline, Measurement Followup)>
        {
            (main.Baseline.Region ?? context.L("Alle regio's", "All regions"), main.Baseline, main.Followup),
        };
        if (context.Input.Regions.Count == 2)
            rows.Add((context.Input.Options.RegionB!, context.Input.Regions[0].Followup, context.Input.Regions[1].Followup));
        var usable = rows.Where(r => r.Baseline.Outcomes?.ResidentialDaysPer1000 is not null && r.Followup.Outcomes?.ResidentialDaysPer1000 is not null).ToList();
        if (usable.Count == 0) return;
        var fewest = usable.SelectMany(r => new[] { r.Baseline, r.Followup }).Min(m => ReportContext.Youths(m.Cohort.Episodes));
        context.Chart(new BarChart("dagen-per-1000", new ChartText(context.L("Verblijfsdagen per 1.000 jeugdigen", "Residential days per 1,000 youths"),
                context.L("Staafdiagram: verblijfsdagen per 1.000 jeugdigen van 0–17 jaar per regio, nulmeting naast vervolgmeting.",
                    "Bar chart: residential days per 1,000 youths aged 0–17 by region, baseline beside follow-up."),
                context.L("Regio's van verschillende grootte, vergelijkbaar gemaakt.", "Regions of different size, made comparable.")),
            usable.Select(r => r.Label).ToList(),
            [ChartSeries.Of(context.L("Nulmeting", "Baseline"), usable.Select(r => r.Baseline.Outcomes!.ResidentialDaysPer1000!.Value)),
                ChartSeries.Of(context.L("Vervolgmeting", "Follow-up"), usable.Select(r => r.Followup.Outcomes!.ResidentialDaysPer1000!.Value))])
        {
            ValueLabel = context.L("Dagen per 1.000 jeugdigen", "Days per 1,000 youths"),
            Format = ValueFormat.Number,
            ShowValues = true,
        }, fewest);
    }

    private static void Rom(ReportContext context, Measurement baseline, Measurement followup)
    {
        context.SubHeading(context.L("Vragenlijsten (ROM): voor en na het verblijf", "Questionnaires (ROM): before and after the stay"));
        context.Paragraph(context.L(
            "Per verblijf de eerste score van 90 dagen vóór tot 30 dagen na het begin (voormeting) en de laatste score vanaf 60 dagen na de voormeting tot 90 dagen na het einde (nameting). " +
            "Betrouwbaar verbeterd of verslechterd: de verandering is groter dan meetfout kan verklaren (Jacobson–Truax, |RCI| > 1,96). Hersteld: van de klinische kant van de grenswaarde naar de andere kant, van wie klinisch begon. " +
            "Effectgrootte d_z: de gemiddelde verandering gedeeld door de spreiding van de veranderingen.",
            "Per stay, the first score from 90 days before to 30 days after the start (pre) and the last score from 60 days after the pre-score to 90 days after the end (post). " +
            "Reliably improved or deteriorated: the change is larger than measurement error explains (Jacobson–Truax, |RCI| > 1.96). Recovered: from the clinical side of the cut-off to the other side, of those who started clinical. " +
            "Effect size d_z: the mean change divided by the spread of the changes."));
        var rows = new List<IReadOnlyList<string>>();
        var chartRows = new List<(string Label, RomFigures Rom)>();
        foreach (var (m, label) in new[] { (baseline, context.L("nulmeting", "baseline")), (followup, context.L("vervolgmeting", "follow-up")) })
        {
            foreach (var r in m.Outcomes!.Rom)
            {
                var shown = context.Suppression.AllowsStatisticOver(r.YouthIds.Count);
                string V(double? value, int decimals) => shown && value is { } v ? NumberText.Number(v, decimals, context.Language) : "–";
                string P(double? value) => shown && value is { } v ? context.Percent(v) : "–";
                rows.Add([$"{r.Instrument}, {r.Informant.Word()}, {label} {m.Period}", context.Count(r.Pairs), V(r.MeanPre, 1), V(r.MeanPost, 1), V(r.MeanChange, 1),
                    V(r.EffectSizeDz, 2), P(r.ImprovedShare), P(r.UnchangedShare), P(r.DeterioratedShare), P(r.RecoveredShare)]);
                if (shown) chartRows.Add(($"{r.Instrument} {r.Informant.Word()} {m.Period}", r));
            }
        }
        if (rows.Count == 0)
        {
            context.Paragraph(context.L("Geen voor- en nametingen gevonden bij de verblijven van deze metingen.", "No pre- and post-scores found for the stays of these measurements."), "note");
            return;
        }
        context.Table("rom", context.L("Verandering in vragenlijstscores", "Change in questionnaire scores"),
            [context.L("Vragenlijst, informant, meting", "Instrument, informant, measurement"), context.L("Paren", "Pairs"), context.L("Voor", "Pre"), context.L("Na", "Post"),
                context.L("Verandering", "Change"), "d_z", context.L("Verbeterd", "Improved"), context.L("Gelijk", "Unchanged"), context.L("Verslechterd", "Deteriorated"),
                context.L("Hersteld", "Recovered")], rows, textColumns: new HashSet<int>());
        if (chartRows.Count == 0) return;
        // Better is green, no change grey, worse vermillion (never green); the rows are only those shown in the table.
        context.Chart(new StackedBarChart("rom", new ChartText(context.L("Betrouwbare verandering (RCI)", "Reliable change (RCI)"),
                context.L("Gestapeld staafdiagram: per vragenlijst, informant en meting het aandeel jeugdigen dat betrouwbaar verbeterde, gelijk bleef of verslechterde.",
                    "Stacked bar chart: per instrument, informant and measurement the share of youths that reliably improved, stayed the same or deteriorated."),
                context.L("Alleen combinaties met 10 of meer jeugdigen.", "Only combinations with 10 or more youths.")),
            chartRows.Select(c => c.Label).ToList(),
            [new ChartSeries(context.L("Verbeterd", "Improved"), chartRows.Select(c => ChartValue.Of(c.Rom.ImprovedShare)).ToList()),
                new ChartSeries(context.L("Gelijk", "Unchanged"), chartRows.Select(c => ChartValue.Of(c.Rom.UnchangedShare)).ToList()),
                new ChartSeries(context.L("Verslechterd", "Deteriorated"), chartRows.Select(c => ChartValue.Of(c.Rom.DeterioratedShare)).ToList())])
        {
            ValueLabel = context.L("Aandeel", "Share"),
            Format = ValueFormat.Percent,
            ValueMax = 1,
            Colors = ChartPalette.BetterSameWorse,
        }, context.Suppression.Threshold);
    }
}
