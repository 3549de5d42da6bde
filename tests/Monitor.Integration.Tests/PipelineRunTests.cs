using Monitor.Integration.Tests.Support;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary><c>monitor pipeline run</c> end to end: the inbox imported, archived, rejected, waiting; the history written.</summary>
public sealed class PipelineRunTests : IDisposable
{
    private readonly PipelineSetup _setup = new();
    private readonly string[] _bsns = Extracts.Bsns(21).Take(10).ToArray();

    public void Dispose() => _setup.Dispose();

    private string Rijm(int first, int count) =>
        Extracts.File(Enumerable.Range(first, count).Select(i => Extracts.Row(_bsns[i], "2020-01-01", "2020-06-30")).ToArray());

    [Fact]
    public void NewFilesAreImportedAndArchivedRejectedOnesMovedWithAReasonAndTheRunRecorded()
    {
        _setup.WritePipeline();
        _setup.Drop("rijm_a.csv", Rijm(0, 3));
        _setup.Drop("rijm_b.csv", Rijm(3, 2));
        _setup.Drop("broken.csv", "bsn;whatever\n123;x\n");

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 2, result.ToString()); // a file rejected whole: as `monitor import` says it
        Assert.Equal($"monitor: run #1 rejected 1 file whole (moved to {_setup.Failed}, with the reason beside it; monitor jobs show 1)\n",
            result.Err.ReplaceLineEndings("\n")); // exit 2 always says why on stderr
        var today = PipelineSetup.Today;
        Assert.Equal([$"{today}_rijm_a.csv", $"{today}_rijm_b.csv"], _setup.ArchiveNames());
        Assert.Equal([$"{today}_broken.csv", $"{today}_broken.csv.reason.txt"], _setup.FailedNames());
        Assert.Contains("cannot tell the format from the header", File.ReadAllText(Path.Combine(_setup.Failed, $"{today}_broken.csv.reason.txt")));
        Assert.Empty(_setup.InboxNames());
        Assert.Equal(5, _setup.Count("SELECT count(*) FROM segment"));

