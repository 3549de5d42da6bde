using System.Diagnostics;
using Monitor.Integration.Tests.Support;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>One run of a pipeline at a time, across processes; a killed run leaves no duplicate and no partial file.</summary>
public sealed class PipelineConcurrencyTests : IDisposable
{
    private const int LargeRows = 400_000;
    private readonly PipelineSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public void ASecondRunWhileTheFirstHoldsTheLockExits4AndDoesNothing()
    {
        _setup.WritePipeline();
        _setup.Drop("rijm.csv", Extracts.File(Extracts.Row(Extracts.Bsns(3).First(), "2020-01-01", null)));

        using (PipelineLock.Acquire(_setup.Db, "nightly", TimeSpan.Zero, TimeProvider.System, CancellationToken.None))
        {
            var second = _setup.RunCli("pipeline", "run", "nightly");
            Assert.True(second.Exit == 4, second.ToString());
            Assert.Contains("another run of pipeline 'nightly' is under way", second.Err);
        }

        Assert.Empty(_setup.Runs());
        Assert.Equal(["rijm.csv"], _setup.InboxNames());
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit); // the lock is free again
    }

    [Fact]
    public async Task WithWaitTheSecondRunWaitsForTheFirst()
    {
        _setup.WritePipeline();
        var held = PipelineLock.Acquire(_setup.Db, "nightly", TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        var release = Task.Run(() =>
        {
            Thread.Sleep(1500);
            held.Dispose();
        });
        var second = _setup.RunCli("pipeline", "run", "nightly", "--wait", "60");
        await release;
        Assert.True(second.Exit == 0, second.ToString());
    }

    [Fact]
    public async Task TwoProcessesRunningOnePipelineAtOnceNeverImportTwice()
    {
        _setup.WritePipeline();
        var file = Path.Combine(_setup.Inbox, "large.csv");
        Extracts.WriteLarge(file, LargeRows);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        string[] args = ["pipeline", "run", "nightly", "--db", _setup.Db, "--pipelines", _setup.Pipelines];

        using var first = ChildProcess.Start(args);
        using var second = ChildProcess.Start(args);
        var outputs = new[] { first, second }.Select(p => Task.Run(() => p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd())).ToArray();
        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(2)) && second.WaitForExit(TimeSpan.FromMinutes(2)), "the runs did not end");
        var exits = new[] { first.ExitCode, second.ExitCode }.Order().ToArray();

        // Either they overlapped (one ran, the other found the lock taken: 4), or the second came after the first
        // had emptied the inbox (both 0). Never a second import.
        var texts = await Task.WhenAll(outputs);
        Assert.True(exits is [0, 4] or [0, 0], $"exits {string.Join(", ", exits)}\n{texts[0]}\n{texts[1]}");
        Assert.Equal(LargeRows, _setup.Count("SELECT count(*) FROM segment"));
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM import_file WHERE status = 'imported'"));
        Assert.Equal([$"{PipelineSetup.Today}_large.csv"], _setup.ArchiveNames());
    }

    [Fact]
    public void ARunKilledMidImportLeavesNothingHalfDoneAndTheNextRunFinishesTheJob()
    {
        _setup.WritePipeline();
        var file = Path.Combine(_setup.Inbox, "large.csv");
        Extracts.WriteLarge(file, LargeRows);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        var size = new FileInfo(file).Length;

        using (var child = ChildProcess.Start(ChildProcess.HoldingImport(), "pipeline", "run", "nightly", "--db", _setup.Db, "--pipelines", _setup.Pipelines))
        {
            // Redirected output prints a line every 100,000 rows: the first proves the import is under way.
            string? line;
            while ((line = child.StandardOutput.ReadLine()) is not null && !line.Contains(" rows read…")) { }
            if (line is null) Assert.Fail("the child ended before it was under way: " + child.StandardError.ReadToEnd());
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        Assert.Equal(0, _setup.Count("SELECT count(*) FROM segment"));
        Assert.Equal(0, _setup.Count("SELECT count(*) FROM import_file"));
        Assert.Equal(["large.csv"], _setup.InboxNames()); // still in the inbox, whole
        Assert.Empty(_setup.ArchiveNames());
        Assert.Equal(RunStatus.Running, Assert.Single(_setup.Runs()).Status); // what the dead process left

        var again = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("1 earlier run was interrupted", again.Out);
        Assert.Equal(LargeRows, _setup.Count("SELECT count(*) FROM segment"));
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM import_file"));
        Assert.Equal([$"{PipelineSetup.Today}_large.csv"], _setup.ArchiveNames());
        Assert.Equal(size, new FileInfo(Path.Combine(_setup.Archive, $"{PipelineSetup.Today}_large.csv")).Length);
        var runs = _setup.Runs();
        Assert.Equal([RunStatus.Succeeded, RunStatus.Interrupted], runs.Select(r => r.Status));
        Assert.Equal(StepStatus.Interrupted, Assert.Single(_setup.Steps(runs[1].Id)).Status);
        Assert.Contains("process ended", runs[1].Error);
    }
}
