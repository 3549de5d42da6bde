using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core;
using Monitor.Integration.Tests.Support;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>Transient failures are retried with backoff; permanent ones are not, and are recorded.</summary>
public sealed class PipelineRetryTests : IDisposable
{
    private readonly PipelineSetup _setup = new();
    private readonly string[] _bsns = Extracts.Bsns(44).Take(5).ToArray();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task AnImportThatFindsTheStoreLockedIsRetriedUntilTheLockIsReleased()
    {
        _setup.WritePipeline(retry: """{ "attempts": 20, "backoff": "constant", "delay_seconds": 0.5, "lock_timeout_seconds": 0.3 }""");
        _setup.Drop("rijm.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null), Extracts.Row(_bsns[1], "2020-02-01", null)));
        MonitorStore.Open(_setup.Db).Dispose(); // the store exists, in WAL mode

        // Another writer takes the store's write lock the moment the import step starts, and holds it for 3 s:
        // longer than one try waits (0.3 s), so only retrying gets the file in.
        using var blocker = new SqliteConnection($"Data Source={_setup.Db};Pooling=False");
        blocker.Open();
        Task? release = null;
        var log = new HookedWriter(line =>
        {
            if (!line.Contains("step 1, import") || release is not null) return;
            blocker.Execute("BEGIN EXCLUSIVE");
            release = Task.Run(() =>
            {
                Thread.Sleep(3000);
                blocker.Execute("COMMIT");
            });
        });

        var result = new PipelineRunner(_setup.Db, PipelineSteps.WithoutReport, log).Run(_setup.Load(), new RunRequest(RunRequest.Manual));
        if (release is not null) await release;

        Assert.NotNull(release);
        Assert.True(result.Run.Status == RunStatus.Succeeded, log.ToString());
        var file = Assert.Single(result.Files);
        Assert.Equal(FileOutcome.Imported, file.Outcome);
        Assert.True(file.Attempts > 1, $"expected retries, got {file.Attempts} attempt(s)\n{log}");
        Assert.Equal(file.Attempts, Assert.Single(result.Steps).Attempts);
        Assert.Contains("transient failure (", log.ToString());
        Assert.Contains("database is locked", log.ToString());
        Assert.Equal(2, _setup.Count("SELECT count(*) FROM segment"));
    }

    [Fact]
    public void AStoreThatStaysLockedFailsTheStepAfterItsAttemptsAndLeavesTheFileForTheNextRun()
    {
        _setup.WritePipeline(retry: """{ "attempts": 2, "backoff": "constant", "delay_seconds": 0.1, "lock_timeout_seconds": 0.2 }""");
        _setup.Drop("rijm.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null)));
        MonitorStore.Open(_setup.Db).Dispose();
        using var blocker = new SqliteConnection($"Data Source={_setup.Db};Pooling=False");
        blocker.Open();
        // Locked from the start of the import step until the step has given up on the file.
        var log = new HookedWriter(line =>
        {
            if (line.Contains("step 1, import")) blocker.Execute("BEGIN EXCLUSIVE");
            if (line.Contains("failed, left in the inbox")) blocker.Execute("ROLLBACK");
        });

        var result = new PipelineRunner(_setup.Db, PipelineSteps.WithoutReport, log).Run(_setup.Load(), new RunRequest(RunRequest.Manual));

        Assert.Equal(RunStatus.Failed, result.Run.Status);
        Assert.Contains("database is locked", result.Run.Error);
        var file = Assert.Single(result.Files);
        Assert.Equal((FileOutcome.Failed, 2), (file.Outcome, file.Attempts));
        Assert.Equal(["rijm.csv"], _setup.InboxNames());
        Assert.Equal(0, _setup.Count("SELECT count(*) FROM segment"));
    }

    [Fact]
    public void ARejectedFileIsTriedOnceMovedAndRecorded()
    {
        _setup.WritePipeline(retry: """{ "attempts": 10, "delay_seconds": 60 }""");
        _setup.Drop("strict.csv", "\u0000\u0001 not text");

        var result = new PipelineRunner(_setup.Db, PipelineSteps.WithoutReport, TextWriter.Null).Run(_setup.Load(), new RunRequest(RunRequest.Manual));

        Assert.Equal(RunStatus.SucceededWithRejections, result.Run.Status);
        var file = Assert.Single(result.Files);
        Assert.Equal((FileOutcome.Rejected, 1), (file.Outcome, file.Attempts));
        Assert.Contains("NUL byte", file.Reason);
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM import_file WHERE status = 'rejected'"));
        Assert.Equal([$"{PipelineSetup.Today}_strict.csv", $"{PipelineSetup.Today}_strict.csv.reason.txt"], _setup.FailedNames());
    }

    [Theory]
    [InlineData(true, "busy")]
    [InlineData(true, "locked")]
    [InlineData(true, "store busy")]
    [InlineData(true, "io")]
    [InlineData(false, "constraint")]
    [InlineData(false, "file not found")]
    [InlineData(false, "bad request")]
    public void TransientFailuresAreTheLockedStoreAndIoErrors(bool transient, string kind)
    {
        Exception e = kind switch
        {
            "busy" => new SqliteException("database is locked", 5),
            "locked" => new SqliteException("database table is locked", 6),
            "store busy" => new StoreException("cannot open the store x: database is locked", new SqliteException("database is locked", 5)),
            "io" => new IOException("the share went away"),
            "constraint" => new SqliteException("constraint failed", 19),
            "file not found" => new FileNotFoundException("gone"),
            _ => new InvalidRequestException("unknown region"),
        };
        Assert.Equal(transient, Retries.IsTransient(e));
    }

    [Fact]
    public async Task AFileGrowingBetweenTheTwoLooksWaits()
    {
        var inbox = new InboxSettings(_setup.Inbox, "*.csv", null, _setup.Archive, _setup.Failed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        _setup.Drop("done.csv", "a;b\n");
        var growing = _setup.Drop("growing.csv", "a;b\n");
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            using var stream = new FileStream(growing, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            while (!stop.IsCancellationRequested)
            {
                stream.Write("1;2\n"u8);
                stream.Flush();
                Thread.Sleep(50);
            }
        });

        var scan = InboxScanner.Scan(inbox, TimeProvider.System, CancellationToken.None);
        await stop.CancelAsync();
        await writer;

        Assert.Equal(["done.csv"], scan.Ready.Select(f => f.Name));
        var (file, reason) = Assert.Single(scan.Waiting);
        Assert.Equal("growing.csv", file.Name);
        Assert.Contains("still being written", reason);
    }

    [Fact]
    public void HiddenFilesAndOtherPatternsAreNotTouched()
    {
        _setup.WritePipeline();
        _setup.Drop(".upload.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null)));
        _setup.Drop("notes.txt", "not an extract");
        var result = _setup.RunCli("pipeline", "run", "nightly");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal([".upload.csv", "notes.txt"], _setup.InboxNames());
        Assert.Equal(0, _setup.Count("SELECT count(*) FROM import_file"));
    }

    [Fact]
    public void AReportStepRunsThroughTheRegisteredImplementation()
    {
        var report = new FakeReport();
        var steps = new PipelineSteps { Report = report };
        _setup.WritePipeline(extraSteps: """{ "step": "report", "title": "Nacht", "out": "../out/report.html" }""");
        var pipeline = _setup.Load(steps: steps);

        var result = new PipelineRunner(_setup.Db, steps, TextWriter.Null).Run(pipeline, new RunRequest(RunRequest.Manual));

        Assert.Equal(RunStatus.Succeeded, result.Run.Status);
        var step = result.Steps[1];
        Assert.Equal((StepDefinition.ReportName, StepStatus.Succeeded), (step.Step, step.Status));
        Assert.Equal(Path.Combine(_setup.Out, "report.html"), step.Output);
        Assert.Equal("Nacht", report.Titles.Single());
    }

    [Fact]
    public void AReportStepsOwnCheckRefusesItsParametersAtLoad()
    {
        _setup.WritePipeline(extraSteps: """{ "step": "report", "out": "../out/report.html" }""");
        var e = Assert.Throws<PipelineDefinitionException>(() => _setup.Load(steps: new PipelineSteps { Report = new FakeReport() }));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(("steps[1].title", "missing"), (problem.Field, problem.Reason));
    }

    /// <summary>A report step for tests only: checks for a title, writes a one-line file.</summary>
    private sealed class FakeReport : IReportStep
    {
        public List<string> Titles { get; } = [];

        public IEnumerable<(string Field, string Reason)> Check(JsonElement parameters)
        {
            if (!parameters.TryGetProperty("title", out _)) yield return ("title", "missing");
        }

        public string Run(ReportStepContext context, CancellationToken cancellationToken)
        {
            var title = context.Step.Parameters.GetProperty("title").GetString()!;
            Titles.Add(title);
            var path = Path.GetFullPath(Path.Combine(context.Step.Folder, context.Step.Parameters.GetProperty("out").GetString()!));
            AtomicFile.Write(path, $"<h1>{title}</h1>");
            return path;
        }
    }

    /// <summary>Collects what the runner says, and lets a test act the moment a line is written.</summary>
    private sealed class HookedWriter(Action<string> onLine) : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
                if (value != '\n')
                {
                    _line.Append(value);
                    return;
                }
            }
            var line = _line.ToString();
            _line.Clear();
            onLine(line);
        }

        public override string ToString()
        {
            lock (_text) return _text.ToString();
        }
    }
}
