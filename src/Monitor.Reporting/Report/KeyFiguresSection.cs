using Monitor.Core.Episodes;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 1, kerncijfers: baseline and follow-up side by side with the change, in the style of
/// the seeds' baseline (youths, exits, still staying, mean stay, short stays, providers, costs).</summary>
internal static class KeyFiguresSection
{
    /// <summary>A figure of the key table: its protocol key, its label, how it is shown, and the episodes it rests on.</summary>
    internal sealed record Figure(string Key, string Dutch, string English, Kind Kind, Func<Measurement, double?> Value,
        Func<Measurement, IEnumerable<Episode>> Basis);

    internal enum Kind { Count, Days, Number, Rate, Euro }

    internal static IReadOnlyList<Figure> Figures(int topN) =>
    [
        new("counts.youths", "Jeugdigen op enig moment in verblijf", "Youths in residential care at some moment", Kind.Count, m => m.Counts.Youths, Cohort),
        new("counts.episodes", "Verblijfsepisodes", "Stay episodes", Kind.Count, m => m.Counts.Episodes, Cohort),
        new("counts.exited_in_period", "Uitgestroomd in de periode", "Exited in the period", Kind.Count, m => m.Counts.ExitedInPeriod, Cohort),
        new("counts.exited_by_as_of", "Uitgestroomd vóór de peildatum", "Exited by the as-of date", Kind.Count, m => m.Counts.ExitedByAsOf, Cohort),
        new("counts.ongoing_at_as_of", "Nog in verblijf op de peildatum", "Still staying at the as-of date", Kind.Count, m => m.Counts.OngoingAtAsOf, Cohort),
        new("counts.entries_in_period", "Ingestroomd in de periode", "Entered in the period", Kind.Count, m => m.Counts.EntriesInPeriod, Cohort),
        new("counts.aged_12_or_younger", "Jeugdigen van 12 jaar of jonger", "Youths aged 12 or younger", Kind.Count, m => m.Counts.Aged12OrYounger, Cohort),
        new("counts.short_episodes", "Verblijven korter dan een maand (< 30 dagen)", "Stays shorter than a month (< 30 days)", Kind.Count, m => m.Counts.ShortEpisodes, Cohort),
        new("counts.single_provider_episodes", "Episodes met één aanbieder", "Episodes with one provider", Kind.Count, m => m.Counts.SingleProviderEpisodes, Cohort),
        new("duration_days.mean_all", "Gemiddelde verblijfsduur in dagen — voorraad (allen in verblijf)", "Mean stay in days — stock (everyone in care)", Kind.Days, m => m.Duration.MeanAll, Cohort),
        new("duration_days.median_all", "Mediane verblijfsduur in dagen — voorraad", "Median stay in days — stock", Kind.Days, m => m.Duration.MedianAll, Cohort),
        new("duration_days.mean_exited_in_period", "Gemiddelde verblijfsduur in dagen — uitstroom in de periode", "Mean stay in days — exits in the period", Kind.Days, m => m.Duration.MeanExitedInPeriod, m => m.Cohort.ExitedInPeriod),
        new("duration_days.mean_ongoing_at_as_of", "Gemiddelde duur tot de peildatum — nog in verblijf", "Mean days to the as-of date — still staying", Kind.Days, m => m.Duration.MeanOngoingAtAsOf, m => m.Cohort.Episodes.Where(e => e.Ongoing)),
        new("entry_cohort.km_median_days", "Mediane verblijfsduur in dagen — instroom (Kaplan–Meier)", "Median stay in days — entries (Kaplan–Meier)", Kind.Days, m => m.EntryCohort.KmMedianDays, m => m.Cohort.Entries),
        new("duration_days.mean_top_n", $"Gemiddelde verblijfsduur van de {topN} langste verblijven", $"Mean stay of the {topN} longest stays", Kind.Days, m => m.Duration.MeanTopN, m => m.Cohort.TopN),
        new("providers.mean_per_multi_provider_episode", "Gemiddeld aantal aanbieders bij episodes met meer dan één", "Mean providers of episodes with more than one", Kind.Number, m => m.Providers.MeanPerMultiProviderEpisode, m => m.Cohort.Episodes.Where(e => e.ProviderCount > 1)),
        new("providers.moves_per_1000_days", "Overplaatsingen per 1.000 verblijfsdagen", "Placement moves per 1,000 days in care", Kind.Rate, m => m.Providers.MovesPer1000Days, Cohort),
        new("cost_eur.mean_episode", "Gemiddelde kosten per verblijfsepisode", "Mean cost per stay episode", Kind.Euro, m => (double?)m.Cost.MeanEpisode, Cohort),
        new("cost_eur.mean_all_episodes_per_youth", "Gemiddelde kosten per jeugdige, alle verblijven", "Mean cost per youth, all stays", Kind.Euro, m => (double?)m.Cost.MeanAllEpisodesPerYouth, Cohort),
        new("cost_eur.mean_top_n", $"Gemiddelde kosten van de {topN} langste verblijven", $"Mean cost of the {topN} longest stays", Kind.Euro, m => (double?)m.Cost.MeanTopN, m => m.Cohort.TopN),
        new("cost_eur.mean_ambulant_per_youth", "Gemiddelde kosten ambulante jeugdhulp per jeugdige", "Mean ambulant care cost per youth", Kind.Euro, m => (double?)m.Cost.MeanAmbulantPerYouth, Cohort),
    ];

    private static IEnumerable<Episode> Cohort(Measurement m) => m.Cohort.Episodes;

