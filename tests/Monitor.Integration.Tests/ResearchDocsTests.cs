using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using Monitor.Core.Domain;
using Monitor.Integration.Tests.Support;
using Monitor.Research;

namespace Monitor.Integration.Tests;

/// <summary>
/// Every snippet of docs/research.md, run on the worked example case-02: the export commands, the DuckDB SQL,
/// the R and pandas scripts (with Debian's R and pandas, which .ci/run installs; skipped with the reason where
/// they are missing), and the C# block, which is the body of <see cref="CSharpSnippet"/> below.
/// </summary>
public sealed class ResearchDocsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Doc => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "research.md"));

    /// <summary>The fenced blocks of one language, in order.</summary>
    private static List<string> Blocks(string language) =>
        Regex.Matches(Doc, $"```{language}\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Imports case-02 and runs the doc's shell block: the exports the other snippets read.</summary>
    private string Prepare()
    {
        _folder.CopyExample("case-02-generated");
        var import = CommandLine.RunIn(_folder, "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv",
            "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", "monitor.db");
        Assert.True(import.Exit == 0, import.ToString());
        var commands = Blocks("sh").Single().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, commands.Length);
        foreach (var line in commands)
        {
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("monitor", args[0]);
            var result = CommandLine.RunIn(_folder, [.. args[1..], "--db", "monitor.db"]);
            Assert.True(result.Exit == 0, $"{line}: {result}");
        }
        return _folder.Db;
    }

    /// <summary>The figures the snippets must reproduce: the compare document of the same store.</summary>
    private (long Episodes, double MeanAll, JsonElement KmMedian) Expected()
    {
        var compare = CommandLine.RunIn(_folder, "compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--db", "monitor.db", "--json", "-");
        Assert.True(compare.Exit == 0, compare.ToString());
        var root = JsonDocument.Parse(compare.Out).RootElement;
        var baseline = root.GetProperty("baseline");
        return (baseline.GetProperty("counts").GetProperty("episodes").GetInt64(), baseline.GetProperty("duration_days").GetProperty("mean_all").GetDouble(),
            root.GetProperty("statistics").GetProperty("km_median").GetProperty("baseline").GetProperty("entry_cohort"));
    }

    [Fact]
    public void TheDuckDbSnippetReadsTheParquetExport()
    {
        Prepare();
        var (episodes, meanAll, _) = Expected();
        var sql = Blocks("sql").Single().Replace("'export/", $"'{_folder.Path}/export/", StringComparison.Ordinal);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var statements = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, statements.Length);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = statements[0];
            command.ExecuteNonQuery();
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = statements[1];
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(episodes, reader.GetInt64(0));
            Assert.Equal(meanAll, reader.GetDouble(1), 9);
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = statements[2];
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                Assert.EndsWith(".csv", reader.GetString(1));
                Assert.True(reader.GetInt32(2) >= 2);
                Assert.Matches("^[0-9a-f]{64}$", reader.GetString(3));
            }
            Assert.True(rows >= 25); // the 25 longest episodes, each with at least one segment
        }
        using (var command = connection.CreateCommand())
        {
            // Parquet carries the types: dates are DATE, flags BOOLEAN, codes VARCHAR.
            command.CommandText = $"SELECT typeof(start), typeof(ongoing), typeof(municipality), typeof(cost_eur_x10000) FROM read_parquet('{_folder.Path}/export/episodes.parquet') LIMIT 1";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(["DATE", "BOOLEAN", "VARCHAR", "BIGINT"], Enumerable.Range(0, 4).Select(reader.GetString));
        }
    }

    [SkippableFact]
    public void TheRSnippetReadsTheCsvExportAndReproducesTheFigures()
    {
        Skip.IfNot(File.Exists("/usr/bin/Rscript"), "R is not installed (.ci/run installs r-base-core and r-cran-survival)");
        Skip.IfNot(Directory.Exists("/usr/lib/R/site-library/survival") || Directory.Exists("/usr/lib/R/library/survival"), "R's survival package is not installed (r-cran-survival)");
        Prepare();
        var (episodes, meanAll, km) = Expected();
        var output = Run("/usr/bin/Rscript", "snippet.R", Blocks("r").Single());
        var figures = Regex.Match(output, @"episodes (\d+) mean_all ([0-9.]+)");
        Assert.True(figures.Success, output);
        Assert.Equal(episodes, long.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(meanAll, double.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture), 9);
        // R's survfit on the exported entry cohort gives the median and interval the compare document has.
        var median = Regex.Match(output, @"km_median (\S+) ci (\S+) (\S+)");
        Assert.True(median.Success, output);
        string Json(string name) => km.GetProperty(name).ValueKind == JsonValueKind.Null ? "NA" : km.GetProperty(name).GetDouble().ToString(CultureInfo.InvariantCulture);
        Assert.Equal([Json("km_median_days"), Json("ci_lower_days"), Json("ci_upper_days")], [median.Groups[1].Value, median.Groups[2].Value, median.Groups[3].Value]);
    }

    [SkippableFact]
    public void ThePandasSnippetReadsTheCsvExportWithItsTypes()
    {
        Skip.IfNot(File.Exists("/usr/bin/python3"), "Debian's python3 is not installed");
        var probe = Run("/usr/bin/python3", "probe.py", "import pandas\nprint('ok')\n", mayFail: true);
        Skip.IfNot(probe.Trim() == "ok", "pandas is not installed for /usr/bin/python3 (.ci/run installs python3-pandas)");
        Prepare();
        var (episodes, meanAll, _) = Expected();
        var output = Run("/usr/bin/python3", "snippet.py", Blocks("python").Single() +
            "\nprint(episodes['municipality'].dtype, episodes['ongoing'].dtype, episodes['start'].dtype, episodes['episode_id'].dtype)\n" +
            "print('zeros', int(episodes['municipality'].str.startswith('0').sum()))\n");
        var figures = Regex.Match(output, @"episodes (\d+) mean_all ([0-9.]+)");
        Assert.True(figures.Success, output);
        Assert.Equal(episodes, long.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(meanAll, double.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture), 9);
        Assert.Contains("string boolean datetime64[ns] Int64", output);
        Assert.Matches(@"zeros [1-9]", output);
    }

    [Fact]
    public async Task TheCSharpSnippetIsThisTestAndRuns()
    {
        var store = Prepare();
        var export = Path.Combine(_folder.Path, "export");
        var (episodes, meanAll, _) = Expected();
        var (cohortRows, mean, fromExport) = await CSharpSnippet(store, export);
        Assert.Equal(episodes, cohortRows);
        Assert.Equal(meanAll, mean, 9);
        Assert.True(fromExport > cohortRows);

        // The block in the doc is the snippet region of this file, line for line.
        var source = File.ReadAllText(Path.Combine(SourceFolder(), "ResearchDocsTests.cs"));
        var region = Regex.Match(source, @"// snippet:csharp\n(.*?)\n\s*// end snippet", RegexOptions.Singleline).Groups[1].Value;
        static string Normal(string text) => string.Join("\n", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        Assert.Equal(Normal(Blocks("csharp").Single()), Normal(region));
    }

    private static async Task<(long CohortRows, double MeanAll, long FromExport)> CSharpSnippet(string store, string export)
    {
        // snippet:csharp
        using var frames = ResearchFrames.Open(store);
        var request = new FrameRequest(AsOf: new DateOnly(2022, 6, 30), Period: Period.Year(2020));
        DataFrame episodes = frames.Episodes(request);
        DataFrame cohort = frames.Cohort(request);
        DataFrame segments = frames.Segments(request);
        double meanAll = (double)cohort["duration_days"].Mean();
        DataFrame fromExport = await ParquetFrames.ReadAsync(Path.Combine(export, "episodes.parquet"), ExportColumns.EpisodeColumns(withPeriod: true));
        // end snippet
        Assert.Equal(episodes.Rows.Count, fromExport.Rows.Count);
        Assert.True(segments.Rows.Count > episodes.Rows.Count);
        return (cohort.Rows.Count, meanAll, fromExport.Rows.Count);
    }

    /// <summary>The test project's source folder, found upwards from the build output.</summary>
    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.Integration.Tests.csproj"))) return dir.FullName;
        throw new InvalidOperationException("source folder not found");
    }

    /// <summary>Writes a script into the test folder and runs it there (the snippets use relative paths).</summary>
    private string Run(string program, string scriptName, string script, bool mayFail = false)
    {
        File.WriteAllText(_folder.File(scriptName), script);
        var info = new ProcessStartInfo(program) { WorkingDirectory = _folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(scriptName);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), $"{program} {scriptName} did not finish in 2 minutes");
        if (!mayFail) Assert.True(process.ExitCode == 0, $"{program} {scriptName} exited {process.ExitCode}:\n{stderr.Result}\n{stdout.Result}");
        return stdout.Result;
    }
}
