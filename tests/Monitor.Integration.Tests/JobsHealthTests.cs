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
        MonitorStore.Open(_setup.Db).Dispose();
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
        Assert.Matches(@"^nightly: the last run #1 \(\d{4}-\d\d-\d\d \d\d:\d\d Europe/Amsterdam\) failed: step 2 \(measure\): unknown region 'Atlantis'", failed.Out);

        _setup.WritePipeline(); // the region fixed (here: the step dropped)
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        Assert.Equal(0, Health().Exit);
    }

    [Fact]
    public void ARejectedFileStaysAnAlarmAfterAQuietNightUntilItsRunIsAcknowledged()
    {
        _setup.WritePipeline();
        _setup.Drop("broken.csv", "no;extract\n1;2\n");
        Assert.Equal(2, _setup.RunCli("pipeline", "run", "nightly").Exit);
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit); // a quiet night: nothing new

        var result = Health();

        Assert.True(result.Exit == 3, result.ToString());
        Assert.Contains($"nightly: run #1 (", result.Out);
        Assert.Contains($"rejected {PipelineSetup.Today}_broken.csv, still in {_setup.Failed}: deal with it, then move it away or run 'monitor jobs ack 1'", result.Out);

        var ack = _setup.RunCli("jobs", "ack", "1");
        Assert.True(ack.Exit == 0, ack.ToString());
        Assert.Equal(0, Health().Exit);
        Assert.Single(_setup.FailedNames(), n => n.EndsWith("_broken.csv")); // the file may stay, for the record
        Assert.Contains("acknowledged", _setup.RunCli("jobs").Out);
    }

    [Fact]
    public void ARejectedFileMovedOutOfTheFailedFolderNeedsNoAcknowledgement()
    {
        _setup.WritePipeline();
        _setup.Drop("broken.csv", "no;extract\n1;2\n");
        Assert.Equal(2, _setup.RunCli("pipeline", "run", "nightly").Exit);
        Assert.Equal(3, Health().Exit);

        foreach (var file in Directory.GetFiles(_setup.Failed)) File.Delete(file);

        var result = Health();
        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void AcknowledgingARunWithNothingToAcknowledgeIsExit2WithTheReasonOnStderr()
    {
        _setup.WritePipeline();
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);

        var nothing = _setup.RunCli("jobs", "ack", "1");
        Assert.True(nothing.Exit == 2, nothing.ToString());
        Assert.Contains("run #1 rejected no file and refused no row", nothing.Err);
        var unknown = _setup.RunCli("jobs", "ack", "9");
        Assert.True(unknown.Exit == 2, unknown.ToString());
        Assert.Contains("no run #9", unknown.Err);
    }

    [Fact]
    public void AnInboxFileThatMatchesNoPatternIsReportedNightAfterNightUntilMovedOrIgnored()
    {
        _setup.WritePipeline();
        _setup.Drop("levering.xlsx", "not an extract");
        var run = _setup.RunCli("pipeline", "run", "nightly");
        Assert.Contains("levering.xlsx: matches no pattern (*.csv): not imported", run.Out);
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);

        var result = Health();
        Assert.True(result.Exit == 3, result.ToString());
        Assert.Contains($"nightly: {_setup.Inbox} holds levering.xlsx, which matches no pattern (*.csv) and is never imported", result.Out);

        _setup.WritePipelineText("nightly", """
            { "name": "nightly", "cron": "30 2 * * *", "inbox": { "folder": "../inbox", "settle_seconds": 0, "ignore": ["*.xlsx"] }, "steps": [ { "step": "import" } ] }
            """);
        Assert.Equal(0, Health().Exit);
    }

    [Fact]
    public void RefusedRowsAreInEverySummaryAndAShareAboveTheThresholdIsAnAlarmUntilAcknowledged()
    {
        _setup.WritePipeline();
        var good = Extracts.Bsns(3).Take(3).Select(b => Extracts.Row(b, "2020-01-01", null));
        _setup.Drop("rijm.csv", Extracts.File([.. good, Extracts.Row("123456789", "2020-01-01", null)])); // 1 of 4 refused: 25 %

        var run = _setup.RunCli("pipeline", "run", "nightly");
        Assert.True(run.Exit == 0, run.ToString()); // refused rows are no failure
        Assert.Contains("1 of 4 rows refused (25 %)", run.Out);
        Assert.Contains("1 of 4 rows refused (25 %)", _setup.RunCli("jobs").Out);
        Assert.Contains("1 of 4 rows refused (25 %)", _setup.RunCli("jobs", "show", "1").Out);
        // The quarantine tells this delivery apart: its import number, its date, where the file was archived.
        var quarantine = _setup.RunCli("quarantine");
        Assert.Matches($@"import #\d+ of {System.Text.RegularExpressions.Regex.Escape(_setup.Inbox)}/rijm.csv, \d{{4}}-\d\d-\d\d \d\d:\d\d Europe/Amsterdam by pipeline nightly, " +
                       $@"archived as {System.Text.RegularExpressions.Regex.Escape(_setup.Archive)}/{PipelineSetup.Today}_rijm.csv: 1 row refused", quarantine.Out);
        Assert.DoesNotContain("123456789", quarantine.Out);
        var json = System.Text.Json.JsonDocument.Parse(_setup.RunCli("jobs", "--json", "-").Out).RootElement.GetProperty("runs")[0];
        Assert.Equal((4, 1), (json.GetProperty("rows_read").GetInt32(), json.GetProperty("rows_refused").GetInt32()));

        var health = Health();
        Assert.True(health.Exit == 3, health.ToString());
        Assert.Contains("nightly: run #1 (", health.Out);
        Assert.Contains("): 1 of 4 rows refused (25 %), more than health.max_refused_share (5 %)", health.Out);
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit); // a quiet night does not clear it
        Assert.Equal(3, Health().Exit);

        Assert.Equal(0, _setup.RunCli("jobs", "ack", "1").Exit);
        Assert.Equal(0, Health().Exit);
    }

    [Fact]
    public void OneBrokenPipelineFileDoesNotBlindHealthForTheOthers()
    {
        _setup.WritePipeline();
        _setup.Drop("broken.csv", "no;extract\n1;2\n");
        Assert.Equal(2, _setup.RunCli("pipeline", "run", "nightly").Exit);
        _setup.WritePipelineText("weekly", """{ "name": "weekly", "cron": "0 4 * *", "steps": [] }""");

        var result = Health();

        Assert.True(result.Exit == 3, result.ToString());
        Assert.Contains("nightly: run #1 (", result.Out);  // still judged
        Assert.Contains("weekly.json: cannot be used: cron: '0 4 * *' has 4 fields", result.Out);
        Assert.Single(result.Out.Trim().Split('\n'));
    }

    [Fact]
    public void AKilledRunsRejectionStillCountsAndItsCountersAreNotZero()
    {
        if (OperatingSystem.IsWindows()) return; // kill -9 is a Unix signal
        // Strict: a file with a refused row is rejected whole; it is a rijm file and older, so it is taken first.
        _setup.WritePipelineText("nightly", """
            { "name": "nightly", "cron": "30 2 * * *", "inbox": { "folder": "../inbox", "settle_seconds": 0, "recheck_seconds": 0 },
              "steps": [ { "step": "import", "strict": true } ] }
            """);
        _setup.Drop("broken.csv", Extracts.File(Extracts.Row("123456789", "2020-01-01", null)), TimeSpan.FromHours(2));
        var large = Path.Combine(_setup.Inbox, "large.csv");
        Extracts.WriteLarge(large, 400_000);
        File.SetLastWriteTimeUtc(large, DateTime.UtcNow.AddHours(-1));

        using (var child = ChildProcess.Start(ChildProcess.HoldingImport(), "pipeline", "run", "nightly", "--db", _setup.Db, "--pipelines", _setup.Pipelines))
        {
            string? line;
            while ((line = child.StandardOutput.ReadLine()) is not null && !line.Contains(" rows read…")) { }
            Assert.NotNull(line);
            child.Kill();
            child.WaitForExit();
        }

        var run = Assert.Single(_setup.Runs());
        Assert.Equal(1, run.FilesRejected); // counted as it happened, not only when the run finishes
        var health = Health();
        Assert.True(health.Exit == 3, health.ToString());
        Assert.Contains("the last run #1", health.Out);
        Assert.Contains("did not finish: the process ended while it ran", health.Out);
        Assert.Contains($"rejected {PipelineSetup.Today}_broken.csv", health.Out);

        // The next run imports the large file and succeeds; the rejection is still there to deal with.
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        var after = Health();
        Assert.True(after.Exit == 3, after.ToString());
        Assert.Contains($"run #1 (", after.Out);
        Assert.Contains($"rejected {PipelineSetup.Today}_broken.csv", after.Out);
        Assert.DoesNotContain("did not finish", after.Out);
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
        Assert.Contains("is older than the schedule allows: '30 2 * * *' called for one at", result.Out);
        Assert.Matches(@"called for one at \d{4}-\d\d-\d\d 02:30 Europe/Amsterdam", result.Out);
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
    public void WithoutAStoreHealthSaysSoWithExit2AndCreatesNone()
    {
        _setup.WritePipeline();
        var result = Health();
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"no store at {_setup.Db}", result.Err);
        Assert.False(File.Exists(_setup.Db));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
