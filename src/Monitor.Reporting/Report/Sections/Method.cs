using System.Globalization;
using Monitor.Core.Domain;

namespace Monitor.Reporting.Report;

/// <summary>Section 11: definitions (formulas only here), the tests in plain words, the known limits, and where the data came from.</summary>
internal sealed partial class ReportBuilder
{
    /// <summary>The definitions of the method, in order: the statistics (intervals, the difference in differences and
    /// its trend check) only where the report shows them.</summary>
    private IEnumerable<string> Definitions()
    {
        string[] first = ["episode", "residential", "asof", "window", "stock", "exits", "entries", "duration", "providers", "involved", "move", "cost", "young",
            "days", "flows", "crisis", "premature", "km"];
        foreach (var d in first) yield return d;
        yield return Main.Statistics is null ? "no_intervals" : "bootstrap";
        if (Main.Statistics is not null) yield return "km_interval";
        yield return "rci";
        yield return "recovered";
        if (Input.DifferenceInDifferences is { } did)
        {
            yield return "did";
            if (did.Statistics is not null) yield return "pre_trend";
        }
        yield return "suppression";
    }

    private Section Method()
    {
        var set = string.Join(", ", Baseline.ResidentialSet.Select(t => W["caretype." + t.Word()]));
        var (replicates, seed) = Main.Statistics is { } s ? (s.Changes.Replicates, s.Changes.Seed) : (0, 0UL);
        var blocks = new List<Block>
        {
            new SubHeading(W["method.definitions.title"]),
            new DefinitionsBlock(Definitions().Select(d => (W["method.term." + d], W.F("method.definition." + d, ("gap", Baseline.GapDays), ("set", set),
                ("asof", AsOfSentence()), ("days", Main.WindowDays ?? Input.Options.TrendWindowDays), ("t", V.Threshold), ("max", V.Threshold - 1),
                ("replicates", V.Integer(replicates)), ("seed", seed.ToString(CultureInfo.InvariantCulture)), ("n", Baseline.Duration.TopN),
                ("a", Input.Options.RegionA), ("b", Input.Options.RegionB)))).ToList()),
            new SubHeading(W["method.tests.title"]),
            Table(TestsTable("toetsen-nulmeting-vervolgmeting", "tests", BaselineLabel, FollowupLabel)),
            P("method.tests.caution"),
            new SubHeading(W["method.cohorts.title"]),
            P("method.cohorts.text"),
            new SubHeading(W["method.cbs.title"]),
            P("method.cbs.text"),
            new SubHeading(W["method.limits.title"]),
            new ListBlock(Enumerable.Range(1, 6).Select(i => W[$"method.limits.{i}"]).ToList()),
            new SubHeading(W["method.lineage.title"]),
        };
        var lineage = Input.Lineage;
        blocks.Add(Table(new ReportTable("herkomst-ingelezen-bestanden", W["method.lineage.table"], W["column.file"],
        [
            Column(W["method.lineage.column.kind"]), Column(W["method.lineage.column.imported"]), Column(W["method.lineage.column.coverage"]),
            Column(W["method.lineage.column.rows"]), Column(W["method.lineage.column.accepted"]), Column(W["method.lineage.column.refused"]),
            Column(W["method.lineage.column.duplicate"]), Column(W["method.lineage.column.status"]),
        ],
            lineage.Select(f => new TableRow(Path.GetFileName(f.File),
            [
                Cell.Words(W.Has("format." + f.Format) ? W["format." + f.Format] : f.Format),
                Cell.Words(V.Date(DateOnly.FromDateTime(f.ImportedAt))),
                Cell.Words(f.CoverageDate is { } c ? V.Date(c) : "–"),
                Cell.Words(V.Integer(f.RowsRead)), Cell.Words(V.Integer(f.RowsAccepted)), Cell.Words(V.Integer(f.RowsRefused)), Cell.Words(V.Integer(f.RowsDuplicate)),
                Cell.Words(W.Has("status." + f.Status) ? W["status." + f.Status] : f.Status),
            ])).ToList())));
        blocks.Add(P("method.lineage.text", ("without_amount", V.Integer(Input.SegmentsWithoutAmount)),
            ("baseline", V.Integer(Baseline.Cost.SegmentsWithoutCost)), ("followup", V.Integer(Followup.Cost.SegmentsWithoutCost))));
        return new Section("methode", W["method.title"], blocks);
    }

    /// <summary>The two tests of a comparison with their figures and a reading in plain words.</summary>
    internal ReportTable TestsTable(string file, string prefix, string first, string second)
    {
        TableRow Row(string test, string statistic, int decimals, string reading) => new(W["tests." + test],
        [
            Cell.Figure($"{prefix}.{test}.{statistic}", Unit.Statistic, decimals), Cell.Figure($"{prefix}.{test}.p_value", Unit.Statistic, 3),
            Cell.Words(Reading($"{prefix}.{test}.p_value", first, second, W["tests.what." + test])),
        ]);
        return new ReportTable(file, W["tests.table"], W["tests.column.test"],
            [Column(W["tests.column.statistic"]), Column(W["tests.column.p"]), Column(W["tests.column.reading"])],
            [Row("duration_exited", "mann_whitney_u", 1, ""), Row("entry_cohort", "logrank_chi2", 2, "")]);
    }

    private string Reading(string pKey, string first, string second, string what)
    {
        if (V.Value(pKey) is not { } p) return W["tests.reading.none"];
        return W.F(p < 0.05 ? "tests.reading.significant" : "tests.reading.chance", ("what", what), ("first", first), ("second", second));
    }
}
