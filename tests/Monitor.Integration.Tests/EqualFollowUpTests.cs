using System.Text.Json;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>Protocol version 2 for measurements: equal follow-up windows (5, 6), coverage warnings (3.4) and
/// <c>--as-of latest</c> (5).</summary>
public sealed class EqualFollowUpTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(1010).Take(8).ToArray();

    public EqualFollowUpTests()
    {
        var regions = _folder.Write("regions.csv", "gemeentecode;gemeente;regio\n0193;Zwolle;IJsselland\n0153;Enschede;Twente\n");
        Assert.Equal(0, Run("import", regions).Exit);
    }

    public void Dispose() => _folder.Dispose();

    private CommandLine.Result Run(params string[] args) => CommandLine.Run([.. args, "--db", _folder.Db]);

    private JsonElement Json(params string[] args)
    {
        var result = Run([.. args, "--json", "-"]);
        Assert.True(result.Exit == 0, result.ToString());
        return JsonDocument.Parse(result.Out).RootElement;
    }

    private void Import(string name, string? extractDate, params string[] rows)
    {
        var args = new List<string> { "import", _folder.Write(name, Extracts.File(rows)) };
        if (extractDate is not null) args.AddRange(["--extract-date", extractDate]);
        var result = Run([.. args]);
        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void AWindowReadsEachPeriodAtItsOwnEndPlusTheWindow()
    {
        // The same kind of stay in both years: 400 days. With one as-of date the later one still looks open.
        Import("x.csv", null, Extracts.Row(_bsns[0], "2020-03-01", "2021-04-04"), Extracts.Row(_bsns[1], "2021-03-01", "2022-04-04"));
        var windowed = Json("compare", "--baseline", "2020", "--followup", "2021", "--window", "181");
        Assert.Equal(181, windowed.GetProperty("window_days").GetInt32());
        Assert.Equal("2021-06-30", windowed.GetProperty("baseline").GetProperty("as_of").GetString());
        Assert.Equal("2022-06-30", windowed.GetProperty("followup").GetProperty("as_of").GetString());
        foreach (var side in new[] { "baseline", "followup" })
            Assert.Equal(0, windowed.GetProperty(side).GetProperty("counts").GetProperty("ongoing_at_as_of").GetInt32());

        var oneDate = Json("compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-01-31");
        Assert.Equal(JsonValueKind.Null, oneDate.GetProperty("window_days").ValueKind);
        Assert.Equal(0, oneDate.GetProperty("baseline").GetProperty("counts").GetProperty("ongoing_at_as_of").GetInt32());
        Assert.Equal(1, oneDate.GetProperty("followup").GetProperty("counts").GetProperty("ongoing_at_as_of").GetInt32());
    }

    [Fact]
    public void AMeasurementWithAWindowIsReadAtThePeriodsEndPlusTheWindow()
    {
        Import("x.csv", null, Extracts.Row(_bsns[0], "2020-03-01", "2020-09-30"));
        var m = Json("measure", "--period", "2020-01-01..2020-06-30", "--window", "0");
        Assert.Equal("2020-06-30", m.GetProperty("as_of").GetString());
        Assert.Equal(1, m.GetProperty("counts").GetProperty("ongoing_at_as_of").GetInt32());
        Assert.Equal(2, m.GetProperty("protocol_version").GetInt32());
    }

    [Fact]
    public void ARegionComparisonWithAWindowReadsBothRegionsAtOneDate()
    {
        Import("x.csv", null,
            Extracts.Row(_bsns[0], "2020-03-01", null),
            Extracts.Row(_bsns[1], "2020-05-01", null, municipality: "0153"));
        var c = Json("compare", "--baseline", "2020", "--regions", "Twente,IJsselland", "--window", "90");
        Assert.Equal(90, c.GetProperty("window_days").GetInt32());
        Assert.Equal("2021-03-31", c.GetProperty("baseline").GetProperty("as_of").GetString());
        Assert.Equal("2021-03-31", c.GetProperty("followup").GetProperty("as_of").GetString());
        Assert.Equal("Twente", c.GetProperty("baseline").GetProperty("region").GetString());
        Assert.Equal("IJsselland", c.GetProperty("followup").GetProperty("region").GetString());
    }

    [Fact]
    public void AnExtractEndingBeforeTheAsOfDateWarnsPerFileWithItsOpenSegments()
    {
        Import("twente.csv", "2022-09-30",
            Extracts.Row(_bsns[0], "2021-03-01", null, municipality: "0153"),
            Extracts.Row(_bsns[1], "2021-04-01", "2023-01-31", municipality: "0153"),
            Extracts.Row(_bsns[2], "2021-02-01", "2021-05-31", municipality: "0153"));
        Import("ijsselland.csv", "2023-06-30", Extracts.Row(_bsns[3], "2021-03-01", null));

        var m = Json("measure", "--period", "2021", "--as-of", "2022-12-31");
        var warnings = m.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        var warning = Assert.Single(warnings);
        Assert.StartsWith("twente.csv: the extract covers up to 2022-09-30, before the as-of date 2022-12-31; its 2 open segments", warning);

        // Read at a date the extract covers: nothing to say.
        Assert.Empty(Json("measure", "--period", "2021", "--as-of", "2022-06-30").GetProperty("warnings").EnumerateArray());
        // Far beyond every extract: the figures, and a warning per file, not an error.
        var far = Json("measure", "--period", "2021", "--as-of", "2030-01-01").GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal(2, far.Count);
        // The text summary says it too.
        Assert.Contains("warning: twente.csv: the extract covers up to 2022-09-30", Run("measure", "--period", "2021", "--as-of", "2022-12-31").Out);
    }

    [Fact]
    public void LatestIsTheEarliestCoverageDateOfAnExtractWithOpenSegmentsAndTheCommandSaysSo()
    {
        Import("gooi.csv", "2022-01-15", Extracts.Row(_bsns[0], "2021-03-01", null));
        Import("twente.csv", "2022-09-30", Extracts.Row(_bsns[1], "2021-03-01", null));
        Import("closed.csv", "2021-06-30", Extracts.Row(_bsns[2], "2021-01-01", "2021-03-31")); // all closed: no constraint

        var result = Run("measure", "--period", "2021", "--as-of", "latest", "--json", "-");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("2022-01-15", JsonDocument.Parse(result.Out).RootElement.GetProperty("as_of").GetString());
        Assert.Contains("--as-of latest: 2022-01-15 (the earliest coverage date of an extract with open segments: gooi.csv)", result.Err);

        var text = Run("measure", "--period", "2021", "--as-of", "latest");
        Assert.Contains("--as-of latest: 2022-01-15", text.Out);
    }

    [Fact]
    public void LatestWithoutOpenSegmentsIsTheLatestStart()
    {
        // Every segment ended by the file's coverage date (its latest start): no file holds open segments.
        Import("x.csv", null, Extracts.Row(_bsns[0], "2021-01-01", "2021-03-31"), Extracts.Row(_bsns[1], "2021-05-01", "2021-05-01"));
        var result = Run("compare", "--baseline", "2020", "--followup", "2021-01-01..2021-03-31", "--as-of", "latest", "--json", "-");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("2021-05-01", JsonDocument.Parse(result.Out).RootElement.GetProperty("followup").GetProperty("as_of").GetString());
        Assert.Contains("the latest segment start stored", result.Err);
    }
}
