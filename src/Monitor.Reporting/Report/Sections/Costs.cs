using Monitor.Core.Measurements;
using Monitor.Core.Statistics;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>Section 8: costs per episode and per youth, and the seeds' rough savings estimate with its own disclaimer.</summary>
internal sealed partial class ReportBuilder
{
    private Section Costs()
    {
        var n = Baseline.Duration.TopN;
        string[] keys = ["cost_eur.mean_episode", "cost_eur.mean_episode_ongoing", "cost_eur.mean_all_episodes_per_youth",
            "cost_eur.mean_all_episodes_per_youth_ongoing", "cost_eur.mean_top_n", "cost_eur.mean_ambulant_per_youth"];
        var blocks = new List<Block>
        {
            Table(new ReportTable("kosten", W["costs.table"], "",
                [Column(BaselineLabel, W.F("file.column.euro", ("label", BaselineLabel))), Column(FollowupLabel, W.F("file.column.euro", ("label", FollowupLabel))),
                    Column(W["column.change"], W["file.column.change_euro"])],
                keys.Select(k => new TableRow(W.F("costs.row." + k, ("n", n)),
                    [Cell.Figure("baseline." + k, Unit.Euro), Cell.Figure("followup." + k, Unit.Euro), Cell.Change("change." + k, Unit.Euro)])).ToList())),
        };
        // The spread of episode costs, without single points: an outlier is one child's stay. A box rests on the
        // cohort's youths, as the mean cost does: hidden with it.
        blocks.Add(Chart(new BoxPlotChart("kosten-spreiding", ChartText("costs_box"),
            [new ChartBox(BaselineLabel, Box(Baseline, "baseline"), !V.Shown("baseline.cost_eur.mean_episode")),
                new ChartBox(FollowupLabel, Box(Followup, "followup"), !V.Shown("followup.cost_eur.mean_episode"))])
        {
            ValueLabel = W["axis.euro"],
            Format = ValueFormat.Euro,
        }));

        blocks.Add(new SubHeading(W["costs.savings.title"]));
        blocks.Add(Table(new ReportTable("besparing-bierviltje", W.F("costs.savings.table", ("period", PeriodText(Followup.Period))), "",
            [Column(W["costs.savings.column.stay"], W["file.costs.stay"]), Column(W["costs.savings.column.ambulant"], W["file.costs.ambulant"]),
                Column(W["costs.savings.column.saving"], W["file.costs.saving"])],
            [
                new TableRow(W.F("costs.savings.row.top_n", ("n", n)),
                    [Cell.Figure("followup.cost_eur.mean_top_n", Unit.Euro), Cell.Figure("followup.cost_eur.mean_ambulant_per_youth", Unit.Euro), Cell.Figure("savings.top_n", Unit.Euro)]),
                new TableRow(W["costs.savings.row.all"],
                    [Cell.Figure("followup.cost_eur.mean_all_episodes_per_youth", Unit.Euro), Cell.Figure("followup.cost_eur.mean_ambulant_per_youth", Unit.Euro),
                        Cell.Figure("savings.all_episodes_per_youth", Unit.Euro)]),
            ])));
        blocks.Add(P("costs.savings.assumptions"));
        blocks.Add(new Paragraph(W["costs.savings.disclaimer"], "disclaimer"));
        return new Section("kosten", W["costs.title"], blocks);
    }

    private BoxValues? Box(Measurement m, string prefix)
    {
        if (!V.Shown(prefix + ".cost_eur.mean_episode")) return null;
        if (Descriptive.Box(m.Cohort.Episodes.Select(e => (double)e.Cost).ToList()) is not { } box) return null;
        return new BoxValues(box.LowerWhisker, box.Q1, box.Median, box.Q3, box.UpperWhisker);
    }
}
