using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Statistics;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 4, kosten: per episode, per youth, the longest stays, ambulant care, and the seeds'
/// rough savings estimate ("bierviltje") with its own disclaimer.</summary>
internal static class CostSection
{
    public static void Write(ReportContext context)
    {
        var (baseline, followup) = (context.Input.Main.Baseline, context.Input.Main.Followup);
        context.Heading("kosten", context.L("4. Kosten", "4. Costs"));
        var n = baseline.Duration.TopN;
        int Y(Measurement m) => ReportContext.Youths(m.Cohort.Episodes);
        int YOngoing(Measurement m) => ReportContext.Youths(m.Cohort.Episodes.Where(e => e.Ongoing));
        int YTop(Measurement m) => ReportContext.Youths(m.Cohort.TopN);
        context.Table("kosten", context.L("Kosten van verblijf", "Cost of residential care"),
            ["", context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")],
            [
                [context.L("Per verblijfsepisode", "Per stay episode"), context.Euro(baseline.Cost.MeanEpisode, Y(baseline)), context.Euro(followup.Cost.MeanEpisode, Y(followup))],
                [context.L("Per verblijfsepisode die op de peildatum nog loopt", "Per episode still running at the as-of date"),
                    context.Euro(baseline.Cost.MeanEpisodeOngoing, YOngoing(baseline)), context.Euro(followup.Cost.MeanEpisodeOngoing, YOngoing(followup))],
                [context.L("Per jeugdige, alle verblijven (ook buiten de periode)", "Per youth, all stays (also outside the period)"),
                    context.Euro(baseline.Cost.MeanAllEpisodesPerYouth, Y(baseline)), context.Euro(followup.Cost.MeanAllEpisodesPerYouth, Y(followup))],
                [context.L("Idem, jeugdigen die nog in verblijf zijn", "The same, youths still staying"),
                    context.Euro(baseline.Cost.MeanAllEpisodesPerYouthOngoing, YOngoing(baseline)), context.Euro(followup.Cost.MeanAllEpisodesPerYouthOngoing, YOngoing(followup))],
                [context.L($"De {n} langste verblijven", $"The {n} longest stays"), context.Euro(baseline.Cost.MeanTopN, YTop(baseline)), context.Euro(followup.Cost.MeanTopN, YTop(followup))],
                [context.L("Ambulante jeugdhulp per jeugdige", "Ambulant care per youth"), context.Euro(baseline.Cost.MeanAmbulantPerYouth, Y(baseline)), context.Euro(followup.Cost.MeanAmbulantPerYouth, Y(followup))],
            ],
            ["cost_eur.mean_episode", "cost_eur.mean_episode_ongoing", "cost_eur.mean_all_episodes_per_youth",
                "cost_eur.mean_all_episodes_per_youth_ongoing", "cost_eur.mean_top_n", "cost_eur.mean_ambulant_per_youth"],
            ["baseline", "followup"]);

        // The spread of episode costs, without single points: an outlier is one child's stay.
        context.Chart(new BoxPlotChart("kosten-spreiding", new ChartText(context.L("Kosten per verblijfsepisode", "Cost per stay episode"),
                context.L("Boxplot: spreiding van de kosten per verblijfsepisode, nulmeting en vervolgmeting; de doos loopt van het eerste tot het derde kwartiel, de streep is de mediaan.",
                    "Box plot: spread of the cost per stay episode, baseline and follow-up; the box runs from the first to the third quartile, the line is the median."),
                context.L("Uitschieters zijn weggelaten: een enkel punt is het verblijf van één kind.", "Outliers are left out: a single point is one child's stay.")),
            [new ChartBox(context.L("Nulmeting", "Baseline"), Box(baseline)), new ChartBox(context.L("Vervolgmeting", "Follow-up"), Box(followup))])
        {
            ValueLabel = context.L("Euro", "Euro"),
            Format = ValueFormat.Euro,
        }, Math.Min(Y(baseline), Y(followup)));

        // The seeds' savings estimate, with its assumptions and its own disclaimer beside it.
        context.SubHeading(context.L("Grove inschatting van de besparing (\"bierviltje\")", "Rough savings estimate (\"back of the envelope\")"));
        var stays = followup; // the most recent measurement
        var ambulant = stays.Cost.MeanAmbulantPerYouth;
        var rows = new List<IReadOnlyList<string>>();
        void Estimate(string dutch, string english, decimal? stay, int youths)
        {
            var saving = stay is { } s && ambulant is { } a ? s - a : (decimal?)null;
            rows.Add([context.L(dutch, english), context.Euro(stay, youths), context.Euro(ambulant, Y(stays)), context.Euro(saving, Math.Min(youths, Y(stays)))]);
        }
        Estimate($"Voorkomen van een van de {n} langste verblijven", $"Preventing one of the {n} longest stays", stays.Cost.MeanTopN, YTop(stays));
        Estimate("Voorkomen van een gemiddelde uithuisplaatsing (alle verblijven van een jeugdige)", "Preventing an average placement (all stays of a youth)",
            stays.Cost.MeanAllEpisodesPerYouth, Y(stays));
        context.Table("bierviltje", context.L($"Verblijfskosten min ambulante kosten, vervolgmeting {stays.Period}", $"Residential cost minus ambulant cost, follow-up {stays.Period}"),
            ["", context.L("Verblijf", "Residential"), context.L("Ambulant", "Ambulant"), context.L("Besparing", "Saving")], rows);
        context.Paragraph(context.L(
            "Aannames: een voorkomen verblijf kost niets, en de jeugdige krijgt in plaats daarvan ambulante jeugdhulp van het gemiddelde bedrag dat de jeugdigen in verblijf nu al krijgen. " +
            "Zo rekende ook de nulmeting van Gooi en Vechtstreek (€ 525.000 − € 110.000 = € 415.000; € 122.000 − € 28.000 = € 94.000).",
            "Assumptions: a prevented stay costs nothing, and the youth gets ambulant care instead, at the mean amount the youths in care already get. " +
            "This is how the Gooi en Vechtstreek baseline calculated it (€525,000 − €110,000 = €415,000; €122,000 − €28,000 = €94,000)."));
        context.Paragraph(context.L(
            "Disclaimer(!): thuisblijven zal de kosten voor ambulante jeugdhulp doen toenemen waarbij het denkbaar is dat verblijf wel kortdurend ingezet wordt en de kosten voor ambulante begeleiding zullen toenemen naarmate deze intensiever wordt ingezet.",
            "Disclaimer (from the baseline, translated): staying at home will raise the cost of ambulant care; a short stay may still be used, and ambulant support costs more the more intensively it is given."),
            "disclaimer");
    }

    private static BoxValues? Box(Measurement m)
    {
        if (Descriptive.Box(m.Cohort.Episodes.Select(e => (double)e.Cost).ToList()) is not { } box) return null;
        return new BoxValues(box.LowerWhisker, box.Q1, box.Median, box.Q3, box.UpperWhisker);
    }
}
