using System.Text.Json;
using Monitor.Integration.Tests.Support;
using Monitor.Jobs;

namespace Monitor.Integration.Tests;

/// <summary>A pipeline file that cannot be used is refused at start with the file, the field and the reason (exit 2).</summary>
public sealed class PipelineFileTests : IDisposable
{
    private readonly PipelineSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    private const string Valid = """
        {
          "name": "nightly",
          "cron": "0 30 2 * * ?",
          "inbox": { "folder": "../inbox" },
          "steps": [ { "step": "import" }, { "step": "measure", "baseline": "2020", "followup": "2021", "out": "../out" } ]
        }
        """;

    [Theory]
    [InlineData("not valid JSON", "", """{ "name": "nightly", "cron": "0 30 2 * * ?", }  }""")]
    [InlineData("has 4 fields: write five, 'minute hour day-of-month month day-of-week'", "cron", """{ "cron": "30 2 * *" }""")]
    [InlineData("is not a cron expression: Hours: Value must be a number between 0 and 23", "cron", """{ "cron": "0 30 25 * * ?" }""")]
    [InlineData("names no time from now on: it would never fire", "cron", """{ "cron": "0 0 30 2 *" }""")]
    [InlineData("names years (2001), which the scheduler's cron cannot: write '0 0 1 1 *'", "cron", """{ "cron": "0 0 0 1 1 ? 2001" }""")]
    [InlineData("has seven fields: the seventh, a year, is Quartz's and not read any more; write '30 2 * * *'", "cron", """{ "cron": "0 30 2 * * ? *" }""")]
    [InlineData("gives the day of the week as a number, which Quartz counted from 1 = Sunday and the scheduler from 0 = Sunday: write '0 6 * * 1-5'", "cron", """{ "cron": "0 0 6 ? * 2-6" }""")]
    [InlineData("write '0 9 * * 5#1,0'", "cron", """{ "cron": "0 0 9 ? * 6#1,1" }""")]
    [InlineData("unknown step 'refresh' (known: import, measure, report)", "steps[1].step", """{ "steps": [ { "step": "import" }, { "step": "refresh" } ] }""")]
    [InlineData("does not exist", "inbox.folder", """{ "inbox": { "folder": "../no-such-inbox" } }""")]
    [InlineData("is not a time zone", "time_zone", """{ "time_zone": "Europe/Amsterdm" }""")]
    [InlineData("differs from the file name", "name", """{ "name": "weekly" }""")]
    [InlineData("unknown field", "crom", """{ "crom": "0 30 2 * * ?" }""")]
    [InlineData("is required (a year or yyyy-MM-dd..yyyy-MM-dd)", "steps[1].baseline", """{ "steps": [ { "step": "import" }, { "step": "report" } ] }""")]
    [InlineData("cannot be negative (0: no intervals)", "steps[1].bootstrap", """{ "steps": [ { "step": "import" }, { "step": "report", "baseline": "2020", "followup": "2021", "out": "o", "bootstrap": -5 } ] }""")]
    [InlineData("must be a whole number of at least 0", "steps[1].seed", """{ "steps": [ { "step": "import" }, { "step": "report", "baseline": "2020", "followup": "2021", "out": "o", "seed": "seven" } ] }""")]
    [InlineData("unknown field of the report step", "steps[1].colour", """{ "steps": [ { "step": "import" }, { "step": "report", "baseline": "2020", "followup": "2021", "out": "o", "colour": "red" } ] }""")]
    [InlineData("import must be the first step", "steps[1]", """{ "steps": [ { "step": "measure", "baseline": "2020", "followup": "2021", "out": "o" }, { "step": "import" } ] }""")]
    [InlineData("is before the end of followup", "steps[1].as_of", """{ "steps": [ { "step": "import" }, { "step": "measure", "baseline": "2020", "followup": "2021", "as_of": "2021-06-30", "out": "o" } ] }""")]
    [InlineData("missing", "steps[1].out", """{ "steps": [ { "step": "import" }, { "step": "measure", "baseline": "2020", "followup": "2021" } ] }""")]
    [InlineData("needs a source", "steps[0].full", """{ "steps": [ { "step": "import", "full": true } ] }""")]
    [InlineData("is not a backoff", "retry.backoff", """{ "retry": { "backoff": "fibonacci" } }""")]
    [InlineData("must be a whole number from 1 to 100", "retry.attempts", """{ "retry": { "attempts": 0 } }""")]
    [InlineData("must differ from the inbox", "inbox.archive", """{ "inbox": { "folder": "../inbox", "archive": "../inbox" } }""")]
    [InlineData("must be true or false", "enabled", """{ "enabled": "yes" }""")]
    public void AnUnusablePipelineFileIsRefusedWithFileFieldAndReason(string reason, string field, string change)
    {
        var file = _setup.WritePipelineText("nightly", change.Contains("}  }") ? change : Merge(Valid, change));

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 2, result.ToString());
        var expected = field.Length == 0 ? $"{file}: " : $"{file}: {field}: ";
        Assert.Contains(expected, result.Err);
        Assert.Contains(reason, result.Err);
        Assert.Equal("", result.Out);
        Assert.Empty(_setup.Runs()); // nothing ran, nothing was recorded
    }

    [Fact]
    public void EveryProblemOfAFileIsListed()
    {
        var file = _setup.WritePipelineText("nightly", Merge(Valid, """{ "cron": "every night", "time_zone": "Mars/Olympus" }"""));
        var e = Assert.Throws<PipelineDefinitionException>(() => _setup.Load());
        Assert.Equal(["time_zone", "cron"], e.Problems.Select(p => p.Field));
        Assert.All(e.Problems, p => Assert.Equal(file, p.File));
    }

    [Fact]
    public void AnUnknownPipelineNameListsTheKnownOnes()
    {
        _setup.WritePipelineText("nightly", Valid);
        var result = _setup.RunCli("pipeline", "run", "weekly");
        Assert.Equal(2, result.Exit);
        Assert.Contains("no pipeline 'weekly' here (known: nightly)", result.Err);
    }

    [Fact]
    public void TheSchedulerDoesNotStartWhenAnyPipelineFileIsUnusable()
    {
        _setup.WritePipelineText("nightly", Valid);
        var broken = _setup.WritePipelineText("weekly", Merge(Valid, """{ "name": "weekly", "cron": "0 0 3 ? * MON *", "steps": [ { "step": "import" }, { "step": "export" } ] }"""));

        var result = _setup.RunCli("scheduler", "run");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"{broken}: steps[1].step: unknown step 'export'", result.Err);
        Assert.False(File.Exists(_setup.Db)); // not even the store was touched, let alone Hangfire's storage
    }

    [Fact]
    public void TwoEnabledPipelinesCannotShareAnInbox()
    {
        _setup.WritePipelineText("nightly", Valid);
        _setup.WritePipelineText("weekly", Merge(Valid, """{ "name": "weekly" }"""));
        var e = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.LoadAll(_setup.Pipelines, PipelineSteps.WithoutReport));
        Assert.Contains(e.Problems, p => p.Field == "inbox.folder" && p.Reason.Contains("is also the inbox of nightly"));
    }

    [Fact]
    public void TheShippedNightlyPipelineIsValid()
    {
        var shipped = Path.Combine(RepositoryRoot(), "pipelines", "nightly.json");
        var pipeline = PipelineLoader.LoadFile(shipped, Monitor.Cli.Commands.PipelineCommand.Steps);
        Assert.Equal("nightly", pipeline.Name);
        Assert.Equal("Europe/Amsterdam", pipeline.TimeZone.Id);
        Assert.Equal(["import", "measure", "report"], pipeline.Steps.Select(s => s.Name));
        Assert.Equal(Path.Combine(RepositoryRoot(), "inbox"), pipeline.Inbox!.Folder);
    }

    [Fact]
    public void DefaultsAreThoseTheReadmeDocuments()
    {
        _setup.WritePipelineText("nightly", """{ "name": "nightly", "cron": "0 30 2 * * ?", "inbox": { "folder": "../inbox" }, "steps": [ { "step": "import" } ] }""");
        var p = _setup.Load();
        Assert.True(p.Enabled);
        Assert.Equal("Europe/Amsterdam", p.TimeZone.Id);
        Assert.Equal(("*.csv", (Monitor.Core.Checks.ExtractFormat?)null), (p.Inbox!.Pattern, p.Inbox.Format));
        Assert.Equal((_setup.Archive, _setup.Failed), (p.Inbox.Archive, p.Inbox.Failed));
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2)), (p.Inbox.Settle, p.Inbox.Recheck));
        Assert.Equal(RetrySettings.Default, p.Retry);
        Assert.Equal(TimeSpan.FromMinutes(60), p.HealthGrace);
        Assert.Equal(0.05, p.MaxRefusedShare);
        Assert.Empty(p.Inbox.Ignore);
    }

    [Theory]
    [InlineData("30 2 * * *")]        // five fields, as Hangfire reads them
    [InlineData("0 30 2 * * ?")]      // a Quartz expression of an older pipeline file: six fields, seconds first, the same meaning
    public void AFiveFieldAndAQuartzSixFieldExpressionWithoutDayNumbersAreReadAlike(string cron)
    {
        _setup.WritePipelineText("nightly", $$"""{ "name": "nightly", "cron": "{{cron}}", "inbox": { "folder": "../inbox" }, "steps": [ { "step": "import" } ] }""");
        var next = _setup.Load().Schedule.Next(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 2, 30, 0, TimeSpan.FromHours(1)), next);
    }

    /// <summary>The valid file with the fields of <paramref name="change"/> replacing (or added to) its own.</summary>
    private static string Merge(string baseJson, string change)
    {
        var merged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(baseJson)!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(change)!) merged[key] = value;
        return JsonSerializer.Serialize(merged);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("no Monitor.sln above the test binaries");
    }
}
