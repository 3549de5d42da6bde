using Monitor.Integration.Tests.Support;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary><c>monitor jobs health</c>: "ok" and exit 0, or one line saying which pipeline is not healthy and why (exit 3).</summary>
public sealed class JobsHealthTests : IDisposable
{
    private readonly PipelineSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    private CommandLine.Result Health() => _setup.RunCli("jobs", "health");

    private void Drop(string name, int seed) =>
        _setup.Drop(name, Extracts.File(Extracts.Row(Extracts.Bsns(seed).First(), "2020-01-01", null)));

    [Fact]
    public void ASuccessfulLastRunOnScheduleIsOk()
    {
        _setup.WritePipeline();
        Drop("rijm.csv", 1);
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);

        var result = Health();

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("ok\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void APipelineThatNeverRanIsNotHealthy()
    {
        _setup.WritePipeline();
        var result = Health();
        Assert.True(result.Exit == 3, result.ToString());
        Assert.Equal("nightly: no run recorded yet\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AFailedLastRunIsNotHealthyUntilARunSucceeds()
    {
        _setup.WritePipeline(extraSteps: """{ "step": "measure", "baseline": "2019", "followup": "2019", "region": "Atlantis", "out": "../out" }""");
        Drop("rijm.csv", 2);
        Assert.Equal(3, _setup.RunCli("pipeline", "run", "nightly").Exit);

        var failed = Health();

        Assert.True(failed.Exit == 3, failed.ToString());
        Assert.Single(failed.Out.Trim().Split('\n'));
        Assert.Matches(@"^nightly: the last run #1 \(\d{4}-\d\d-\d\d \d\d:\d\d\) failed: step 2 \(measure\): unknown region 'Atlantis'", failed.Out);

        _setup.WritePipeline(); // the region fixed (here: the step dropped)
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        Assert.Equal(0, Health().Exit);
    }

    [Fact]
    public void ARejectedFileIsNotHealthy()
    {
        _setup.WritePipeline();
        _setup.Drop("broken.csv", "no;extract\n1;2\n");
        Assert.Equal(2, _setup.RunCli("pipeline", "run", "nightly").Exit);

        var result = Health();

        Assert.True(result.Exit == 3, result.ToString());
        Assert.Contains("nightly: the last run #1", result.Out);
        Assert.Contains($"rejected 1 file (moved to {_setup.Failed}; monitor jobs show 1)", result.Out);
    }

    [Fact]
    public void ALastRunOlderThanTheScheduleAllowsIsStale()
    {
        _setup.WritePipeline(); // nightly at 02:30, Amsterdam time
        var threeDaysAgo = new FixedClock(DateTimeOffset.UtcNow.AddDays(-3));
        var run = new PipelineRunner(_setup.Db, PipelineSteps.WithoutReport, TextWriter.Null, threeDaysAgo)
            .Run(_setup.Load(), new RunRequest(RunRequest.Manual));
        Assert.Equal(RunStatus.Succeeded, run.Run.Status);

        var result = Health();

        Assert.True(result.Exit == 3, result.ToString());
        Assert.Contains("nightly: the last run #1", result.Out);
        Assert.Contains("is older than the schedule allows: '0 30 2 * * ?' (Europe/Amsterdam) called for one at", result.Out);
    }

    [Fact]
    public void ARunWithinTheScheduleIsNotStale()
    {
        // Every minute, with the default grace of an hour: a run two minutes ago is recent enough.
        _setup.WritePipeline(cron: "0 * * * * ?");
        new PipelineRunner(_setup.Db, PipelineSteps.WithoutReport, TextWriter.Null, new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-2)))
            .Run(_setup.Load(), new RunRequest(RunRequest.Manual));
        Assert.Equal(0, Health().Exit);
    }

    [Fact]
    public void DisabledPipelinesAreNotJudgedButEveryEnabledOneIs()
    {
        _setup.WritePipeline();
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        Directory.CreateDirectory(_setup.Folder.File("other-inbox"));
        _setup.WritePipelineText("archived", """
            { "name": "archived", "enabled": false, "cron": "0 0 3 * * ?", "inbox": { "folder": "../other-inbox" }, "steps": [ { "step": "import" } ] }
            """);
        Assert.Equal(0, Health().Exit);

        _setup.WritePipelineText("weekly", """
            { "name": "weekly", "cron": "0 0 4 ? * MON", "inbox": { "folder": "../other-inbox" }, "steps": [ { "step": "import" } ] }
            """);
        var result = Health();
        Assert.True(result.Exit == 3, result.ToString());
        Assert.Equal("weekly: no run recorded yet\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnUnusablePipelineFileIsExit2()
    {
        _setup.WritePipelineText("nightly", """{ "name": "nightly", "cron": "0 30 2 * *", "steps": [] }""");
        var result = Health();
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("cron: '0 30 2 * *' has 5 fields", result.Err);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
