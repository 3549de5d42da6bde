using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Core.Statistics;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 5: how long stays last, each figure named for its cohort (stock, exits, entries).</summary>
internal sealed partial class ReportBuilder
{
    private Section LengthOfStay()
    {
        var blocks = new List<Block> { P("stay.intro"), new SubHeading(W["stay.classes.title"]) };
        var classes = BreakdownFigures.DurationClasses;
        var labels = classes.Select(c => W["stay.class." + c.Key]).ToList();
        blocks.Add(Chart(new BarChart("verblijfsduur-klassen", ChartText("stay_classes"), labels,
        [
            new ChartSeries(BaselineLabel, classes.Select(c => V.Chart("baseline." + c.Key)).ToList()),
            new ChartSeries(FollowupLabel, classes.Select(c => V.Chart("followup." + c.Key)).ToList()),
        ])
        {
            ValueLabel = W["axis.episodes"],
            ShowValues = true,
        }));
        var rows = classes.Select((c, i) => new TableRow(labels[i], [Cell.Figure("baseline." + c.Key, Unit.Count), Cell.Figure("followup." + c.Key, Unit.Count)])).ToList();
        rows.Add(new TableRow(W["stay.classes.total"], [Cell.Figure("baseline.counts.episodes", Unit.Count), Cell.Figure("followup.counts.episodes", Unit.Count)], Group: true));
        blocks.Add(Table(new ReportTable("verblijfsduur-klassen", W["stay.classes.table"], W["column.duration"],
            [Column(BaselineLabel, W.F("file.column.episodes", ("label", BaselineLabel))), Column(FollowupLabel, W.F("file.column.episodes", ("label", FollowupLabel)))], rows)));

        blocks.Add(new SubHeading(W["stay.km.title"]));
        blocks.Add(P("stay.km.intro"));
        blocks.Add(Survival("km-instroom", "entry_cohort", m => m.Cohort.Entries, W["chart.km.all"]));
        blocks.Add(Survival("km-instroom-8plus", "entry_cohort_8plus", m => m.Cohort.Entries8Plus, W["chart.km.8plus"]));
        string[] km = ["episodes", "exited", "km_q1_days", "km_median_days", "km_q3_days"];
        (string Prefix, string Cohort)[] kmColumns = [("baseline", "entry_cohort"), ("followup", "entry_cohort"), ("baseline", "entry_cohort_8plus"), ("followup", "entry_cohort_8plus")];
        var kmRows = km.Select(k => new TableRow(W["stay.km.row." + k],
            kmColumns.Select(c => Cell.Figure($"{c.Prefix}.{c.Cohort}.{k}", k.StartsWith("km_", StringComparison.Ordinal) ? Unit.Days : Unit.Count)).ToList())).ToList();
        // The median's 95% interval right below it: a bound the data cannot fix yet (too few stays ended) says so in words.
        var medianIntervals = V.Has(IntervalFigures.KmBound("baseline", "entry_cohort", upper: false));
        if (medianIntervals)
        {
            var below = Array.IndexOf(km, "km_median_days") + 1;
            kmRows.InsertRange(below, new[] { false, true }.Select(upper => new TableRow(W[upper ? "stay.km.row.km_median_ci_upper" : "stay.km.row.km_median_ci_lower"],
                kmColumns.Select(c => Cell.Bound(IntervalFigures.KmBound(c.Prefix, c.Cohort, upper), Unit.Days, 0, signed: false, W["interval.undetermined"])).ToList())));
        }
        blocks.Add(Table(new ReportTable("instroom-kaplan-meier", W["stay.km.table"], "",
        [
            Column(W.F("stay.km.column.all", ("label", BaselineLabel))), Column(W.F("stay.km.column.all", ("label", FollowupLabel))),
            Column(W.F("stay.km.column.8plus", ("label", BaselineLabel))), Column(W.F("stay.km.column.8plus", ("label", FollowupLabel))),
        ], kmRows, Notes: medianIntervals ? [W["stay.km.interval_note"]] : null)));

        var n = Baseline.Duration.TopN;
        blocks.Add(new SubHeading(W.F("stay.top.title", ("n", n))));
        blocks.Add(P("stay.top.intro", ("n", n)));
        (string Key, Unit Unit, int Decimals)[] top = [("duration_days.mean_top_n", Unit.Days, 0), ("cost_eur.mean_top_n", Unit.Euro, 0), ("age.mean_at_as_of_top_n", Unit.Number, 1)];
        blocks.Add(Table(new ReportTable("langste-verblijven", W.F("stay.top.table", ("n", n)), "",
            [Column(BaselineLabel), Column(FollowupLabel)],
            top.Select(t => new TableRow(W["stay.top.row." + t.Key], [Cell.Figure("baseline." + t.Key, t.Unit, t.Decimals), Cell.Figure("followup." + t.Key, t.Unit, t.Decimals)], UnitText(t.Unit))).ToList(),
            HasUnits: true)));
        return new Section("verblijfsduur", W["stay.title"], blocks);
    }

    /// <summary>Kaplan–Meier curves of both entry cohorts; a curve whose median the rules hide (too few youths) is not drawn.</summary>
    private FigureBlock Survival(string name, string cohortKey, Func<Measurement, IReadOnlyList<Episode>> episodes, string title)
    {
        var curves = new List<SurvivalCurve>();
        foreach (var (m, prefix, label) in new[] { (Baseline, "baseline", BaselineLabel), (Followup, "followup", FollowupLabel) })
        {
            // The curve rests on the same youths as its median: hidden with it.
            if (!V.Shown($"{prefix}.{cohortKey}.km_median_days") || episodes(m).Count == 0)
            {
                curves.Add(SurvivalCurve.LeftOut(label));
                continue;
            }
            var curve = KaplanMeier.Estimate(MeasurementCalculator.SurvivalTimes(episodes(m)));
            var end = episodes(m).Max(e => e.DurationDays);
            curves.Add(new SurvivalCurve(label, curve.Steps.Select(s => new SurvivalStep(s.Days, s.Survival, s.LowerCi, s.UpperCi)).ToList(), end, curve.Median));
        }
        return Chart(new SurvivalChart(name, new ChartText(title, W["chart.km.desc"], title + "."), curves)
        {
            XLabel = W["axis.days_since_start"],
            ValueLabel = W["axis.share_still_staying"],
        });
    }
}
