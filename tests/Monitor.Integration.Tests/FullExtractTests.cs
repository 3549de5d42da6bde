using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>Successive cumulative extracts of one source (PROTOCOL.md 3.2, <c>--source NAME --full</c>).</summary>
public sealed class FullExtractTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(11).Take(3).ToArray();

    public void Dispose() => _folder.Dispose();

    private CommandLine.Result Run(params string[] args) => CommandLine.Run([.. args, "--db", _folder.Db]);

    private JsonElement Measure()
    {
        var result = Run("measure", "--period", "2020", "--as-of", "2021-06-30", "--json", "-");
        Assert.True(result.Exit == 0, result.ToString());
        return JsonDocument.Parse(result.Out).RootElement;
    }

    [Fact]
    public void AFullExtractSupersedesTheSourcesEarlierRows()
    {
        // January: youth 0 is still in care (no end), with 3.000,00 billed so far; youth 1 has a stay.
        var january = _folder.Write("jan.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", null, "3.000,00"),
            Extracts.Row(_bsns[1], "2020-03-01", "2020-03-31", "1.000,00")));
        // February: the running segment is closed and its amount corrected; youth 1's stay was withdrawn.
        var february = _folder.Write("feb.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-01-31", "4.650,00")));
        Assert.Equal(0, Run("import", january, "--source", "provider-x", "--full").Exit);
        var before = Measure();
        Assert.Equal(1, before.GetProperty("counts").GetProperty("ongoing_at_as_of").GetInt32());
        Assert.Equal(2, before.GetProperty("counts").GetProperty("youths").GetInt32());

        var result = Run("import", february, "--source", "provider-x", "--full", "--json", "-");
        Assert.Equal(0, result.Exit);
        Assert.Contains("\"rows_accepted\": 1", result.Out); // not a duplicate of the row it supersedes
        Assert.Contains("\"rows_duplicate\": 0", result.Out);

        var after = Measure();
        var counts = after.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("youths").GetInt32());
        Assert.Equal(0, counts.GetProperty("ongoing_at_as_of").GetInt32());
        Assert.Equal(1, counts.GetProperty("exited_in_period").GetInt32());
        Assert.Equal(31, after.GetProperty("duration_days").GetProperty("mean_all").GetDouble());
        Assert.Equal(4650, after.GetProperty("cost_eur").GetProperty("mean_episode").GetDouble());

        // The superseded rows are kept for lineage.
        using var connection = new SqliteConnection($"Data Source={_folder.Db};Pooling=False");
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count(*) FROM segment WHERE superseded_by IS NOT NULL"));
    }

    [Fact]
    public void AFullExtractLeavesOtherSourcesAlone()
    {
        Run("import", _folder.Write("a.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", "2020-01-31"))), "--source", "a", "--full");
        Run("import", _folder.Write("b.csv", Extracts.File(Extracts.Row(_bsns[1], "2020-01-01", "2020-01-31"))), "--source", "b", "--full");
        Run("import", _folder.Write("a2.csv", Extracts.File(Extracts.Row(_bsns[2], "2020-05-01", "2020-05-31"))), "--source", "a", "--full");
        Assert.Equal(2, Measure().GetProperty("counts").GetProperty("youths").GetInt32());
    }

    [Fact]
    public void WithoutFullAFileAddsToWhatIsStored()
    {
        Run("import", _folder.Write("a.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null))), "--source", "x");
        var result = Run("import", _folder.Write("b.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", "2020-01-31"))), "--source", "x");
        Assert.Equal(0, result.Exit);
        // Both segments count: the open one keeps the episode open.
        Assert.Equal(1, Measure().GetProperty("counts").GetProperty("ongoing_at_as_of").GetInt32());
    }

    [Theory]
    [InlineData("--full")]
    [InlineData("--full", "--source", "x", "second")]
    public void FullNeedsASourceAndOneFile(params string[] extra)
    {
        var file = _folder.Write("a.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null)));
        string[] files = extra.Contains("second") ? [file, file] : [file];
        var result = Run(["import", .. files, .. extra.Where(e => e != "second")]);
        Assert.Equal(2, result.Exit);
        Assert.Contains("--full", result.Err);
    }
}
