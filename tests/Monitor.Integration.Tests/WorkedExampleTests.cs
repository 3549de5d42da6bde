using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>
/// The worked examples of shared/examples (copied under Examples/), run exactly as their READMEs say and
/// compared figure by figure with the documents of the independent reference implementation.
/// </summary>
public sealed class WorkedExampleTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Expected(string caseName, string file) => File.ReadAllText(Path.Combine(TestFolder.ExamplePath(caseName), file));

    private void AssertCommandMatches(string caseName, string expectedFile, params string[] args)
    {
        var result = CommandLine.RunIn(_folder, [.. args, "--json", "-"]);
        Assert.True(result.Exit == 0, result.ToString());
        ExpectedJson.AssertMatches(Expected(caseName, expectedFile), result.Out);
    }

    private void ImportCase01()
    {
        _folder.CopyExample("case-01-rules");
        AssertCommandMatches("case-01-rules", "expected-import.json", "import", "providers.csv", "regions.csv", "tariffs.csv", "rijm.csv", "--db", "case01.db");
    }

    private void ImportCase02()
    {
        _folder.CopyExample("case-02-generated");
        AssertCommandMatches("case-02-generated", "expected-import.json", "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv",
            "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", "case02.db");
    }

    [Fact]
    public void Case01_ImportCountsOneDuplicateAndNoRefusals() => ImportCase01();

    [Theory]
    [InlineData("7", null, "expected-measure-2020-gap7.json")]
    [InlineData("0", null, "expected-measure-2020-gap0.json")]
    [InlineData("7", "Twente", "expected-measure-2020-gap7-twente.json")]
    public void Case01_MeasurementsMatchTheHandComputedFigures(string gapDays, string? region, string expected)
    {
        ImportCase01();
        string[] args = ["measure", "--period", "2020", "--as-of", "2021-09-30", "--gap-days", gapDays, "--db", "case01.db"];
        if (region is not null) args = [.. args, "--region", region];
        AssertCommandMatches("case-01-rules", expected, args);
    }

    [Fact]
    public void Case02_ImportOfTwoDialectsCountsRefusalsAndDuplicates() => ImportCase02();

    [Fact]
    public void Case02_MeasurementOf2020Matches()
    {
        ImportCase02();
        AssertCommandMatches("case-02-generated", "expected-measure-2020.json",
            "measure", "--period", "2020", "--as-of", "2021-09-30", "--gap-days", "7", "--db", "case02.db");
    }

    [Fact]
    public void Case02_ComparisonOfTwoYearsMatches()
    {
        ImportCase02();
        AssertCommandMatches("case-02-generated", "expected-compare-2020-2021.json",
            "compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--db", "case02.db");
    }

    [Fact]
    public void Case02_ComparisonOfTwoYearsWithAWindowOf181DaysMatches()
    {
        // Protocol version 2: 2020 read at 2021-06-30, 2021 at 2022-06-30.
        ImportCase02();
        AssertCommandMatches("case-02-generated", "expected-compare-2020-2021-window181.json",
            "compare", "--baseline", "2020", "--followup", "2021", "--window", "181", "--db", "case02.db");
    }

    [Fact]
    public void Case02_ComparisonOfTwoRegionsMatches()
    {
        ImportCase02();
        AssertCommandMatches("case-02-generated", "expected-compare-regions-2020.json",
            "compare", "--baseline", "2020", "--regions", "Twente,IJsselland", "--as-of", "2022-06-30", "--db", "case02.db");
    }

    [Fact]
    public void Case02_QuarantineHasTheRefusedRowsAtTheirLinesAndColumns()
    {
        ImportCase02();
        var result = CommandLine.RunIn(_folder, "quarantine", "--db", "case02.db", "--json", "-");
        Assert.Equal(0, result.Exit);
        var expected = Rows(Expected("case-02-generated", "expected-quarantine.json"), "rejected_rows");
        var actual = Rows(result.Out, "rejected_rows");
        Assert.Equal(expected, actual);

        static List<string> Rows(string json, string name) => JsonDocument.Parse(json).RootElement.GetProperty(name).EnumerateArray()
            .Select(r => $"{r.GetProperty("file").GetString()}:{r.GetProperty("line").GetInt32()}:{r.GetProperty("column").GetString()}").ToList();
    }

    [Fact]
    public void Case02_EachDuplicateIsTracedToTheRowItRepeats()
    {
        ImportCase02();
        var expected = JsonDocument.Parse(Expected("case-02-generated", "expected-duplicates.json")).RootElement.GetProperty("duplicate_rows")
            .EnumerateArray()
            .Select(d => $"{d.GetProperty("file").GetString()}:{d.GetProperty("line").GetInt32()} -> " +
                         $"{d.GetProperty("duplicate_of").GetProperty("file").GetString()}:{d.GetProperty("duplicate_of").GetProperty("line").GetInt32()}")
            .Order().ToList();
        using var connection = new SqliteConnection($"Data Source={_folder.File("case02.db")};Pooling=False");
        var actual = connection.Query<string>("""
            SELECT f.file_name || ':' || d.line || ' -> ' || o.file_name || ':' || s.line
            FROM duplicate_row d
            JOIN import_file f ON f.id = d.import_id
            JOIN segment s ON s.id = d.duplicate_of
            JOIN import_file o ON o.id = s.import_id
            """).Order().ToList();
        Assert.Equal(32, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SameStoreAndParametersGiveByteIdenticalDocuments()
    {
        ImportCase02();
        string[] args = ["compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--db", "case02.db", "--json", "-"];
        var first = CommandLine.RunIn(_folder, args);
        var second = CommandLine.RunIn(_folder, args);
        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Out, second.Out);
    }
}
