using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Ingest;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests.FaultTrials;

/// <summary>One test per row of the table of issue 16 (what 82 kills, 990 mutated files and 60 races found).</summary>
public sealed class FaultTrialTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(16).Take(6).ToArray();

    public void Dispose() => _folder.Dispose();

    private CommandLine.Result Run(params string[] args) => CommandLine.Run([.. args, "--db", _folder.Db]);

    private T Scalar<T>(string sql)
    {
        using var c = new SqliteConnection($"Data Source={_folder.Db};Pooling=False");
        return c.ExecuteScalar<T>(sql)!;
    }

    // 1. privacy

    [Fact]
    public void AFileWithoutAHeaderIsRejectedWithAReasonThatQuotesNoValue()
    {
        var row = Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31", amount: "12.345,67");
        var result = Run("import", _folder.Write("headerless.csv", row + "\n" + Extracts.Row(_bsns[1], "2020-01-01", null) + "\n"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("the first line looks like data, not a header (cell 1 has nine digits, cell 2 is a date", result.Err);
        var reason = Scalar<string>("SELECT reason FROM import_file");
        foreach (var value in new[] { _bsns[0], "2010-01-01", "12.345,67", "41A01", "41000011" })
        {
            Assert.DoesNotContain(value, result.Out + result.Err);
            Assert.DoesNotContain(value, reason);
        }
    }

    [Fact]
    public void AHeaderlessFileInThePipelinesInboxLeavesNoValueInTheRunHistoryTheLogOrTheFailedFolder()
    {
        using var setup = new PipelineSetup();
        setup.WritePipeline();
        var bsn = _bsns[0];
        setup.Drop("headerless.csv", Extracts.Row(bsn, "2020-01-01", "2020-03-31", amount: "12.345,67") + "\n");
        var run = setup.RunCli("pipeline", "run", "nightly");
        Assert.Equal(2, run.Exit);

        var written = new List<string> { run.Out, run.Err };
        written.AddRange(Directory.GetFiles(setup.Failed).Where(f => f.EndsWith(".reason.txt", StringComparison.Ordinal)).Select(File.ReadAllText));
        using (var c = setup.Connect())
            written.AddRange(c.Query<string>("SELECT coalesce(reason, '') FROM pipeline_file UNION ALL SELECT coalesce(reason, '') FROM import_file"));
        written.Add(setup.RunCli("jobs", "show", "1").Out);
        Assert.Contains(written, w => w.Contains("the first line looks like data", StringComparison.Ordinal));
        foreach (var text in written)
        {
            Assert.DoesNotContain(bsn, text);
            Assert.DoesNotContain("12.345,67", text);
        }
    }

    [Fact]
    public void AHeaderOfAMegabyteGivesAShortReason()
    {
        var header = "bsn;" + new string('h', 1 << 20);
        var result = Run("import", _folder.Write("huge.csv", header + "\n" + Extracts.Row(_bsns[0], "2020-01-01", null) + "\n"));
        Assert.Equal(2, result.Exit);
        Assert.InRange(result.Err.Trim().Length, 1, 2 * Reasons.MaxLength);
        Assert.InRange(Scalar<string>("SELECT reason FROM import_file").Length, 1, Reasons.MaxLength);
        Assert.DoesNotContain("hhhhhhhhhh", result.Err);
    }

    [Fact]
    public void AnUnknownHeaderNamesOnlyTheColumnNamesTheProductKnows()
    {
        var result = Run("import", _folder.Write("odd.csv", "omschrijving;Patient 123456782;jaar\nx;y;z\n"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("cannot tell the format from the header (3 columns, known names among them: jaar)", result.Err);
        Assert.DoesNotContain("123456782", result.Err);
    }

    // 2. availability

    [Fact]
    public void AProductCodeOver64CharactersIsRefusedAndAnOlderStoreWithOneStillMeasures()
    {
        var rows = Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31", product: new string('P', 257)),
            Extracts.Row(_bsns[1], "2020-01-01", "2020-03-31"));
        var import = Run("import", _folder.Write("x.csv", rows));
        Assert.Equal(0, import.Exit);
        Assert.Contains("line 2, productcode: productcode longer than 64 characters", import.Out);

        // A store written before protocol version 2 may hold one: reading it must not fail.
        using (var c = new SqliteConnection($"Data Source={_folder.Db};Pooling=False"))
            c.Execute("UPDATE segment SET product_code = @code", new { code = new string('Q', 5000) });
        var measure = Run("measure", "--period", "2020", "--as-of", "2020-12-31", "--json", "-");
        Assert.True(measure.Exit == 0, measure.ToString());
    }

    // 3. correctness

    [Fact]
    public void AStartInTheYear9999IsOutOfRangeAndDoesNotStretchTheData()
    {
        var result = Run("import", _folder.Write("x.csv", Extracts.File(
            Extracts.Row(_bsns[0], "9999-12-30", null),
            Extracts.Row(_bsns[1], "2020-01-01", "2020-03-31"))));
        Assert.Equal(0, result.Exit);
        Assert.Contains("line 2, begindatum: date out of range (start more than 366 days after the day of the import)", result.Out);
        Assert.Equal(20200101, Scalar<long>("SELECT max(start_date) FROM segment"));
        Assert.Equal(20200101, Scalar<long>("SELECT coverage_date FROM import_file"));
    }

    // 4. consistency

    [Fact]
    public void AnAnalysisReadsOneSnapshotEvenWhenAnImportCommitsMeanwhile()
    {
        Assert.Equal(0, Run("import", _folder.Write("a.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31")))).Exit);
        using var store = MonitorStore.Open(_folder.Db);
        using (var analysis = new Analysis(store))
        {
            // Another process commits an import after the snapshot began and before anything is read.
            Assert.Equal(0, Run("import", _folder.Write("b.csv", Extracts.File(
                Extracts.Row(_bsns[1], "2020-01-01", "2020-03-31"), Extracts.Row(_bsns[2], "2020-01-01", "2020-03-31")))).Exit);
            var episodes = analysis.BuildEpisodes(new DateOnly(2020, 12, 31), 7, CareTypes.DefaultResidentialSet);
            Assert.Single(episodes.Episodes);
            Assert.Single(store.Imports()); // the provenance a report shows describes the same imports
        }
        using var later = new Analysis(store);
        Assert.Equal(3, later.BuildEpisodes(new DateOnly(2020, 12, 31), 7, CareTypes.DefaultResidentialSet).Episodes.Count);
        Assert.Equal(2, store.Imports().Count);
    }

    // 6. contract

    [Fact]
    public void AWholeFileRejectionSaysWhyOnStderr()
    {
        var result = Run("import", _folder.Write("empty.csv", ""));
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains("empty.csv: rejected, nothing stored: the file is empty", result.Err);
    }

    // 7. race

    [Fact]
    public void TheSameFileImportedByTwoProcessesAtOnceIsImportedOnce()
    {
        for (var round = 0; round < 8; round++)
        {
            var db = _folder.File($"race-{round}.db");
            using (MonitorStore.Open(db)) { }
            var file = _folder.Write($"same-{round}.csv", Extracts.File(_bsns.Select(b => Extracts.Row(b, "2020-01-01", null)).ToArray()));
            using var start = new Barrier(2);
            var results = Enumerable.Range(0, 2).AsParallel().WithDegreeOfParallelism(2).Select(_ =>
            {
                start.SignalAndWait();
                return CommandLine.Run("import", file, "--db", db, "--json", "-");
            }).ToList();
            Assert.All(results, r => Assert.True(r.Exit == 0, r.ToString()));
            var statuses = results.Select(r => JsonDocument.Parse(r.Out).RootElement.GetProperty("files")[0].GetProperty("status").GetString()).Order().ToList();
            Assert.Equal(["already_imported", "imported"], statuses);
            using var c = new SqliteConnection($"Data Source={db};Pooling=False");
            Assert.Equal(_bsns.Length, c.ExecuteScalar<long>("SELECT count(*) FROM segment"));
        }
    }

    // 8. race

    [Fact]
    public void TwoCommandsOnAStoreThatDoesNotExistYetBothSucceed()
    {
        for (var round = 0; round < 10; round++)
        {
            var db = _folder.File($"new-{round}.db");
            var files = Enumerable.Range(0, 2).Select(i => _folder.Write($"f-{round}-{i}.csv", Extracts.File(Extracts.Row(_bsns[i], "2020-01-01", null)))).ToArray();
            using var start = new Barrier(2);
            var results = files.AsParallel().WithDegreeOfParallelism(2).Select(file =>
            {
                start.SignalAndWait();
                return CommandLine.Run("import", file, "--db", db);
            }).ToList();
            Assert.All(results, r => Assert.True(r.Exit == 0, r.ToString()));
            using var c = new SqliteConnection($"Data Source={db};Pooling=False");
            Assert.Equal(2, c.ExecuteScalar<long>("SELECT count(*) FROM segment"));
        }
    }
}
