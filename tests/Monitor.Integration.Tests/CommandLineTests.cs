using System.Text.Json;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>Arguments that do not make sense get exit 2 and one line saying why (PROTOCOL.md 7).</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public CommandLineTests()
    {
        _folder.CopyExample("case-01-rules");
        var result = CommandLine.Run("import", _folder.File("providers.csv"), _folder.File("regions.csv"), _folder.File("tariffs.csv"),
            _folder.File("rijm.csv"), "--db", _folder.Db);
        Assert.Equal(0, result.Exit);
    }

    public void Dispose() => _folder.Dispose();

    private CommandLine.Result Run(params string[] args) => CommandLine.Run([.. args, "--db", _folder.Db]);

    [Theory]
    [InlineData("unknown region 'Drenthe'", "measure", "--period", "2020", "--as-of", "2021-09-30", "--region", "Drenthe")]
    [InlineData("before the end of the period 2020", "measure", "--period", "2020", "--as-of", "2020-12-30")]
    [InlineData("cannot be negative", "measure", "--period", "2020", "--as-of", "2021-09-30", "--gap-days", "-1")]
    [InlineData("does not parse", "measure", "--period", "20x0", "--as-of", "2021-09-30")]
    [InlineData("is not a date", "measure", "--period", "2020", "--as-of", "30-09-2021")]
    [InlineData("--followup is required", "compare", "--baseline", "2020", "--as-of", "2021-09-30")]
    [InlineData("before the end of the follow-up 2021", "compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2021-09-30")]
    [InlineData("give --as-of or --window, not both", "measure", "--period", "2020", "--as-of", "2021-09-30", "--window", "180")]
    [InlineData("give --as-of or --window, not both", "compare", "--baseline", "2020", "--followup", "2021", "--as-of", "latest", "--window", "0")]
    [InlineData("give --as-of or --window (", "compare", "--baseline", "2020", "--followup", "2021")]
    [InlineData("--window cannot be negative (-1)", "measure", "--period", "2020", "--window", "-1")]
    [InlineData("--threshold must be at least 2 (1)", "report", "--baseline", "2020", "--followup", "2021", "--out", "x", "--threshold", "1")]
    [InlineData("unknown region 'Noord'", "compare", "--baseline", "2020", "--regions", "Twente,Noord", "--as-of", "2021-09-30")]
    [InlineData("not a care type", "measure", "--period", "2020", "--as-of", "2021-09-30", "--residential-set", "verblijf,hotel")]
    [InlineData("--as-of", "measure", "--period", "2020")]
    [InlineData("Unrecognized", "measure", "--period", "2020", "--as-of", "2021-09-30", "--colour", "blue")]
    public void NonsenseArgumentsExitWith2AndSayWhy(string reason, params string[] args)
    {
        var result = Run(args);
        Assert.Equal(2, result.Exit);
        Assert.Contains(reason, result.Err);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("measure", "--period", "2020", "--as-of", "2021-09-30")]
    [InlineData("compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30")]
    public void ATopNBelowOneInTheSettingsIsExit2AndSaysWhy(params string[] args)
    {
        // compare measures its two periods side by side: the refusal is still the one line, not an aggregate of two.
        var settings = _folder.Write("top-n-0.json", """{ "top_n": 0 }""");
        var result = Run([.. args, "--settings", settings]);
        Assert.Equal(2, result.Exit);
        Assert.Equal("monitor: --top-n must be at least 1 (0)", result.Err.Trim());
    }

    [Theory]
    [InlineData("--as-of", "2021-09-30")]
    [InlineData("--as-of", "latest")]
    [InlineData("--window", "182")]
    public void AStoreWithoutSegmentsIsExit2EvenWithReferenceData(string option, string value)
    {
        var empty = _folder.File("empty.db");
        CommandLine.Run("import", _folder.File("regions.csv"), "--db", empty);
        var result = CommandLine.Run("measure", "--period", "2020", option, value, "--db", empty);
        Assert.Equal(2, result.Exit);
        Assert.Contains("no segment stored yet", result.Err);
    }

    [Fact]
    public void AStoreThatCannotBeOpenedIsExit2WithThePath()
    {
        var notADatabase = _folder.Write("notes.db", "these are not the rows you are looking for\n");
        var result = CommandLine.Run("imports", "--db", notADatabase);
        Assert.Equal(2, result.Exit);
        Assert.Contains("notes.db", result.Err);

        var directory = Directory.CreateDirectory(_folder.File("a-folder")).FullName;
        var second = CommandLine.Run("imports", "--db", directory);
        Assert.Equal(2, second.Exit);
        Assert.Contains("a-folder", second.Err);
    }

    [Fact]
    public void APeriodWithoutEpisodesGivesZeroCountsAndNullMeans()
    {
        var result = Run("measure", "--period", "2010", "--as-of", "2021-09-30", "--json", "-");
        Assert.Equal(0, result.Exit);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(0, root.GetProperty("counts").GetProperty("episodes").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("duration_days").GetProperty("mean_all").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("providers").GetProperty("moves_per_1000_days").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("entry_cohort").GetProperty("km_median_days").ValueKind);
    }

    [Fact]
    public void HelpExplainsEveryCommand()
    {
        var result = CommandLine.Run("--help");
        Assert.Equal(0, result.Exit);
        foreach (var command in new[] { "import", "imports", "quarantine", "measure", "compare", "episodes", "demo" })
            Assert.Contains(command, result.Out);
    }

    [Fact]
    public void TheSegmentsExportTracesEachEpisodeToItsFileAndLine()
    {
        var result = Run("episodes", "--as-of", "2021-09-30", "--csv", _folder.File("e.csv"), "--segments-csv", _folder.File("s.csv"));
        Assert.Equal(0, result.Exit);
        var episodes = File.ReadAllLines(_folder.File("e.csv"));
        Assert.Equal("youth_key,start,end,ongoing,duration_days,providers,placement_moves,cost_eur,segments_without_cost,municipality,region", episodes[0]);
        Assert.Equal(9 + 1, episodes.Length); // case 01 with gap 7: K01 two, K02, K03, K05 two, K06, K07, K08, and the header
        var segments = File.ReadAllLines(_folder.File("s.csv"));
        // K02's tariff-costed gezinshuis segment is line 8 of rijm.csv.
        Assert.Contains(segments, l => l.Contains($",{_folder.File("rijm.csv")},8,41000044,gezinshuis,2020-08-15,2021-03-31,"));
        Assert.DoesNotContain(segments, l => l.Contains(",27,")); // line 27 was a duplicate, never stored
    }

    [Fact]
    public void ASettingsFileChangesTheDefaultGap()
    {
        var settings = _folder.Write("settings.json", """{ "gap_days": 0 }""");
        var result = Run("measure", "--period", "2020", "--as-of", "2021-09-30", "--settings", settings, "--json", "-");
        Assert.Equal(0, result.Exit);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(0, root.GetProperty("gap_days").GetInt32());
        Assert.Equal(9, root.GetProperty("counts").GetProperty("episodes").GetInt32());
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AStoreThatCannotBeWrittenIsExit2WithThePathAndNothingChanges()
    {
        Skip.If(Environment.UserName == "root", "root writes through file permissions (StoreLockTests shows a store that cannot be written, as root too)");
        var store = _folder.File("readonly.db");
        CommandLine.Run("import", _folder.File("regions.csv"), "--db", store);
        File.SetUnixFileMode(store, UnixFileMode.UserRead);
        try
        {
            var result = CommandLine.Run("import", _folder.File("providers.csv"), "--db", store);
            Assert.Equal(2, result.Exit);
            Assert.Contains("readonly.db", result.Err);
        }
        finally
        {
            File.SetUnixFileMode(store, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AWorkingFolderThatNoLongerExistsIsExit2AndSaysSo()
    {
        // A shell whose folder was removed under it (here the child removes it itself, then becomes monitor).
        var gone = Directory.CreateDirectory(_folder.File("gone")).FullName;
        var info = new System.Diagnostics.ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = gone };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("rmdir \"$PWD\" && exec dotnet \"$0\" measure --period 2020 --as-of 2021-09-30 --db \"$1\"");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        info.ArgumentList.Add(_folder.Db);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.False(Directory.Exists(gone));
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("monitor: the current folder no longer exists: change to a folder that does and run the command again", error.Trim());
        Assert.Equal("", await output);
    }
}
