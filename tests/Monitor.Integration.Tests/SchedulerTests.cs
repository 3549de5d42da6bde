using System.Diagnostics;
using Dapper;
using Monitor.Integration.Tests.Support;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>
/// <c>monitor scheduler run</c>: Quartz with its persistent store in the product's SQLite file. Times are
/// polled with generous timeouts; nothing here measures speed. One collection: one scheduler at a time.
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

    private SchedulerOptions Options(string schedulerName) => new()
    {
        DatabasePath = _setup.Db,
        Pipelines = PipelineLoader.LoadAll(_setup.Pipelines, PipelineSteps.WithoutReport),
        Log = _log,
        SchedulerName = schedulerName,
        MisfireThreshold = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task APerSecondCronFiresTheOneCodePathAndKeepsItsTriggerInTheStore()
    {
        _setup.WritePipeline(cron: "* * * * * ?");
        _setup.Drop("rijm.csv", Extracts.File(Extracts.Row(Extracts.Bsns(5).First(), "2020-01-01", null)));

        using (var host = SchedulerHost.Build(Options("per-second")))
        {
            await host.StartAsync();
            PipelineSetup.WaitUntil(() => _setup.Runs().Any(r => r.StartedBy == RunRequest.Schedule && r.Status == RunStatus.Succeeded && r.FilesImported == 1),
                "a scheduled run that imports the file");
            await host.StopAsync();
        }

        Assert.Equal([$"{PipelineSetup.Today}_rijm.csv"], _setup.ArchiveNames());
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM segment"));
        Assert.DoesNotContain(_setup.Runs(), r => r.Status == RunStatus.Running); // the stop waited for the run in hand
        var scheduled = _setup.Runs().Last(); // the first
        Assert.NotNull(scheduled.ScheduledFor);
        // Quartz's own tables, in the same file: the trigger with its cron expression and its time zone.
        using var connection = _setup.Connect();
        var (cron, zone) = connection.QuerySingle<(string, string)>("SELECT CRON_EXPRESSION, TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'nightly'");
        Assert.Equal(("* * * * * ?", "Europe/Amsterdam"), (cron, zone));
        Assert.Contains("nightly: '* * * * * ?' in Europe/Amsterdam, next run", _text.ToString());
    }

    [Fact]
    public async Task ARunMissedWhileTheSchedulerWasDownFiresOnceAtStartNotOncePerMissedTime()
    {
        // Two fire times a few seconds ahead, in one minute (Amsterdam time, as the pipeline says).
        if (DateTimeOffset.UtcNow.Second > 51) await Task.Delay(TimeSpan.FromSeconds(61 - DateTimeOffset.UtcNow.Second));
        var now = DateTimeOffset.UtcNow;
        var first = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(6);
        var second = first.AddSeconds(1);
        var (a, b) = (TimeZoneInfo.ConvertTime(first, Amsterdam), TimeZoneInfo.ConvertTime(second, Amsterdam));
        _setup.WritePipeline(cron: $"{a.Second},{b.Second} {a.Minute} {a.Hour} {a.Day} {a.Month} ?"); // and next year

        // The scheduler stores the trigger, and is stopped before either time comes.
        using (var host = SchedulerHost.Build(Options("misfire")))
        {
            await host.StartAsync();
            await host.StopAsync();
        }
        Assert.Empty(_setup.Runs());

        // Down past both times (and the misfire threshold), then started again.
        while (DateTimeOffset.UtcNow < second.AddSeconds(2)) await Task.Delay(200);
        using (var host = SchedulerHost.Build(Options("misfire")))
        {
            await host.StartAsync();
            PipelineSetup.WaitUntil(() => _setup.Runs().Any(r => r.Status != RunStatus.Running), "the catch-up run");
            await Task.Delay(TimeSpan.FromSeconds(4)); // time enough for a second catch-up, which must not come
            await host.StopAsync();
        }

        var run = Assert.Single(_setup.Runs());
        Assert.Equal((RunRequest.Schedule, RunStatus.Succeeded), (run.StartedBy, run.Status));
        Assert.Equal(first.UtcDateTime, run.ScheduledFor); // the first missed time, fired late, once
        Assert.True(run.StartedAt > second.UtcDateTime);
        Assert.Contains("missed while the scheduler was down: runs once now", _text.ToString());
    }

    [Fact]
    public async Task AChangedScheduleReplacesTheStoredTriggerAndADisabledPipelineIsUnscheduled()
    {
        _setup.WritePipeline(cron: "0 30 2 * * ?");
        Directory.CreateDirectory(_setup.Folder.File("inbox2"));
        _setup.WritePipelineText("weekly", """
            { "name": "weekly", "cron": "0 0 4 ? * MON", "inbox": { "folder": "../inbox2" }, "steps": [ { "step": "import" } ] }
            """);
        using (var host = SchedulerHost.Build(Options("sync")))
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        _setup.WritePipeline(cron: "0 45 3 * * ?");
        _setup.WritePipelineText("weekly", """
            { "name": "weekly", "enabled": false, "cron": "0 0 4 ? * MON", "inbox": { "folder": "../inbox2" }, "steps": [ { "step": "import" } ] }
            """);
        using (var host = SchedulerHost.Build(Options("sync")))
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        using var connection = _setup.Connect();
        Assert.Equal(["nightly"], connection.Query<string>("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = 'sync'"));
        Assert.Equal("0 45 3 * * ?", connection.QuerySingle<string>("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME = 'sync'"));
        Assert.Contains("weekly: no longer scheduled", _text.ToString());
    }

    [Fact]
    public async Task ASecondSchedulerOnTheSameStoreIsRefused()
    {
        _setup.WritePipeline();
        using (var host = SchedulerHost.Build(Options("first")))
        {
            await host.StartAsync();
            var second = _setup.RunCli("scheduler", "run");
            Assert.True(second.Exit == 4, second.ToString());
            Assert.Contains("another scheduler is running on this store", second.Err);
            await host.StopAsync();
        }
        using (var again = SchedulerHost.Build(Options("first"))) // free once the first has stopped
        {
            await again.StartAsync();
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task SigtermLetsTheFileInHandFinishItsTransactionAndTheSchedulerExitCleanly()
    {
        if (OperatingSystem.IsWindows()) return; // SIGTERM is a Unix signal; Ctrl-C there goes the same way through the host
        const int rows = 400_000;
        _setup.WritePipeline(cron: "* * * * * ?",
            extraSteps: """{ "step": "measure", "baseline": "2017", "followup": "2017", "out": "../out" }""");
        var file = Path.Combine(_setup.Inbox, "large.csv");
        Extracts.WriteLarge(file, rows);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));

        using var child = ChildProcess.Start("scheduler", "run", "--db", _setup.Db, "--pipelines", _setup.Pipelines);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var _ = guard.Token.Register(() => child.Kill(entireProcessTree: true)); // never hang the test run
        var errors = child.StandardError.ReadToEndAsync();
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null && !line.Contains(" rows read…")) { }
        if (line is null) Assert.Fail("the scheduler ended before the import was under way: " + await errors);
        using (var kill = Process.Start("kill", ["-TERM", child.Id.ToString()]))
        {
            kill.WaitForExit();
            Assert.Equal(0, kill.ExitCode);
        }
        var rest = await child.StandardOutput.ReadToEndAsync();
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the scheduler did not stop");

        Assert.True(child.ExitCode == 0, $"exit {child.ExitCode}\n{rest}\n{await errors}");
        Assert.Contains("scheduler: stopped", rest);
        Assert.Equal(rows, _setup.Count("SELECT count(*) FROM segment")); // the file in hand finished its transaction
        Assert.Equal([$"{PipelineSetup.Today}_large.csv"], _setup.ArchiveNames());
        var run = Assert.Single(_setup.Runs());
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal([StepStatus.Succeeded, StepStatus.Skipped], _setup.Steps(run.Id).Select(s => s.Status));
    }
}
