using System.Text.Json;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>The import's part of protocol version 2: the key-length check (3.3) and the coverage date (3.4).</summary>
public sealed class ProtocolVersion2ImportTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(92).Take(3).ToArray();

    public void Dispose() => _folder.Dispose();

    private CommandLine.Result Run(params string[] args) => CommandLine.Run([.. args, "--db", _folder.Db]);

    [Fact]
    public void AKeyShorterThan16BytesIsRefusedWithExit2AndNothingIsWritten()
    {
        // In a process of its own: the key is an environment variable, which every test in this one shares.
        var file = _folder.Write("x.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null)));
        var result = ChildProcessRun.Run(new Dictionary<string, string> { ["MONITOR_PSEUDONYM_KEY"] = "any-secret" }, "import", file, "--db", _folder.Db);

        Assert.Equal(2, result.Exit);
        Assert.Equal("monitor: MONITOR_PSEUDONYM_KEY is 10 bytes long, shorter than 16: use a long random secret (for example: openssl rand -hex 32)", result.Err.Trim());
        Assert.DoesNotContain("unexpected", result.Err);
        Assert.Equal(["x.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void TheCoverageDateIsTheLatestSegmentStartOfTheRowsThatPassTheChecks()
    {
        var file = _folder.Write("x.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2021-03-01", null),
            Extracts.Row(_bsns[1], "2022-09-14", "2022-09-30"),
            Extracts.Row(_bsns[2], "2022-11-01", "2022-10-01"))); // refused (end before start): not part of the picture
        var result = Run("import", file, "--json", "-");
        Assert.Equal(0, result.Exit);
        Assert.Equal("2022-09-14", JsonDocument.Parse(result.Out).RootElement.GetProperty("files")[0].GetProperty("coverage_date").GetString());

        var imports = Run("imports");
        Assert.Contains("covers up to 2022-09-14 (latest start)", imports.Out);
        var json = JsonDocument.Parse(Run("imports", "--json", "-").Out).RootElement.GetProperty("imports")[0];
        Assert.Equal("2022-09-14", json.GetProperty("coverage_date").GetString());
        Assert.False(json.GetProperty("coverage_date_given").GetBoolean());
    }

    [Fact]
    public void AnExtractDateGivenIsTheCoverageDateOfEveryExtractOfTheCommandButNotOfAReferenceFile()
    {
        var extract = _folder.Write("x.csv", Extracts.File(Extracts.Row(_bsns[0], "2021-03-01", null)));
        var regions = _folder.Write("regions.csv", "gemeentecode;gemeente;regio\n0193;Zwolle;IJsselland\n");
        var result = Run("import", regions, extract, "--extract-date", "2022-09-30", "--json", "-");
        Assert.Equal(0, result.Exit);
        var files = JsonDocument.Parse(result.Out).RootElement.GetProperty("files");
        Assert.Equal(JsonValueKind.Null, files[0].GetProperty("coverage_date").ValueKind);
        Assert.Equal("2022-09-30", files[1].GetProperty("coverage_date").GetString());
        Assert.Contains("covers up to 2022-09-30 (--extract-date)", Run("imports").Out);
    }

    [Fact]
    public void AFileRejectedWholeHasNoCoverageDate()
    {
        var result = Run("import", _folder.Write("x.csv", "bsn;begindatum\n"), "--json", "-");
        Assert.Equal(2, result.Exit);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(result.Out).RootElement.GetProperty("files")[0].GetProperty("coverage_date").ValueKind);
    }

    [Theory]
    [InlineData("2022-13-01")]
    [InlineData("yesterday")]
    public void AnExtractDateThatIsNoDateIsExit2(string date)
    {
        var result = Run("import", _folder.Write("x.csv", Extracts.File(Extracts.Row(_bsns[0], "2021-03-01", null))), "--extract-date", date);
        Assert.Equal(2, result.Exit);
        Assert.Contains("--extract-date", result.Err);
    }
}
