using Monitor.Core.Episodes;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Statistics;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 2, verblijfsduur: how long stays last, each figure named for its cohort.</summary>
internal static class StaySection
{
    /// <summary>Duration classes a policy reader thinks in; the last is open-ended.</summary>
    private static readonly (int From, int To, string Dutch, string English)[] Classes =
    [
        (1, 29, "< 1 maand", "< 1 month"),
        (30, 91, "1–3 maanden", "1–3 months"),
        (92, 182, "3–6 maanden", "3–6 months"),
        (183, 365, "6–12 maanden", "6–12 months"),
        (366, 730, "1–2 jaar", "1–2 years"),
        (731, 1095, "2–3 jaar", "2–3 years"),
        (1096, int.MaxValue, "> 3 jaar", "> 3 years"),
    ];

    public static void Write(ReportContext context)
    {
        var (baseline, followup) = (context.Input.Main.Baseline, context.Input.Main.Followup);
        context.Heading("verblijfsduur", context.L("2. Verblijfsduur", "2. Length of stay"));
        context.Paragraph(context.L(
            "Drie groepen, drie vragen. De voorraad (iedereen die in de periode in verblijf was) telt lange verblijven zwaarder mee, want wie lang blijft is vaker \"op enig moment\" in verblijf. " +
            "De uitstroom (wie in de periode vertrok) telt juist korte verblijven zwaarder. De instroom (wie in de periode begon), gevolgd tot de peildatum met de Kaplan–Meier-methode, zegt het zuiverst hoe lang een nieuw verblijf duurt. " +
            "Hun uitkomsten kunnen honderden dagen verschillen; dat is geen fout.",
            "Three groups, three questions. The stock (everyone in care during the period) over-represents long stays, since a long stay is more often in care \"at some moment\". " +
            "The exits (who left in the period) over-represent short stays. The entries (who started in the period), followed to the as-of date with Kaplan–Meier, say most cleanly how long a new stay lasts. " +
            "Their results can differ by hundreds of days; that is not an error."));

        // Duration classes of the stock.
        context.SubHeading(context.L("Verblijfsduur van de voorraad", "Length of stay of the stock"));
        var labels = Classes.Select(c => context.L(c.Dutch, c.English)).ToArray();
        double[] Histogram(Measurement m) => Classes.Select(c => (double)m.Cohort.Episodes.Count(e => e.DurationDays >= c.From && e.DurationDays <= c.To)).ToArray();
        var (hb, hf) = (Histogram(baseline), Histogram(followup));
        context.Chart(new BarChart("verblijfsduur", new ChartText(context.L("Verblijfsduur, voorraad", "Length of stay, stock"),
                context.L("Staafdiagram: aantal verblijfsepisodes per duurklasse, nulmeting naast vervolgmeting.",
                    "Bar chart: stay episodes per duration class, baseline beside follow-up."),
                context.L("Duur tot het einde van het verblijf, of tot de peildatum als het nog loopt.",
                    "Duration to the end of the stay, or to the as-of date when it still runs.")),
            labels, [new ChartSeries(context.L("Nulmeting", "Baseline") + $" {baseline.Period}", context.Counts(hb.Select(v => (long)v))),
                new ChartSeries(context.L("Vervolgmeting", "Follow-up") + $" {followup.Period}", context.Counts(hf.Select(v => (long)v)))])
        {
            ValueLabel = context.L("Verblijfsepisodes", "Stay episodes"),
            ShowValues = true,
        }, Math.Min(ReportContext.Youths(baseline.Cohort.Episodes), ReportContext.Youths(followup.Cohort.Episodes)));
        context.Table("verblijfsduur", context.L("Verblijfsepisodes per duurklasse (voorraad)", "Stay episodes per duration class (stock)"),
            [context.L("Duur", "Duration"), context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")],
            labels.Select((l, i) => (IReadOnlyList<string>)[l, context.Count((long)hb[i]), context.Count((long)hf[i])]).ToList());

        // Entry cohorts with Kaplan–Meier.
        context.SubHeading(context.L("Verblijfsduur van de instroom (Kaplan–Meier)", "Length of stay of the entries (Kaplan–Meier)"));
        context.Paragraph(context.L(
            "Het aandeel verblijven dat na een aantal dagen nog loopt, voor verblijven die in de periode begonnen. Verblijven die op de peildatum nog lopen tellen mee tot die dag (gecensureerd). " +
            "De mediaan is het punt waarop de helft van de verblijven is beëindigd; het gearceerde vlak is het 95%-betrouwbaarheidsinterval.",
            "The share of stays still running after a number of days, for stays that began in the period. Stays still running at the as-of date count up to that day (censored). " +
            "The median is where half of the stays have ended; the shaded band is the 95% confidence interval."));
        SurvivalChart(context, "km-instroom", context.L("Instroom: alle verblijven", "Entries: all stays"), baseline.Cohort.Entries, followup.Cohort.Entries,
            baseline.Period, followup.Period);
        SurvivalChart(context, "km-instroom-8plus", context.L("Instroom: verblijven van 8 dagen of langer", "Entries: stays of 8 days or more"),
            baseline.Cohort.Entries8Plus, followup.Cohort.Entries8Plus, baseline.Period, followup.Period);
        var km = new (string Key, string Dutch, string English, Func<EntryCohortFigures, int?> Value)[]
        {
            ("km_q1_days", "Eerste kwartiel (25% beëindigd), dagen", "First quartile (25% ended), days", e => e.KmQ1Days),
            ("km_median_days", "Mediaan (50% beëindigd), dagen", "Median (50% ended), days", e => e.KmMedianDays),
            ("km_q3_days", "Derde kwartiel (75% beëindigd), dagen", "Third quartile (75% ended), days", e => e.KmQ3Days),
        };
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { context.L("Verblijven in de instroom", "Stays in the entry cohort"), context.Count(baseline.EntryCohort.Episodes), context.Count(followup.EntryCohort.Episodes),
                context.Count(baseline.EntryCohort8Plus.Episodes), context.Count(followup.EntryCohort8Plus.Episodes) },
        };
        int Y(IEnumerable<Episode> e) => ReportContext.Youths(e);
        foreach (var (_, dutch, english, value) in km)
        {
            rows.Add([context.L(dutch, english),
                context.Value(value(baseline.EntryCohort), Y(baseline.Cohort.Entries), 0), context.Value(value(followup.EntryCohort), Y(followup.Cohort.Entries), 0),
                context.Value(value(baseline.EntryCohort8Plus), Y(baseline.Cohort.Entries8Plus), 0), context.Value(value(followup.EntryCohort8Plus), Y(followup.Cohort.Entries8Plus), 0)]);
        }
        context.Table("instroom-kaplan-meier", context.L("Instroom: Kaplan–Meier-kwartielen (leeg: de curve komt er niet)", "Entries: Kaplan–Meier quartiles (empty: the curve never gets there)"),
            ["", context.L("Alle, nulmeting", "All, baseline"), context.L("Alle, vervolgmeting", "All, follow-up"),
                context.L("8+ dagen, nulmeting", "8+ days, baseline"), context.L("8+ dagen, vervolgmeting", "8+ days, follow-up")],
            rows, [null, "entry_cohort.km_q1_days", "entry_cohort.km_median_days", "entry_cohort.km_q3_days"], ["baseline", "followup"]);

        // The longest stays.
        var n = baseline.Duration.TopN;
        context.SubHeading(context.L($"De {n} langste verblijven", $"The {n} longest stays"));
        context.Paragraph(context.L(
            $"Uit de voorraad de {n} verblijven met de langste duur (bij gelijke duur de hoogste kosten). Alleen gemiddelden: losse verblijven worden niet getoond.",
            $"From the stock, the {n} stays with the longest duration (ties: the highest cost). Only means: single stays are not shown."));
        var top = new List<IReadOnlyList<string>>
        {
            new[] { context.L("Verblijven", "Stays"), context.Count(baseline.Cohort.TopN.Count), context.Count(followup.Cohort.TopN.Count) },
            new[] { context.L("Gemiddelde duur, dagen", "Mean duration, days"), context.Value(baseline.Duration.MeanTopN, Y(baseline.Cohort.TopN), 0), context.Value(followup.Duration.MeanTopN, Y(followup.Cohort.TopN), 0) },
            new[] { context.L("Gemiddelde kosten", "Mean cost"), context.Euro(baseline.Cost.MeanTopN, Y(baseline.Cohort.TopN)), context.Euro(followup.Cost.MeanTopN, Y(followup.Cohort.TopN)) },
            new[] { context.L("Gemiddelde leeftijd op de peildatum", "Mean age at the as-of date"), context.Value(baseline.MeanAgeAtAsOfTopN, Y(baseline.Cohort.TopN), 1), context.Value(followup.MeanAgeAtAsOfTopN, Y(followup.Cohort.TopN), 1) },
        };
        context.Table("langste-verblijven", context.L($"De {n} langste verblijven", $"The {n} longest stays"),
            ["", context.L("Nulmeting", "Baseline"), context.L("Vervolgmeting", "Follow-up")], top,
            [null, "duration_days.mean_top_n", "cost_eur.mean_top_n", "age.mean_at_as_of_top_n"], ["baseline", "followup"]);
    }

