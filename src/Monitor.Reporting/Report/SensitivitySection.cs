using Monitor.Core.Measurements;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 2b: how much the figures depend on the episode rule (gap days 0, 2, 7 and 30).</summary>
internal static class SensitivitySection
{
    public static void Write(ReportContext context)
    {
        var rows = context.Input.Sensitivity;
        if (rows.Count == 0) return;
        context.Heading("gevoeligheid", context.L("2b. Hoe gevoelig zijn de cijfers voor de episoderegel?", "2b. How much do the figures depend on the episode rule?"));
        context.Paragraph(context.L(
            "Twee verblijven met een korte periode thuis ertussen tellen als één verblijfsepisode zolang die periode niet langer is dan het aantal 'tussendagen'. " +
            "Deze tabel laat zien hoe de kerncijfers verschuiven bij 0, 2, 7 (de standaard) en 30 tussendagen: hoe kleiner het verschil, hoe minder de conclusies van deze keuze afhangen.",
            "Two placements with a short time at home in between count as one stay episode as long as that time is no longer than the 'gap days'. " +
            "This table shows how the key figures shift with 0, 2, 7 (the default) and 30 gap days: the smaller the shift, the less the conclusions depend on this choice."));
        var table = new List<IReadOnlyList<string>>();
        foreach (var row in rows)
        {
            foreach (var (m, label) in new[] { (row.Baseline, context.L("nulmeting", "baseline")), (row.Followup, context.L("vervolgmeting", "follow-up")) })
            {
                var youths = ReportContext.Youths(m.Cohort.Episodes);
                table.Add([row.GapDays.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{label} {m.Period}",
                    context.Count(m.Counts.Youths), context.Count(m.Counts.Episodes),
                    context.Value(m.Duration.MeanAll, youths, 0), context.Value(m.Duration.MeanExitedInPeriod, ReportContext.Youths(m.Cohort.ExitedInPeriod), 0),
                    context.Value(m.EntryCohort.KmMedianDays, ReportContext.Youths(m.Cohort.Entries), 0),
                    context.Value(m.Providers.MovesPer1000Days, youths, 2)]);
            }
        }
        context.Table("gevoeligheid", context.L("Kerncijfers bij andere tussendagen", "Key figures under other gap days"),
            [context.L("Tussendagen", "Gap days"), context.L("Meting", "Measurement"), context.L("Jeugdigen", "Youths"), context.L("Episodes", "Episodes"),
                context.L("Gem. duur voorraad", "Mean stay, stock"), context.L("Gem. duur uitstroom", "Mean stay, exits"),
                context.L("Mediaan instroom (KM)", "Median, entries (KM)"), context.L("Overpl. per 1.000 dagen", "Moves per 1,000 days")], table, textColumns: new HashSet<int> { 1 });

        var fewest = rows.SelectMany(r => new[] { r.Baseline, r.Followup }).Min(m => ReportContext.Youths(m.Cohort.Episodes));
        // The shift between gap rules is the point, so the axis starts near the data; the chart says so.
        context.Chart(new LineChart("gevoeligheid", new ChartText(context.L("Gemiddelde verblijfsduur bij andere tussendagen", "Mean stay under other gap days"),
                context.L("Lijngrafiek: gemiddelde verblijfsduur van de voorraad bij 0, 2, 7 en 30 tussendagen, nulmeting en vervolgmeting.",
                    "Line chart: mean stay of the stock with 0, 2, 7 and 30 gap days, baseline and follow-up."),
                context.L("Gemiddelde verblijfsduur (voorraad) per episoderegel.", "Mean stay (stock) per episode rule.")),
            rows.Select(r => (double)r.GapDays).ToList(), rows.Select(r => r.GapDays.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            [new ChartSeries(context.L("Nulmeting", "Baseline"), rows.Select(r => context.Statistic(r.Baseline.Duration.MeanAll, ReportContext.Youths(r.Baseline.Cohort.Episodes))).ToList()),
                new ChartSeries(context.L("Vervolgmeting", "Follow-up"), rows.Select(r => context.Statistic(r.Followup.Duration.MeanAll, ReportContext.Youths(r.Followup.Cohort.Episodes))).ToList())])
        {
            XLabel = context.L("Tussendagen", "Gap days"),
            ValueLabel = context.L("Dagen", "Days"),
            Format = ValueFormat.Number,
            StartAtZero = false,
        }, fewest);
    }
}
