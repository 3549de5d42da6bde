using System.Diagnostics;
using Dapper;
using Hangfire.Storage;
using Monitor.Integration.Tests.Support;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>
/// <c>monitor scheduler run</c>: a Hangfire server over its SQLite storage beside the store. In-process
/// schedulers poll every 200 ms; the child processes (for SIGTERM and kill -9) poll at the default 15 s.
/// Times are polled with generous timeouts; nothing here measures speed. One collection: one scheduler at a time.
/// </summary>
[Collection(nameof(SchedulerTests))]
public sealed class SchedulerTests : IDisposable
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private readonly PipelineSetup _setup = new();
    private readonly StringWriter _text = new();
    private readonly TextWriter _log;

    public SchedulerTests() => _log = TextWriter.Synchronized(_text);

    public void Dispose() => _setup.Dispose();

    private SchedulerOptions Options() => new()
    {
        DatabasePath = _setup.Db,
        Pipelines = PipelineLoader.LoadAll(_setup.Pipelines, PipelineSteps.WithoutReport),
        Log = _log,
        PollingInterval = TimeSpan.FromMilliseconds(200),
    };

    private List<RecurringJobDto> RecurringJobs()
    {
        using var storage = PipelineScheduler.OpenStorage(_setup.Db);
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs();
    }

    [Fact]
    public async Task ThePipelinesRecurringJobFiresInProcessAndRunsTheOneCodePath()
    {
        _setup.WritePipeline(cron: "* * * * * *"); // every second: six fields, seconds first
        _setup.Drop("rijm.csv", Extracts.File(Extracts.Row(Extracts.Bsns(5).First(), "2020-01-01", null)));

        using (var host = SchedulerHost.Build(Options()))
        {
            await host.StartAsync();
            PipelineSetup.WaitUntil(() => _setup.Runs().Any(r => r.StartedBy == RunRequest.Schedule && r.Status == RunStatus.Succeeded && r.FilesImported == 1),
                "a scheduled run that imports the file");
            await host.StopAsync();
        }

        Assert.Equal([$"{PipelineSetup.Today}_rijm.csv"], _setup.ArchiveNames());
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM segment"));
        Assert.DoesNotContain(_setup.Runs(), r => r.Status == RunStatus.Running); // the stop waited for the run in hand
        Assert.NotNull(_setup.Runs().Last().ScheduledFor);
        // Hangfire's storage, beside the store: the recurring job with its cron expression and time zone.
        Assert.True(File.Exists(_setup.Db + ".hangfire.db"));
        var job = Assert.Single(RecurringJobs());
        Assert.Equal(("nightly", "* * * * * *", "Europe/Amsterdam"), (job.Id, job.Cron, job.TimeZoneId));
        Assert.Contains("nightly: '* * * * * *' in Europe/Amsterdam, next run", _text.ToString());
    }

    [Fact]
    public async Task ARunMissedWhileTheSchedulerWasDownRunsOnceAtStartNotOncePerMissedTime()
    {
        // Two fire times a few seconds ahead, in one minute (Amsterdam time, as the pipeline says).
        if (DateTimeOffset.UtcNow.Second > 50) await Task.Delay(TimeSpan.FromSeconds(61 - DateTimeOffset.UtcNow.Second));
        var now = DateTimeOffset.UtcNow;
        var first = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(6);
        var second = first.AddSeconds(1);
        var (a, b) = (TimeZoneInfo.ConvertTime(first, Amsterdam), TimeZoneInfo.ConvertTime(second, Amsterdam));
        _setup.WritePipeline(cron: $"{a.Second},{b.Second} {a.Minute} {a.Hour} {a.Day} {a.Month} *"); // and next year

        // The scheduler stores the recurring job, and is stopped before either time comes.
        using (var host = SchedulerHost.Build(Options()))
        {
            await host.StartAsync();
            await host.StopAsync();
        }
        Assert.Empty(_setup.Runs());

        // Down past both times, then started again.
        while (DateTimeOffset.UtcNow < second.AddSeconds(2)) await Task.Delay(200);
        using (var host = SchedulerHost.Build(Options()))
        {
            await host.StartAsync();
            PipelineSetup.WaitUntil(() => _setup.Runs().Any(r => r.Status != RunStatus.Running), "the catch-up run");
            await Task.Delay(TimeSpan.FromSeconds(3)); // time enough for a second catch-up, which must not come
            await host.StopAsync();
        }

        var run = Assert.Single(_setup.Runs());
        Assert.Equal((RunRequest.Schedule, RunStatus.Succeeded), (run.StartedBy, run.Status));
        Assert.Equal(second.UtcDateTime, run.ScheduledFor); // recorded for the latest time it stands for, run late, once
        Assert.True(run.StartedAt > second.UtcDateTime);
        Assert.Contains("missed while the scheduler was down: runs once now", _text.ToString());
    }

    [Fact]
    public async Task AChangedScheduleIsRescheduledAndADisabledPipelineLeavesHangfire()
    {
        _setup.WritePipeline(cron: "30 2 * * *");
        Directory.CreateDirectory(_setup.Folder.File("inbox2"));
        _setup.WritePipelineText("weekly", """
            { "name": "weekly", "cron": "0 4 * * MON", "inbox": { "folder": "../inbox2" }, "steps": [ { "step": "import" } ] }
            """);
        using (var host = SchedulerHost.Build(Options()))
        {
            await host.StartAsync();
            await host.StopAsync();
        }
        Assert.Equal(["nightly", "weekly"], RecurringJobs().Select(j => j.Id).Order());

        _setup.WritePipeline(cron: "45 3 * * *");
        _setup.WritePipelineText("weekly", """
            { "name": "weekly", "enabled": false, "cron": "0 4 * * MON", "inbox": { "folder": "../inbox2" }, "steps": [ { "step": "import" } ] }
            """);
        using (var host = SchedulerHost.Build(Options()))
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        var job = Assert.Single(RecurringJobs());
        Assert.Equal(("nightly", "45 3 * * *"), (job.Id, job.Cron));
        Assert.Contains("weekly: no longer scheduled", _text.ToString());
    }

    [Fact]
    public async Task ASecondSchedulerOnTheSameStoreIsRefused()
    {
        _setup.WritePipeline();
        using (var host = SchedulerHost.Build(Options()))
        {
            await host.StartAsync();
            var second = _setup.RunCli("scheduler", "run");
            Assert.True(second.Exit == 4, second.ToString());
            Assert.Contains("another scheduler is running on this store", second.Err);
            await host.StopAsync();
        }
        using (var again = SchedulerHost.Build(Options())) // free once the first has stopped
        {
            await again.StartAsync();
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task SigtermCancelsTheImportInHandWhichStaysInTheInboxAndRunsAgainAtTheNextStart()
    {
        if (OperatingSystem.IsWindows()) return; // SIGTERM is a Unix signal
        const int rows = 400_000;
        _setup.WritePipeline(cron: "* * * * * *", extraSteps: """{ "step": "measure", "baseline": "2017", "followup": "2017", "out": "../out" }""");
        var file = DropLarge(rows);

        using (var child = StartSchedulerWhoseImportHolds())
        {
            await WaitForImportUnderWay(child);
            Signal("TERM", child);
            var rest = await child.StandardOutput.ReadToEndAsync();
            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the scheduler did not stop");
            Assert.True(child.ExitCode == 0, $"exit {child.ExitCode}\n{rest}");
            Assert.Contains("scheduler: stopped", rest);
        }

        Assert.Equal(0, _setup.Count("SELECT count(*) FROM segment")); // rolled back: nothing of it stored
        Assert.Equal(0, _setup.Count("SELECT count(*) FROM import_file WHERE status = 'imported'"));
        Assert.True(File.Exists(file), "the file stays in the inbox");
        var run = Assert.Single(_setup.Runs());
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal([StepStatus.Cancelled, StepStatus.Skipped], _setup.Steps(run.Id).Select(s => s.Status));

        // Hangfire put the job back in its queue: the next start runs it again, and it takes the file.
        await RestartWithoutFurtherFirings(() => _setup.Runs().Any(r => r.Id > run.Id && r.Status == RunStatus.Succeeded));
        Assert.Equal(rows, _setup.Count("SELECT count(*) FROM segment"));
        Assert.Equal([$"{PipelineSetup.Today}_large.csv"], _setup.ArchiveNames());
    }

    [Fact]
    public async Task AKilledSchedulersRunRunsAgainAtTheNextStartAndTheFileIsImportedExactlyOnce()
    {
        if (OperatingSystem.IsWindows()) return; // kill -9 is a Unix signal
        const int rows = 400_000;
        _setup.WritePipeline(cron: "* * * * * *");
        DropLarge(rows);

        using (var child = StartSchedulerWhoseImportHolds())
        {
            await WaitForImportUnderWay(child);
            Signal("KILL", child);
            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "the scheduler did not die");
        }
        Assert.Equal(0, _setup.Count("SELECT count(*) FROM segment")); // a killed import leaves nothing
        var killed = Assert.Single(_setup.Runs());
        Assert.Equal(RunStatus.Running, killed.Status); // as the killed process left it

        // Started again: the job cut off is queued at once (not after the storage's invisibility timeout).
        await RestartWithoutFurtherFirings(() => _setup.Runs().Any(r => r.Id > killed.Id && r.Status == RunStatus.Succeeded));

        Assert.Contains("cut off when the scheduler last ended; queued again", _text.ToString());
        Assert.Equal(rows, _setup.Count("SELECT count(*) FROM segment"));
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM import_file WHERE status = 'imported'"));
        var runs = _setup.Runs().OrderBy(r => r.Id).ToList();
        Assert.Equal(RunStatus.Interrupted, runs[0].Status);
        // The firing cut off runs first and imports the file; firings that queued up behind it while the
        // import ran (the cron fires every second) find the inbox empty.
        Assert.Equal((RunStatus.Succeeded, 1), (runs[1].Status, runs[1].FilesImported));
        Assert.All(runs.Skip(2), r => Assert.Equal((RunStatus.Succeeded, 0), (r.Status, r.FilesImported)));
    }

    private string DropLarge(int rows)
    {
        var file = Path.Combine(_setup.Inbox, "large.csv");
        Extracts.WriteLarge(file, rows);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        return file;
    }

    /// <summary>A scheduler whose import holds after its first progress line until it is killed or stopped.</summary>
    private Process StartSchedulerWhoseImportHolds()
    {
        var child = ChildProcess.Start(ChildProcess.HoldingImport(), "scheduler", "run", "--db", _setup.Db, "--pipelines", _setup.Pipelines);
        var guard = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        guard.Token.Register(() =>
        {
            try { child.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } // never hang the test run
        });
        child.Exited += (_, _) => guard.Dispose();
        child.EnableRaisingEvents = true;
        return child;
    }

    private static async Task WaitForImportUnderWay(Process child)
    {
        var errors = child.StandardError.ReadToEndAsync();
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.Contains(" rows read…")) { }
        if (line is null) Assert.Fail("the scheduler ended before the import was under way: " + await errors);
    }

    private static void Signal(string signal, Process child)
    {
        using var kill = Process.Start("kill", [$"-{signal}", child.Id.ToString()]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Starts the scheduler in-process with a schedule that does not fire during the test, so that
    /// only what was left in Hangfire's queue runs.</summary>
    private async Task RestartWithoutFurtherFirings(Func<bool> until)
    {
        _setup.WritePipeline(cron: "30 2 1 1 *");
        using var host = SchedulerHost.Build(Options());
        await host.StartAsync();
        PipelineSetup.WaitUntil(until, "the run left in the queue", TimeSpan.FromSeconds(90));
        await host.StopAsync();
    }
}
