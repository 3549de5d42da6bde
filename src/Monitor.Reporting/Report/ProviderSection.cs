using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 3, aanbieders: how many providers a stay involves, for how long, and how often it moves.</summary>
internal static class ProviderSection
{
    public static void Write(ReportContext context)
    {
        var (baseline, followup) = (context.Input.Main.Baseline, context.Input.Main.Followup);
        context.Heading("aanbieders", context.L("3. Aanbieders", "3. Providers"));

        string[] counts = ["1", "2", "3", "4", "5+"];
        IReadOnlyList<ChartValue> PerEpisode(Measurement m) => context.Counts(counts.Select((_, i) => (long)m.Cohort.Episodes.Count(e => i == 4 ? e.ProviderCount >= 5 : e.ProviderCount == i + 1)));
        var youthsB = ReportContext.Youths(baseline.Cohort.Episodes);
        var youthsF = ReportContext.Youths(followup.Cohort.Episodes);
        context.Chart(new BarChart("aanbieders-per-episode", new ChartText(context.L("Aanbieders per verblijfsepisode", "Providers per stay episode"),
                context.L("Staafdiagram: aantal verblijfsepisodes naar het aantal aanbieders van verblijf, nulmeting naast vervolgmeting.",
                    "Bar chart: stay episodes by number of residential providers, baseline beside follow-up."),
                context.L("Aanbieders die verblijf boden binnen de episode.", "Providers that gave residential care within the episode.")),
            counts, [new ChartSeries(context.L("Nulmeting", "Baseline"), PerEpisode(baseline)), new ChartSeries(context.L("Vervolgmeting", "Follow-up"), PerEpisode(followup))])
        {
            CategoryLabel = context.L("Aanbieders van verblijf", "Residential providers"),
            ValueLabel = context.L("Verblijfsepisodes", "Stay episodes"),
            ShowValues = true,
        }, Math.Min(youthsB, youthsF));
        context.Table("aanbieders", context.L("Aanbieders en overplaatsingen", "Providers and placement moves"),
            ["", context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")],
            [
                [context.L("Episodes met één aanbieder", "Episodes with one provider"), context.Count(baseline.Counts.SingleProviderEpisodes), context.Count(followup.Counts.SingleProviderEpisodes)],
                [context.L("Gemiddeld aantal aanbieders bij meer dan één", "Mean providers when more than one"),
                    context.Value(baseline.Providers.MeanPerMultiProviderEpisode, ReportContext.Youths(baseline.Cohort.Episodes.Where(e => e.ProviderCount > 1)), 1),
                    context.Value(followup.Providers.MeanPerMultiProviderEpisode, ReportContext.Youths(followup.Cohort.Episodes.Where(e => e.ProviderCount > 1)), 1)],
                [context.L("Gemiddeld aantal betrokken aanbieders, alle zorg rond het verblijf", "Mean providers involved, all care around the stay"),
                    context.Value(baseline.Providers.MeanInvolvedPerEpisode, youthsB, 1), context.Value(followup.Providers.MeanInvolvedPerEpisode, youthsF, 1)],
                [context.L("Gemiddeld aantal overplaatsingen per episode", "Mean placement moves per episode"),
                    context.Value(baseline.Providers.MeanPlacementMoves, youthsB, 2), context.Value(followup.Providers.MeanPlacementMoves, youthsF, 2)],
                [context.L("Overplaatsingen per 1.000 verblijfsdagen", "Placement moves per 1,000 days in care"),
                    context.Value(baseline.Providers.MovesPer1000Days, youthsB, 2), context.Value(followup.Providers.MovesPer1000Days, youthsF, 2)],
            ],
            [null, "providers.mean_per_multi_provider_episode", "providers.mean_involved_per_episode", "providers.mean_placement_moves", "providers.moves_per_1000_days"],
            ["baseline", "followup"]);
        context.Paragraph(context.L(
            "Een overplaatsing is een wisseling van de aanbieder die voor het verblijf verantwoordelijk is. Zorg binnen het verblijf van een andere aanbieder (een GGZ-opname tijdens een groepsplaatsing) is geen overplaatsing. " +
            "Per 1.000 verblijfsdagen is de maat die niet vanzelf groeit met de duur van het verblijf.",
            "A placement move is a change of the provider responsible for the stay. Care inside another provider's stay (a mental-health admission during a group placement) is no move. " +
            "Per 1,000 days in care is the rate that does not grow with the length of stay by itself."));

        // Involvement by sector.
        var sectors = Enum.GetValues<Sector>().Where(s => baseline.Providers.MeanInvolvementDaysBySector.ContainsKey(s) || followup.Providers.MeanInvolvementDaysBySector.ContainsKey(s)).ToList();
        int PairsYouths(Measurement m, Sector sector) => ReportContext.Youths(m.Cohort.Episodes.Where(e => e.Involvement.Any(i => context.Input.Reference.SectorOf(i.Provider) == sector)));
        double? SectorDays(Measurement m, Sector s) => m.Providers.MeanInvolvementDaysBySector.TryGetValue(s, out var d) ? d : null;
        context.Table("betrokkenheid-sector", context.L("Gemiddeld aantal dagen dat een aanbieder betrokken is, per sector", "Mean days a provider is involved, by sector"),
            [context.L("Sector", "Sector"), context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")],
            sectors.Select(s => (IReadOnlyList<string>)[SectorName(context, s),
                context.Value(SectorDays(baseline, s), PairsYouths(baseline, s), 0),
                context.Value(SectorDays(followup, s), PairsYouths(followup, s), 0)]).ToList());
        // A sector's mean over too few youths is hidden, as in the table ("–"): not drawn, never drawn as zero.
        IReadOnlyList<ChartValue> Days(Measurement m) => sectors.Select(s => context.Statistic(SectorDays(m, s), PairsYouths(m, s))).ToList();
        context.Chart(new BarChart("betrokkenheid-sector", new ChartText(context.L("Betrokkenheid per sector", "Involvement by sector"),
                context.L("Staafdiagram: gemiddeld aantal dagen dat een aanbieder bij een verblijfsepisode betrokken is, per sector, nulmeting naast vervolgmeting.",
                    "Bar chart: mean days a provider is involved in a stay episode, by sector, baseline beside follow-up."),
                context.L("Gemiddeld aantal dagen per sector.", "Mean days by sector.")),
            sectors.Select(s => SectorName(context, s)).ToList(),
            [new ChartSeries(context.L("Nulmeting", "Baseline"), Days(baseline)), new ChartSeries(context.L("Vervolgmeting", "Follow-up"), Days(followup))])
        {
            ValueLabel = context.L("Dagen", "Days"),
            Format = ValueFormat.Number,
            ShowValues = true,
        }, Math.Min(youthsB, youthsF));

        // Moves per episode, stacked.
        string[] moves = ["0", "1", "2", "3+"];
        long Moves(Measurement m, int k) => m.Cohort.Episodes.Count(e => k == 3 ? e.PlacementMoves >= 3 : e.PlacementMoves == k);
        string[] periods = [context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")];
        var layers = moves.Select((label, k) => new ChartSeries($"{label} {context.L("overplaatsingen", "moves")}",
            context.Counts([Moves(baseline, k), Moves(followup, k)]))).ToList();
        // More moves is heavier: one hue from light (none) to dark (3 or more).
        context.Chart(new StackedBarChart("overplaatsingen", new ChartText(context.L("Overplaatsingen per verblijfsepisode", "Placement moves per stay episode"),
                context.L("Gestapeld staafdiagram: verblijfsepisodes naar aantal overplaatsingen, nulmeting en vervolgmeting.",
                    "Stacked bar chart: stay episodes by number of placement moves, baseline and follow-up."),
                context.L("Verblijfsepisodes naar aantal overplaatsingen.", "Stay episodes by number of moves.")),
            periods, layers)
        {
            ValueLabel = context.L("Verblijfsepisodes", "Stay episodes"),
            ShowTotals = true,
            Colors = ChartPalette.Sequential,
        }, Math.Min(youthsB, youthsF));
    }

    internal static string SectorName(ReportContext context, Sector sector) => sector switch
    {
        Sector.GGZ => context.L("GGZ", "Mental health (GGZ)"),
        Sector.JO => context.L("Jeugd- en opvoedhulp", "Youth and parenting care"),
        Sector.LVB => context.L("LVB", "Intellectual disability (LVB)"),
        _ => context.L("Overig of onbekend", "Other or unknown"),
    };
}