    private static void SurvivalChart(ReportContext context, string name, string title, IReadOnlyList<Episode> first, IReadOnlyList<Episode> second,
        object firstPeriod, object secondPeriod)
    {
        // Each curve is a statistic over its entry cohort: a curve over too few youths is left out.
        var curves = new List<SurvivalCurve>();
        foreach (var (episodes, label) in new[] { (first, context.L("Nulmeting", "Baseline") + $" {firstPeriod}"), (second, context.L("Vervolgmeting", "Follow-up") + $" {secondPeriod}") })
        {
            if (!context.Suppression.AllowsStatisticOver(ReportContext.Youths(episodes)))
            {
                curves.Add(SurvivalCurve.LeftOut(label));
                continue;
            }
            var curve = KaplanMeier.Estimate(MeasurementCalculator.SurvivalTimes(episodes));
            var end = episodes.Count == 0 ? 0 : episodes.Max(e => e.DurationDays);
            curves.Add(new SurvivalCurve(label, curve.Steps.Select(s => new SurvivalStep(s.Days, s.Survival, s.LowerCi, s.UpperCi)).ToList(), end,
                curve.Median));
        }
        context.Chart(new SurvivalChart(name, new ChartText(title, context.L(
                "Kaplan–Meier-curven: aandeel verblijven dat na het aantal dagen op de x-as nog loopt, nulmeting en vervolgmeting, met 95%-betrouwbaarheidsband en mediaan.",
                "Kaplan–Meier curves: share of stays still running after the days on the x axis, baseline and follow-up, with 95% confidence band and median."), title + "."), curves)
        {
            XLabel = context.L("Dagen sinds het begin van het verblijf", "Days since the start of the stay"),
            ValueLabel = context.L("Aandeel nog in verblijf", "Share still staying"),
        }, curves.All(c => c.Hidden) ? 0 : context.Suppression.Threshold);
    }
}