    public static void Write(ReportContext context)
    {
        var (baseline, followup) = (context.Input.Main.Baseline, context.Input.Main.Followup);
        context.Heading("kerncijfers", context.L("1. Kerncijfers", "1. Key figures"));
        context.Paragraph(context.L(
            $"Alle jeugdigen die in de periode op enig moment in verblijf waren, nulmeting {baseline.Period} tegenover vervolgmeting {followup.Period}, " +
            $"met {context.AsOfText(context.Input.Main)}. Verblijfsduur staat steeds bij de groep waarover hij gaat: de voorraad (iedereen die in de periode in verblijf was), de uitstroom, of de instroom.",
            $"Every youth in residential care at some moment in the period, baseline {baseline.Period} against follow-up {followup.Period}, " +
            $"with {context.AsOfText(context.Input.Main)}. Each length of stay names its group: the stock (everyone in care during the period), the exits, or the entries."));
        if (context.OneAsOfForTwoPeriods(baseline, followup))
            context.Paragraph(context.L(
                $"† Beide perioden zijn op één peildatum gelezen: de vervolgmeting heeft minder tijd gehad om verblijven te beëindigen. Cijfers met † hangen af van de peildatum; hun verschil komt deels door die opzet, niet door beleid. Gebruik een gelijke volgperiode (--window) voor een eerlijke vergelijking.",
                $"† Both periods were read at one as-of date: the follow-up has had less time to end its stays. Figures marked † depend on the as-of date; part of their change comes from that design, not from policy. Use equal follow-up (--window) for a fair comparison."), "warning");
        context.Warnings(baseline, context.L("nulmeting", "baseline"));
        context.Warnings(followup, context.L("vervolgmeting", "follow-up"));
        Table(context, "kerncijfers", context.L("Kerncijfers", "Key figures"), baseline, followup,
            context.L("Nulmeting", "Baseline") + $" {baseline.Period}", context.L("Vervolgmeting", "Follow-up") + $" {followup.Period}");

        string[] categories = [context.L("Jeugdigen", "Youths"), context.L("Uitgestroomd in periode", "Exited in period"),
            context.L("Nog in verblijf", "Still staying"), context.L("Ingestroomd in periode", "Entered in period")];
        IReadOnlyList<ChartValue> Values(Measurement m) => context.Counts([m.Counts.Youths, m.Counts.ExitedInPeriod, m.Counts.OngoingAtAsOf, m.Counts.EntriesInPeriod]);
        // Bars carry exact counts: the chart rests on the smallest count shown, so it is suppressed with it.
        context.Chart(new BarChart("kerncijfers", new ChartText(context.L("Jeugdigen in verblijf", "Youths in residential care"),
                context.L("Staafdiagram: aantallen jeugdigen en verblijfsepisodes, nulmeting naast vervolgmeting.",
                    "Bar chart: youths and stay episodes, baseline beside follow-up."),
                context.L("Aantallen per meting.", "Counts per measurement.")),
            categories, [new ChartSeries(context.L("Nulmeting", "Baseline"), Values(baseline)), new ChartSeries(context.L("Vervolgmeting", "Follow-up"), Values(followup))])
        {
            ValueLabel = context.L("Aantal", "Number"),
            ShowValues = true,
        }, Math.Min(baseline.Counts.Youths, followup.Counts.Youths));
    }

    /// <summary>The key figures of two measurements with the change; also used for the region comparison.</summary>
    internal static void Table(ReportContext context, string name, string caption, Measurement first, Measurement second, string firstLabel, string secondLabel)
    {
        var figures = Figures(first.Duration.TopN);
        var rows = new List<IReadOnlyList<string>>();
        var mark = context.OneAsOfForTwoPeriods(first, second);
        foreach (var f in figures)
        {
            var (a, b) = (Show(context, f, first), Show(context, f, second));
            var label = context.L(f.Dutch, f.English) + (mark && AsOfDependence.DependsOnAsOf(f.Key) ? " †" : "");
            rows.Add([label, a, b, Change(context, f, first, second, a, b)]);
        }
        context.Table(name, caption, [context.L("Kerncijfer", "Figure"), firstLabel, secondLabel, context.L("Verschil", "Change")], rows,
            figures.Select(f => (string?)f.Key).ToList(), ["baseline", "followup"]);
    }

    internal static string Show(ReportContext context, Figure figure, Measurement m)
    {
        var value = figure.Value(m);
        var youths = ReportContext.Youths(figure.Basis(m));
        return figure.Kind switch
        {
            Kind.Count => context.Count((long)(value ?? 0)),
            Kind.Days => context.Value(value, youths, 0),
            Kind.Number => context.Value(value, youths, 1),
            Kind.Rate => context.Value(value, youths, 2),
            Kind.Euro => context.Euro(value is { } v ? (decimal)v : null, youths),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };
    }

    /// <summary>The change, only where both values are shown: a hidden count cannot be recovered from a difference.</summary>
    private static string Change(ReportContext context, Figure figure, Measurement first, Measurement second, string shownA, string shownB)
    {
        if (shownA is "–" || shownB is "–" || shownA.StartsWith('<') || shownB.StartsWith('<')) return "–";
        if (figure.Value(first) is not { } a || figure.Value(second) is not { } b) return "–";
        var difference = b - a;
        var sign = difference > 0 ? "+" : "";
        var absolute = figure.Kind switch
        {
            Kind.Euro => sign + NumberText.Euro(Math.Round((decimal)difference), 0, context.Language),
            Kind.Count or Kind.Days => sign + NumberText.Number(difference, 0, context.Language),
            Kind.Number => sign + NumberText.Number(difference, 2, context.Language),
            _ => sign + NumberText.Number(difference, 2, context.Language),
        };
        return a == 0 ? absolute : $"{absolute} ({sign}{context.Percent(difference / a)})";
    }
}
