using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Privacy;
using Monitor.Ingest;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests.ImportModel;

/// <summary>
/// The whole import against a small model of PROTOCOL.md 3 (<see cref="Model"/>): seeded random extracts
/// in both formats and both delimiters, with duplicates planted at random distances from their originals,
/// bad rows, shuffled copies and full extracts (<see cref="Scenarios"/>). Per file it checks the counts,
/// which rows were stored, and for each duplicate the stored row (file and line) it points to. A failure
/// is shrunk to the smallest scenario that still fails, and printed so that it can be kept as a test.
/// </summary>
public sealed class ImportPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Seeds = 240;
    private static readonly Pseudonymizer Keys = new(Encoding.UTF8.GetBytes("property-test-key-0123456789"));

    [Fact]
    public void EveryGeneratedScenarioImportsAsTheModelSays()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        long rows = 0, files = 0;
        Parallel.For(0, Seeds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var scenario = Scenarios.Generate(seed);
            Interlocked.Add(ref rows, scenario.Sum(c => c.Files.Sum(f => (long)f.Rows.Count)));
            Interlocked.Add(ref files, scenario.Sum(c => (long)c.Files.Count));
            if (Check(scenario, seed) is null) return;
            var (smallest, failure) = Shrink(scenario, seed);
            failures.Add($"seed {seed}: {failure}\n{Describe(smallest, seed)}");
        });
        output.WriteLine($"{Seeds} seeds, {files} files, {rows} rows");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
        Assert.True(rows > Seeds * 200, $"the scenarios should hold hundreds of rows each ({rows} in all)");
    }

    /// <summary>The same property on PostgreSQL (server mode): its import writes by the batch, yet must store the same
    /// rows and point every duplicate at the same original. Fewer seeds: each gets a database of its own.</summary>
    [SkippableFact]
    public void EveryGeneratedScenarioImportsAsTheModelSaysOnPostgres()
    {
        PostgresServer.Require();
        var failures = new List<string>();
        for (var seed = 0; seed < 24; seed++)
            if (Check(Scenarios.Generate(seed), seed, onServer: true) is { } failure) failures.Add($"seed {seed}: {failure}");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
    }

    /// <summary>Shrunk from a failure of the property test before the fix of issue 9: a youth's row
    /// repeated on the next line pointed at an original still waiting in the writer's batch.</summary>
    [Fact]
    public void ARowRepeatedOnTheNextLineOfTheSameYouth()
    {
        var youth = new Youth(Extracts.Bsns(3).First(), null);
        var row = new RowSpec(youth, new DateOnly(2008, 5, 1), 193, 41000011, Monitor.Core.Domain.CareType.Verblijf, null,
            new DateOnly(2019, 3, 1), new DateOnly(2019, 9, 30), 1234.5m);
        var file = new FileSpec("f01-rijm.csv", Format.Rijm, ';', false, false, false, [row, row]);
        Assert.Null(Check([new CommandSpec([file])], 0));
    }

    /// <summary>Runs a scenario into a fresh store; null when every file matches the model, else what differs.</summary>
    internal static string? Check(IReadOnlyList<CommandSpec> scenario, int seed, bool onServer = false)
    {
        using var folder = new TestFolder();
        using var server = onServer ? PostgresServer.CreateDatabase() : null;
        using var store = MonitorStore.Open(server?.Url ?? folder.Db);
        var importer = new Importer(store, Keys);
        var model = new Model();
        using System.Data.Common.DbConnection db = server is not null ? server.Connect() : new SqliteConnection($"Data Source={folder.Db};Pooling=False;Mode=ReadOnly");
        if (server is null) db.Open();
        foreach (var (command, c) in scenario.Select((command, c) => (command, c)))
        {
            foreach (var file in command.Files)
            {
                var bytes = file.Bytes(seed * 31 + c);
                var path = folder.WriteBytes(file.Name, bytes);
                var expected = model.Import(file, Convert.ToHexStringLower(SHA256.HashData(bytes)));
                FileImportResult got;
                try
                {
                    got = importer.Import(path, new ImportOptions(Source: file.Source, FullExtract: file.Full));
                }
                catch (Exception e) when (e is StoreException or InvalidOperationException)
                {
                    return $"{file.Name}: {e.GetType().Name}: {e.Message}";
                }
                var counts = (got.Status, got.RowsRead, got.RowsAccepted, got.RowsRejected, got.RowsDuplicate);
                var want = (expected.Status, expected.Read, expected.Accepted, expected.Rejected, expected.Duplicate);
                if (counts != want) return $"{file.Name}: (status, read, accepted, rejected, duplicate) = {counts}, the model says {want}; reason: {got.Reason}";
                if (expected.Status != "imported") continue;

                var importId = db.ExecuteScalar<long>("SELECT id FROM import_file WHERE sha256 = @sha AND status = 'imported'", new { sha = got.Sha256 });
                var stored = db.Query<long>("SELECT line FROM segment WHERE import_id = @importId ORDER BY line", new { importId }).Select(l => (int)l).ToList();
                if (!stored.SequenceEqual(expected.StoredLines))
                    return $"{file.Name}: stored lines {string.Join(",", stored)}, the model says {string.Join(",", expected.StoredLines)}";
                // The import's segments are the ids of its range, and the range holds no other import's (schema/0007).
                var ids = db.Query<long>("SELECT id FROM segment WHERE import_id = @importId ORDER BY id", new { importId }).ToList();
                var range = db.QuerySingle<(long? First, long? Last)>("SELECT first_segment_id, last_segment_id FROM import_file WHERE id = @importId", new { importId });
                (long?, long?) wantRange = ids.Count == 0 ? (null, null) : (ids[0], ids[^1]);
                if (range != wantRange || (ids.Count > 0 && ids[^1] - ids[0] + 1 != ids.Count))
                    return $"{file.Name}: segment ids {string.Join(",", ids)}, the import's range {range}";
                var pointers = db.Query<(long Line, string File, long Of)>("""
                    SELECT d.line, f.file_name, s.line FROM duplicate_row d
                    JOIN segment s ON s.id = d.duplicate_of JOIN import_file f ON f.id = s.import_id
                    WHERE d.import_id = @importId
                    """, new { importId }).ToDictionary(p => (int)p.Line, p => (Path.GetFileName(p.File), (int)p.Of));
                foreach (var (line, of) in expected.DuplicateOf)
                    if (!pointers.TryGetValue(line, out var got2) || got2 != of)
                        return $"{file.Name}: line {line} is a duplicate of {of.File} line {of.Line}, the store says {(pointers.TryGetValue(line, out var g) ? $"{g.Item1} line {g.Item2}" : "nothing")}";
                if (pointers.Count != expected.DuplicateOf.Count) return $"{file.Name}: {pointers.Count} duplicate records, the model says {expected.DuplicateOf.Count}";
            }
        }
        // Both engines import segments without per-row foreign-key checks (docs/decisions.md, "Store"): no orphan may be left.
        var violations = onServer ? (int)db.ExecuteScalar<long>(ImportForeignKeyTests.PostgresOrphans) : db.Query("PRAGMA foreign_key_check").Count();
        return violations == 0 ? null : $"{violations} foreign key violations";
    }

    /// <summary>Drops commands, files and rows while the scenario still fails: the smallest failing case.</summary>
    private static (IReadOnlyList<CommandSpec>, string) Shrink(IReadOnlyList<CommandSpec> scenario, int seed)
    {
        var failure = Check(scenario, seed)!;
        bool Try(IReadOnlyList<CommandSpec> candidate)
        {
            if (candidate.Count == 0 || candidate.Any(c => c.Files.Count == 0) || Check(candidate, seed) is not { } f) return false;
            (scenario, failure) = (candidate, f);
            return true;
        }

        for (var c = scenario.Count - 1; c >= 0; c--) Try([.. scenario.Where((_, i) => i != c)]);
        for (var c = 0; c < scenario.Count; c++)
            for (var f = scenario[c].Files.Count - 1; f >= 0; f--)
                Try(Replace(scenario, c, new CommandSpec([.. scenario[c].Files.Where((_, i) => i != f)])));
        for (var c = 0; c < scenario.Count; c++)
        {
            for (var f = 0; f < scenario[c].Files.Count; f++)
            {
                // Halve the chunk size down to single rows; keep every removal that still fails.
                for (var chunk = scenario[c].Files[f].Rows.Count / 2; chunk >= 1; chunk /= 2)
                {
                    for (var start = 0; start < scenario[c].Files[f].Rows.Count;)
                    {
                        var file = scenario[c].Files[f];
                        var rows = file.Rows.Where((_, i) => i < start || i >= start + chunk).ToList();
                        var files = scenario[c].Files.Select((x, i) => i == f ? file with { Rows = rows } : x).ToList();
                        if (!Try(Replace(scenario, c, new CommandSpec(files)))) start += chunk;
                    }
                }
            }
        }
        return (scenario, failure);
    }

    private static IReadOnlyList<CommandSpec> Replace(IReadOnlyList<CommandSpec> scenario, int index, CommandSpec command) =>
        [.. scenario.Select((c, i) => i == index ? command : c)];

    private static string Describe(IReadOnlyList<CommandSpec> scenario, int seed) =>
        string.Join("\n", scenario.Select((command, c) => $"command {c + 1}:\n" + string.Join("\n", command.Files.Select(file =>
            $"--- {file.Name}{(file.Source is null ? "" : $" --source {file.Source}")}{(file.Full ? " --full" : "")}\n" +
            Encoding.UTF8.GetString(file.Bytes(seed * 31 + c)).TrimStart('\uFEFF')))));
}