        var run = Assert.Single(_setup.Runs());
        Assert.Equal(RunStatus.SucceededWithRejections, run.Status);
        Assert.Equal(RunRequest.Manual, run.StartedBy);
        Assert.Equal((2, 0, 1, 0), (run.FilesImported, run.FilesAlreadyImported, run.FilesRejected, run.FilesWaiting));
        Assert.NotNull(run.FinishedAt);
        var files = _setup.Files(run.Id);
        Assert.Equal(["broken.csv", "rijm_a.csv", "rijm_b.csv"], files.Select(f => f.FileName).Order());
        Assert.All(files, f => Assert.Equal(1, f.Attempts));
        var rejected = files.Single(f => f.FileName == "broken.csv");
        Assert.Equal(FileOutcome.Rejected, rejected.Outcome);
        Assert.Contains("cannot tell the format", rejected.Reason);
        Assert.Equal(Path.Combine(_setup.Failed, $"{today}_broken.csv"), rejected.MovedTo);
        Assert.Equal(3, files.Single(f => f.FileName == "rijm_a.csv").RowsAccepted);
        var step = Assert.Single(_setup.Steps(run.Id));
        Assert.Equal((StepStatus.Succeeded, 5, 5), (step.Status, step.RowsRead, step.RowsAccepted));
    }

    [Fact]
    public void AnEmptyInboxIsASuccessfulRun()
    {
        _setup.WritePipeline();
        var result = _setup.RunCli("pipeline", "run", "nightly");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("no new files", result.Out);
        Assert.Equal(RunStatus.Succeeded, Assert.Single(_setup.Runs()).Status);
    }

    [Fact]
    public void RefusedRowsAreNoFailure()
    {
        _setup.WritePipeline();
        _setup.Drop("rijm.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null), Extracts.Row(_bsns[1], "2020-05-01", "2020-04-01")));
        var result = _setup.RunCli("pipeline", "run", "nightly");
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("2 rows read, 1 accepted, 1 refused", result.Out);
        Assert.Equal(RunStatus.Succeeded, Assert.Single(_setup.Runs()).Status);
        Assert.Single(_setup.ArchiveNames());
    }

    [Fact]
    public void AFileModifiedWithinTheSettleTimeWaitsForTheNextRun()
    {
        _setup.WritePipeline(settleSeconds: 300);
        _setup.Drop("old.csv", Rijm(0, 2));
        _setup.Drop("fresh.csv", Rijm(2, 2), age: TimeSpan.FromSeconds(5));

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(["fresh.csv"], _setup.InboxNames());
        Assert.Equal(2, _setup.Count("SELECT count(*) FROM segment"));
        var run = Assert.Single(_setup.Runs());
        Assert.Equal((1, 1), (run.FilesImported, run.FilesWaiting));
        var waiting = _setup.Files(run.Id).Single(f => f.FileName == "fresh.csv");
        Assert.Equal(FileOutcome.Waiting, waiting.Outcome);
        Assert.Contains("settle_seconds", waiting.Reason);
        Assert.Equal(0, _setup.Count("SELECT count(*) FROM import_file WHERE file_name LIKE '%fresh.csv'")); // not even tried

        // Once it has settled, the next run takes it.
        File.SetLastWriteTimeUtc(Path.Combine(_setup.Inbox, "fresh.csv"), DateTime.UtcNow.AddHours(-1));
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        Assert.Equal(4, _setup.Count("SELECT count(*) FROM segment"));
        Assert.Empty(_setup.InboxNames());
    }

    [Fact]
    public void ContentAlreadyImportedIsArchivedWithoutASecondImport()
    {
        _setup.WritePipeline();
        var content = Rijm(0, 3);
        var earlier = _setup.Folder.Write("by-hand.csv", content);
        Assert.Equal(0, CommandLine.Run("import", earlier, "--db", _setup.Db).Exit);
        _setup.Drop("again.csv", content);

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("already imported", result.Out);
        Assert.Equal([$"{PipelineSetup.Today}_again.csv"], _setup.ArchiveNames());
        Assert.Equal(3, _setup.Count("SELECT count(*) FROM segment"));
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM import_file WHERE status = 'imported'"));
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM import_file WHERE status = 'already_imported'"));
        var run = Assert.Single(_setup.Runs());
        Assert.Equal((RunStatus.Succeeded, 0, 1), (run.Status, run.FilesImported, run.FilesAlreadyImported));
        Assert.Equal(FileOutcome.AlreadyImported, Assert.Single(_setup.Files(run.Id)).Outcome);
    }

    [Fact]
    public void ASecondFileOfTheSameNameOnOneDayIsArchivedBesideTheFirst()
    {
        _setup.WritePipeline();
        _setup.Drop("rijm.csv", Rijm(0, 1));
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        _setup.Drop("rijm.csv", Rijm(1, 1));
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        var today = PipelineSetup.Today;
        Assert.Equal([$"{today}_rijm.csv", $"{today}_rijm_2.csv"], _setup.ArchiveNames());
        Assert.Equal(2, _setup.Count("SELECT count(*) FROM segment"));
    }

    [Fact]
    public void ReferenceFilesAreImportedBeforeExtracts()
    {
        _setup.WritePipeline();
        // The extract is older, but its care-type code only means something once caretypes.csv is in.
        _setup.Drop("extract.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null, care: "V99")), age: TimeSpan.FromHours(2));
        _setup.Drop("caretypes.csv", "code;zorgsoort\nV99;verblijf\n");

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(result.Out.IndexOf("caretypes.csv", StringComparison.Ordinal) < result.Out.IndexOf("extract.csv", StringComparison.Ordinal), result.Out);
        Assert.Equal(1, _setup.Count("SELECT count(*) FROM segment"));
    }

    [Fact]
    public void TheMeasureStepWritesTheSameComparisonAsMonitorCompare()
    {
        _setup.Folder.CopyExample("case-01-rules");
        foreach (var name in new[] { "providers.csv", "regions.csv", "tariffs.csv", "rijm.csv" })
            _setup.Drop(name, File.ReadAllText(_setup.Folder.File(name)));
        _setup.WritePipeline(extraSteps: """{ "step": "measure", "baseline": "2020", "followup": "2021", "as_of": "2021-12-31", "out": "../out" }""");

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 0, result.ToString());
        var written = Path.Combine(_setup.Out, "compare-2020-2021.json");
        var expected = CommandLine.Run("compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2021-12-31", "--json", "-", "--db", _setup.Db);
        Assert.Equal(expected.Out, File.ReadAllText(written));
        var run = Assert.Single(_setup.Runs());
        var measure = _setup.Steps(run.Id)[1];
        Assert.Equal((StepStatus.Succeeded, written), (measure.Status, measure.Output));
    }

    [Fact]
    public void TheReportStepWritesTheReportOfMonitorReport()
    {
        _setup.Folder.CopyExample("case-02-generated");
        foreach (var name in new[] { "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv", "rijm_2015_2018.csv", "rijm_2019_2022.csv" })
            _setup.Drop(name, File.ReadAllText(_setup.Folder.File(name)));
        // The bootstrap's replicates and seed as monitor report's --bootstrap and --seed.
        _setup.WritePipeline(extraSteps: """{ "step": "report", "baseline": "2020", "followup": "2021", "as_of": "2022-06-30", "bootstrap": 300, "seed": 7, "out": "../out/report" }""");

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 0, result.ToString());
        var index = Path.Combine(_setup.Out, "report", "index.html");
        var run = Assert.Single(_setup.Runs());
        Assert.Equal((StepStatus.Succeeded, index), (_setup.Steps(run.Id)[1].Status, _setup.Steps(run.Id)[1].Output));
        // The same figures as monitor report writes, apart from the day it was made.
        var manual = _setup.Folder.File("manual");
        Assert.Equal(0, CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--bootstrap", "300", "--seed", "7", "--out", manual, "--db", _setup.Db).Exit);
        static string WithoutDate(string html) => System.Text.RegularExpressions.Regex.Replace(html, "Gemaakt op [^.]*\\.", "");
        Assert.Equal(WithoutDate(File.ReadAllText(Path.Combine(manual, "index.html"))), WithoutDate(File.ReadAllText(index)));
        Assert.False(Directory.Exists(Path.Combine(_setup.Out, "report.new")));

        // A second run replaces the report whole.
        Assert.Equal(0, _setup.RunCli("pipeline", "run", "nightly").Exit);
        Assert.True(File.Exists(index));
        Assert.False(Directory.Exists(Path.Combine(_setup.Out, "report.old")));
    }

    [Fact]
    public void AFailedStepFailsTheRunSkipsTheNextStepsAndExits3()
    {
        _setup.Drop("rijm.csv", Rijm(0, 2));
        _setup.WritePipeline(
            retry: """{ "attempts": 5, "delay_seconds": 30 }""",
            extraSteps: """
                { "step": "measure", "baseline": "2019", "followup": "2019", "as_of": "latest", "region": "Atlantis", "out": "../out" },
                { "step": "measure", "baseline": "2019", "followup": "2019", "as_of": "latest", "out": "../out" }
                """);

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 3, result.ToString());
        Assert.StartsWith("monitor: run #1 failed: step 2 (measure): unknown region 'Atlantis'", result.Err);
        Assert.Contains("(monitor jobs show 1)", result.Err);
        var run = Assert.Single(_setup.Runs());
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("step 2 (measure): unknown region 'Atlantis'", run.Error);
        var steps = _setup.Steps(run.Id);
        Assert.Equal([StepStatus.Succeeded, StepStatus.Failed, StepStatus.Skipped], steps.Select(s => s.Status));
        Assert.Equal(1, steps[1].Attempts); // a permanent failure is not retried, however many attempts the policy allows
        Assert.False(File.Exists(Path.Combine(_setup.Out, "compare-2019-2019.json")));
    }

    [Fact]
    public void JobsListsTheRunsAndShowsOneInDetail()
    {
        _setup.WritePipeline();
        _setup.Drop("rijm.csv", Rijm(0, 2));
        _setup.Drop("broken.csv", "nothing;here\n1;2\n");
        _setup.RunCli("pipeline", "run", "nightly");
        var id = Assert.Single(_setup.Runs()).Id;

        var list = CommandLine.Run("jobs", "--db", _setup.Db);
        Assert.Equal(0, list.Exit);
        Assert.Contains($"#{id} nightly", list.Out);
        Assert.Contains("succeeded_with_rejections: 1 imported, 0 already imported, 1 rejected, 0 waiting; 0 of 2 rows refused (0 %)", list.Out);
        Assert.Matches($@"#{id} nightly \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d Europe/Amsterdam manual", list.Out); // the pipeline's zone, named

        var show = CommandLine.Run("jobs", "show", id.ToString(), "--db", _setup.Db);
        Assert.Equal(0, show.Exit);
        Assert.Contains("step 1 import: succeeded, 2 rows read, 2 accepted", show.Out);
        Assert.Contains("file broken.csv: rejected: cannot tell the format", show.Out);

        var json = CommandLine.Run("jobs", "show", id.ToString(), "--json", "-", "--db", _setup.Db);
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal("succeeded_with_rejections", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("files").GetArrayLength());

        var listJson = CommandLine.Run("jobs", "--json", "-", "--db", _setup.Db);
        using var runs = System.Text.Json.JsonDocument.Parse(listJson.Out);
        Assert.Equal(id, runs.RootElement.GetProperty("runs")[0].GetProperty("id").GetInt64());
        Assert.EndsWith("Z", runs.RootElement.GetProperty("runs")[0].GetProperty("started_at").GetString()); // JSON keeps UTC

        Assert.Equal(2, CommandLine.Run("jobs", "show", "999", "--db", _setup.Db).Exit);
    }

    [Fact]
    public void AFirstRunThatFindsOnlySettlingFilesSkipsMeasureAndReportAndSaysSo()
    {
        _setup.WritePipeline(settleSeconds: 600,
            extraSteps: """{ "step": "measure", "baseline": "2019", "followup": "2019", "as_of": "latest", "out": "../out" }""");
        _setup.Drop("rijm.csv", Rijm(0, 2), age: TimeSpan.FromSeconds(5)); // just uploaded

        var result = _setup.RunCli("pipeline", "run", "nightly");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("step 2, measure: skipped: nothing is stored yet and 1 file is still settling", result.Out);
        var run = Assert.Single(_setup.Runs());
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.FilesWaiting));
        var steps = _setup.Steps(run.Id);
        Assert.Equal([StepStatus.Succeeded, StepStatus.Skipped], steps.Select(s => s.Status));
        Assert.Contains("they are imported, measured and reported by the next run", steps[1].Error);
        Assert.Equal(["rijm.csv"], _setup.InboxNames());
    }
}
