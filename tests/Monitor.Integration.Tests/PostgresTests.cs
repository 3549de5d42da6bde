using System.Diagnostics;
using System.Text;
using Dapper;
using Monitor.Integration.Tests.Support;
using Monitor.Jobs;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>
/// Server mode (issue 15): the store and Hangfire's storage on PostgreSQL. Each test has a database of its own on the
/// server of <c>$MONITOR_TEST_POSTGRES</c> (<see cref="PostgresServer"/>), and runs the built <c>monitor</c> in child
/// processes, whose environment carries the pseudonym key a server store needs. Skipped, saying why, without a server.
/// </summary>
[Collection(nameof(SchedulerTests))] // the schedulers here are children, but they too want the machine to themselves
public sealed class PostgresTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly List<TestDatabase> _databases = [];
    private readonly StringBuilder _everythingPrinted = new();

    public void Dispose()
    {
        foreach (var database in _databases) database.Dispose();
        _folder.Dispose();
    }

    private TestDatabase Database()
    {
        PostgresServer.Require();
        var database = PostgresServer.CreateDatabase();
        _databases.Add(database);
        return database;
    }

    private static readonly Dictionary<string, string> KeyOnly = new() { ["MONITOR_PSEUDONYM_KEY"] = PostgresServer.Key };

    /// <summary>The built monitor in a child process, from the test's folder, with the key in its environment.</summary>
    private CommandLine.Result Monitor(params string[] args) => Monitor(KeyOnly, args);

    private CommandLine.Result Monitor(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var result = ChildProcessRun.Run(environment, [.. args], _folder.Path);
        _everythingPrinted.Append(result.Out).Append(result.Err);
        return result;
    }

    [SkippableFact]
    public void TheWorkedExamplesOnPostgresGiveByteForByteTheDocumentsOfSqlite()
    {
        var database = Database();
        _folder.CopyExample("case-02-generated");
        string[][] commands =
        [
            ["import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv", "rijm_2015_2018.csv", "rijm_2019_2022.csv"],
            ["measure", "--period", "2020", "--as-of", "2021-09-30", "--gap-days", "7"],
            ["compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30"],
            ["compare", "--baseline", "2020", "--followup", "2021", "--window", "181"],
            ["compare", "--baseline", "2020", "--regions", "Twente,IJsselland", "--as-of", "2022-06-30"],
            ["quarantine"],
        ];
        string[] expected = ["expected-import.json", "expected-measure-2020.json", "expected-compare-2020-2021.json",
            "expected-compare-2020-2021-window181.json", "expected-compare-regions-2020.json", ""];
        for (var i = 0; i < commands.Length; i++)
        {
            var onSqlite = Monitor([.. commands[i], "--db", "case02.db", "--json", "-"]);
            var onServer = Monitor([.. commands[i], "--db", database.Url, "--json", "-"]);
            Assert.True(onServer.Exit == 0, onServer.ToString());
            // The quarantine says when each import ran: the one thing that differs between two runs.
            Assert.Equal(WithoutTimes(onSqlite.Out), WithoutTimes(onServer.Out));
            if (expected[i].Length > 0)
                ExpectedJson.AssertMatches(File.ReadAllText(Path.Combine(TestFolder.ExamplePath("case-02-generated"), expected[i])), onServer.Out);
        }

        // Every duplicate traced to the row it repeats, as the reference implementation says.
        using var connection = database.Connect();
        var traced = connection.Query<string>("""
            SELECT f.file_name || ':' || d.line || ' -> ' || o.file_name || ':' || s.line
            FROM duplicate_row d JOIN import_file f ON f.id = d.import_id JOIN segment s ON s.id = d.duplicate_of JOIN import_file o ON o.id = s.import_id
            """).Order().ToList();
        var reference = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFolder.ExamplePath("case-02-generated"), "expected-duplicates.json")))
            .RootElement.GetProperty("duplicate_rows").EnumerateArray()
            .Select(d => $"{d.GetProperty("file").GetString()}:{d.GetProperty("line").GetInt32()} -> " +
                         $"{d.GetProperty("duplicate_of").GetProperty("file").GetString()}:{d.GetProperty("duplicate_of").GetProperty("line").GetInt32()}")
            .Order().ToList();
        Assert.Equal(reference, traced);

        // Case 01 on a second database: the three measurements of the hand-computed figures.
        var second = Database();
        var case01 = TestFolder.ExamplePath("case-01-rules");
        Assert.Equal(0, Monitor(["import", .. new[] { "providers.csv", "regions.csv", "tariffs.csv", "rijm.csv" }.Select(f => Path.Combine(case01, f)), "--db", second.Url]).Exit);
        foreach (var (gap, region, file) in new[] { ("7", (string?)null, "expected-measure-2020-gap7.json"), ("0", null, "expected-measure-2020-gap0.json"), ("7", "Twente", "expected-measure-2020-gap7-twente.json") })
        {
            string[] args = ["measure", "--period", "2020", "--as-of", "2021-09-30", "--gap-days", gap, "--db", second.Url, "--json", "-"];
            if (region is not null) args = [.. args, "--region", region];
            var result = Monitor(args);
            Assert.True(result.Exit == 0, result.ToString());
            ExpectedJson.AssertMatches(File.ReadAllText(Path.Combine(TestFolder.ExamplePath("case-01-rules"), file)), result.Out);
        }
        Assert.DoesNotContain(PostgresServer.Password, _everythingPrinted.ToString());
    }

    /// <summary>Trend years kept beside a server's database are taken again after a late delta, as beside a file.</summary>
    [SkippableFact]
    public void AReportAfterALateDeltaTakesItsKeptTrendYearsAsOnSqlite()
    {
        var database = Database();
        _folder.CopyExample("case-02-generated");
        var late = _folder.Write("late.csv", Extracts.File([.. Extracts.Bsns(7).Take(6).Select((bsn, i) => Extracts.Row(bsn, $"2023-03-{1 + i:D2}", null))]));
        foreach (var db in new[] { "case02.db", database.Url })
        {
            Assert.Equal(0, Monitor("import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv", "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", db).Exit);
            Assert.Equal(0, Monitor("report", "--baseline", "2020", "--followup", "2021", "--bootstrap", "0", "--db", db, "--out", "night").Exit);
            Assert.Equal(0, Monitor("import", late, "--db", db).Exit);
            var result = Monitor("report", "--baseline", "2020", "--followup", "2021", "--bootstrap", "0", "--db", db, "--out", db == database.Url ? "server" : "file");
            Assert.True(result.Exit == 0, result.ToString());
        }
        Assert.Equal(File.ReadAllText(_folder.File("file/published.json")), File.ReadAllText(_folder.File("server/published.json")));
    }

    private static string WithoutTimes(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "TIME");

    [SkippableFact]
    public async Task TwoProcessesImportingFiftyFilesOfTheSameYouthsSideBySideImportEachOnceAndCountEveryDuplicateOnce()
    {
        var database = Database();
        // 50 files over the same 30 youths: each file repeats rows of others (and some of its own), in its own order.
        var bsns = Extracts.Bsns(15).Take(30).ToArray();
        var random = new Random(15);
        var files = new List<string>();
        var all = new List<string>();
        for (var f = 0; f < 50; f++)
        {
            var rows = new List<string>();
            foreach (var bsn in bsns.OrderBy(_ => random.Next()).Take(12))
            {
                for (var r = 0; r < 3; r++)
                {
                    var start = new DateOnly(2019, 1, 1).AddDays(random.Next(8) * 30);
                    rows.Add(Extracts.Row(bsn, start.ToString("yyyy-MM-dd"), start.AddDays(29).ToString("yyyy-MM-dd"), provider: $"4100001{random.Next(3)}"));
                }
            }
            all.AddRange(rows);
            files.Add(_folder.Write($"f{f:D2}.csv", Extracts.File([.. rows])));
        }
        // Rows are equal when the whole line is (the amount is fixed here, so the protocol's key is the line).
        var distinct = all.Distinct().Count();

        using var first = ChildProcess.Start(KeyOnly, ["import", .. files, "--db", database.Url]);
        using var second = ChildProcess.Start(KeyOnly, ["import", .. Enumerable.Reverse(files), "--db", database.Url]);
        var outputs = await Task.WhenAll(Finish(first), Finish(second));
        foreach (var (exit, text) in outputs) Assert.True(exit == 0, text);

        using var connection = database.Connect();
        Assert.Equal(50, connection.ExecuteScalar<long>("SELECT count(DISTINCT sha256) FROM import_file WHERE status = 'imported'"));
        Assert.Equal(50, connection.ExecuteScalar<long>("SELECT count(*) FROM import_file WHERE status = 'imported'"));
        Assert.Equal(50, connection.ExecuteScalar<long>("SELECT count(*) FROM import_file WHERE status = 'already_imported'"));
        Assert.Equal(distinct, connection.ExecuteScalar<long>("SELECT count(*) FROM segment"));
        Assert.Equal(distinct, connection.ExecuteScalar<long>("SELECT sum(rows_accepted) FROM import_file WHERE status = 'imported'"));
        Assert.Equal(all.Count - distinct, connection.ExecuteScalar<long>("SELECT sum(rows_duplicate) FROM import_file WHERE status = 'imported'"));
        Assert.Equal(all.Count - distinct, connection.ExecuteScalar<long>("SELECT count(*) FROM duplicate_row"));
        Assert.Equal(0, connection.ExecuteScalar<long>("""
            SELECT count(*) FROM (SELECT 1 FROM segment GROUP BY youth_id, provider, care_type, product_code, start_date, end_date HAVING count(*) > 1) twice
            """));
        Assert.Equal(30, connection.ExecuteScalar<long>("SELECT count(*) FROM youth"));

        static async Task<(int, string)> Finish(Process child)
        {
            var output = child.StandardOutput.ReadToEndAsync();
            var error = await child.StandardError.ReadToEndAsync();
            await child.WaitForExitAsync();
            return (child.ExitCode, await output + error);
        }
    }

    [SkippableFact]
    public async Task AnImportWaitsForAnotherImportsLockOnTheServerAndSaysForWhom()
    {
        var database = Database();
        var file = _folder.Write("x.csv", Extracts.File(Extracts.Row(Extracts.Bsns(5).First(), "2020-01-01", null)));
        Assert.Equal(0, Monitor("import", file, "--db", database.Url).Exit); // the tables
        // Another import holds the lock, named as an import names itself, until the second says it waits.
        using var other = database.Connect();
        using var transaction = other.BeginTransaction();
        other.Execute("SELECT set_config('application_name', 'monitor: importing nightly.csv, process 4242 on elsewhere', true)", transaction: transaction);
        other.Execute($"SELECT pg_advisory_xact_lock({0x564D}, 1)", transaction: transaction);

        var second = _folder.Write("y.csv", Extracts.File(Extracts.Row(Extracts.Bsns(6).First(), "2020-01-01", null)));
        using var child = ChildProcess.Start(KeyOnly, ["import", second, "--db", database.Url], _folder.Path);
        var errors = child.StandardError.ReadToEndAsync();
        var printed = new System.Text.StringBuilder();
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null)
        {
            printed.AppendLine(line);
            if (line.Contains("waiting for the store's write lock")) break;
        }
        if (line is null) Assert.Fail("the import ended without waiting: " + printed + await errors);
        Assert.False(child.HasExited);
        Assert.Equal(1, database.Count("SELECT count(*) FROM import_file")); // x.csv only: y.csv waits to begin
        transaction.Rollback(); // now it may go on
        printed.Append(await child.StandardOutput.ReadToEndAsync());
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the import did not end");
        var result = new CommandLine.Result(child.ExitCode, printed.ToString(), await errors);
        _everythingPrinted.Append(result.Out).Append(result.Err);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("another import (monitor: importing nightly.csv, process 4242 on elsewhere", result.Out);
        Assert.Contains("1 rows read, 1 accepted", result.Out);
    }

    [SkippableFact]
    public void AWorkerKilledMidImportLeavesTheFileWholeOrNotAtAllAndTheNextRunImportsItOnce()
    {
        var database = Database();
        using var setup = new PipelineSetup(database.Url);
        setup.WritePipeline();
        var file = Path.Combine(setup.Inbox, "large.csv");
        const int rows = 300_000;
        Extracts.WriteLarge(file, rows);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));

        using (var child = ChildProcess.Start(ChildProcess.HoldingImport(KeyOnly), ["pipeline", "run", "nightly", "--db", database.Url, "--pipelines", setup.Pipelines]))
        {
            // The first progress line proves the import is under way; then the worker dies at once.
            string? line;
            while ((line = child.StandardOutput.ReadLine()) is not null && !line.Contains(" rows read…")) { }
            if (line is null) Assert.Fail("the child ended before it was under way: " + child.StandardError.ReadToEnd());
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        // Killed with 100,000 rows in its open transaction: nothing of the file is stored.
        Assert.Equal(0, database.Count("SELECT count(*) FROM segment"));
        Assert.Equal(0, database.Count("SELECT count(*) FROM import_file WHERE status = 'imported'"));

        var again = Monitor("pipeline", "run", "nightly", "--db", database.Url, "--pipelines", setup.Pipelines);

        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("1 earlier run was interrupted", again.Out);
        Assert.Equal(rows, database.Count("SELECT count(*) FROM segment"));
        Assert.Equal(1, database.Count("SELECT count(*) FROM import_file WHERE status = 'imported'"));
        Assert.Equal([$"{PipelineSetup.Today}_large.csv"], setup.ArchiveNames());
        Assert.Equal([RunStatus.Succeeded, RunStatus.Interrupted], setup.Runs().Select(r => r.Status));
    }

    [SkippableFact]
    public async Task TwoSchedulersOnOneStorageShareAHundredFilesAndRunEveryJobOnce()
    {
        var database = Database();
        // Ten pipelines, each with an inbox of ten files, all firing every second: two schedulers on two "machines".
        var pipelines = _folder.File("pipelines");
        Directory.CreateDirectory(pipelines);
        for (var p = 0; p < 10; p++)
        {
            Directory.CreateDirectory(_folder.File($"inbox{p}"));
            File.WriteAllText(Path.Combine(pipelines, $"p{p}.json"), $$"""
                { "name": "p{{p}}", "cron": "* * * * * *", "time_zone": "Europe/Amsterdam",
                  "inbox": { "folder": "../inbox{{p}}", "pattern": "*.csv", "settle_seconds": 0, "recheck_seconds": 0 },
                  "steps": [ { "step": "import" } ] }
                """);
        }

        using var a = ChildProcess.Start(KeyOnly, ["scheduler", "run", "--db", database.Url, "--pipelines", pipelines]);
        using var b = ChildProcess.Start(KeyOnly, ["scheduler", "run", "--db", database.Url, "--pipelines", pipelines]);
        var logs = new[] { a.StandardOutput.ReadToEndAsync(), b.StandardOutput.ReadToEndAsync() };
        var errors = new[] { a.StandardError.ReadToEndAsync(), b.StandardError.ReadToEndAsync() };
        try
        {
            // The files come once both schedulers are up: else the first to start may import all hundred alone.
            PipelineSetup.WaitUntil(() => Servers() >= 2, "both schedulers up", TimeSpan.FromMinutes(1));
            var bsns = Extracts.Bsns(100).GetEnumerator();
            for (var p = 0; p < 10; p++)
            for (var f = 0; f < 10; f++)
            {
                bsns.MoveNext();
                var path = Path.Combine(_folder.File($"inbox{p}"), $"p{p}-f{f}.csv");
                File.WriteAllText(path, Extracts.File(Extracts.Row(bsns.Current, "2020-01-01", "2020-03-01")));
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
            }
            PipelineSetup.WaitUntil(() => ImportedFiles() >= 100,
                "the hundred files imported", TimeSpan.FromMinutes(3));
        }
        finally
        {
            foreach (var child in new[] { a, b }) Process.Start("kill", ["-TERM", child.Id.ToString()])!.WaitForExit();
            foreach (var child in new[] { a, b }) if (!child.WaitForExit(60_000)) child.Kill(entireProcessTree: true);
        }
        var printed = string.Concat(await Task.WhenAll(logs)) + string.Concat(await Task.WhenAll(errors));
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, printed);

        long Servers()
        {
            try
            {
                return database.Count("SELECT count(*) FROM hangfire.server");
            }
            catch (Npgsql.PostgresException)
            {
                return 0; // Hangfire's tables are not there yet
            }
        }

        long ImportedFiles()
        {
            try
            {
                return database.Count("SELECT count(*) FROM pipeline_file WHERE outcome = 'imported'");
            }
            catch (Npgsql.PostgresException)
            {
                return 0; // the schedulers have not migrated the new store yet
            }
        }

        using var connection = database.Connect();
        Assert.Equal(100, connection.ExecuteScalar<long>("SELECT count(*) FROM pipeline_file WHERE outcome = 'imported'"));
        Assert.Equal(100, connection.ExecuteScalar<long>("SELECT count(*) FROM import_file WHERE status = 'imported'"));
        Assert.Equal(100, connection.ExecuteScalar<long>("SELECT count(DISTINCT sha256) FROM import_file WHERE status = 'imported'"));
        Assert.Equal(100, connection.ExecuteScalar<long>("SELECT count(*) FROM segment"));
        // Each Hangfire job was processed once, each fire time ran once, and both schedulers worked.
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM (SELECT jobid FROM hangfire.state WHERE name = 'Processing' GROUP BY jobid HAVING count(*) > 1) twice"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM (SELECT 1 FROM pipeline_run GROUP BY pipeline, scheduled_for HAVING count(*) > 1) twice"));
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT count(DISTINCT CAST(data AS jsonb) ->> 'ServerId') FROM hangfire.state WHERE name = 'Processing'"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM pipeline_run WHERE status NOT IN ('succeeded', 'cancelled')"));
        foreach (var p in Enumerable.Range(0, 10)) Assert.Empty(Directory.GetFiles(_folder.File($"inbox{p}")));
        Assert.DoesNotContain(PostgresServer.Password, printed);

        // Any worker's dashboard (and `monitor jobs`) reads the same runs: all of them.
        var jobs = Monitor("jobs", "--db", database.Url, "--limit", "1000", "--json", "-");
        Assert.Equal(connection.ExecuteScalar<long>("SELECT count(*) FROM pipeline_run"),
            System.Text.Json.JsonDocument.Parse(jobs.Out).RootElement.GetProperty("runs").GetArrayLength());
    }

    [SkippableFact]
    public void AServerThatIsDownOrRefusesThePasswordIsExit2AndThePasswordIsNeverShown()
    {
        var database = Database();
        _folder.Write("rijm.csv", Extracts.File(Extracts.Row(Extracts.Bsns(3).First(), "2020-01-01", null)));
        var location = StoreLocation.Parse(database.Url);
        var shown = location.Display;
        Assert.DoesNotContain(PostgresServer.Password, shown);

        var wrong = $"postgresql://{Uri.EscapeDataString(location.Display.Split("://")[1].Split('@')[0])}:not-the-S3cret-pw@{location.Host}:{location.Port}/{location.Database}";
        var refused = Monitor("import", "rijm.csv", "--db", wrong);
        Assert.Equal(2, refused.Exit);
        Assert.StartsWith($"monitor: cannot reach the store {shown}: ", refused.Err);
        Assert.Contains("password authentication failed", refused.Err);
        Assert.DoesNotContain("not-the-S3cret-pw", refused.Out + refused.Err);

        var down = Monitor("imports", "--db", $"postgresql://someone:pw-of-a-server-that-is-down@127.0.0.1:1/{location.Database}");
        Assert.Equal(2, down.Exit);
        Assert.StartsWith($"monitor: cannot reach the store postgresql://someone@127.0.0.1:1/{location.Database}: ", down.Err);
        Assert.Single(down.Err.Trim().Split('\n'));
        Assert.DoesNotContain("pw-of-a-server-that-is-down", down.Out + down.Err);

        // The key of a server store comes from the environment only.
        var noKey = Monitor(new Dictionary<string, string> { ["MONITOR_PSEUDONYM_KEY"] = "" }, "import", "rijm.csv", "--db", database.Url);
        Assert.Equal(2, noKey.Exit);
        Assert.Equal("monitor: MONITOR_PSEUDONYM_KEY is not set: a store on a server takes its pseudonym key from the environment only (no key file), the same on every worker",
            noKey.Err.Trim());

        // A working store: what it prints, logs and records never holds the password either.
        Assert.Equal(0, Monitor("import", "rijm.csv", "--db", database.Url).Exit);
        var viaVariable = Monitor(new Dictionary<string, string> { ["MONITOR_PSEUDONYM_KEY"] = PostgresServer.Key, ["MONITOR_DB"] = database.Url }, "imports");
        Assert.Equal(0, viaVariable.Exit);
        Assert.Contains("rijm.csv", viaVariable.Out);
        Monitor("jobs", "health", "--db", database.Url, "--pipelines", _folder.Path);
        Monitor("measure", "--period", "2020", "--as-of", "2020-12-31", "--db", database.Url);
        Monitor("quarantine", "--db", database.Url);
        Assert.DoesNotContain(PostgresServer.Password, _everythingPrinted.ToString());
        using var connection = database.Connect();
        var recorded = string.Concat(connection.Query<string?>("SELECT concat_ws('|', file_name, reason) FROM import_file"));
        Assert.DoesNotContain(PostgresServer.Password, recorded);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "postgresql:")), "no key file or other side file named after the URL");
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.key", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public void ADatabaseOfAnotherProductOrOfANewerSchemaIsExit2SayingWhich()
    {
        var foreign = Database();
        using (var connection = foreign.Connect()) connection.Execute("CREATE TABLE invoices (id int)");
        var other = Monitor("imports", "--db", foreign.Url);
        Assert.Equal(2, other.Exit);
        Assert.Contains("holds tables of another product (invoices)", other.Err);

        var newer = Database();
        _folder.Write("rijm.csv", Extracts.File(Extracts.Row(Extracts.Bsns(4).First(), "2020-01-01", null)));
        Assert.Equal(0, Monitor("import", "rijm.csv", "--db", newer.Url).Exit);
        using (var connection = newer.Connect()) connection.Execute("INSERT INTO schema_migration (version, name, applied_at) VALUES (99, '0099_future.sql', 'x')");
        var result = Monitor("imports", "--db", newer.Url);
        Assert.Equal(2, result.Exit);
        Assert.Contains("has schema version 99, newer than this monitor knows", result.Err);

        var empty = Database();
        var none = Monitor("imports", "--db", empty.Url);
        Assert.Equal(2, none.Exit);
        Assert.Contains("no store at", none.Err);
    }
}
