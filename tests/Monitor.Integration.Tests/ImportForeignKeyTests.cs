using System.Data.Common;
using System.Reflection;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Privacy;
using Monitor.Ingest;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>
/// A segment file's import runs without per-row foreign-key lookups (SQLite's pragma off; PostgreSQL's segment table
/// has none): the importer guarantees the parents itself (docs/decisions.md, "Store"). These tests hold it to that on
/// both engines: no orphan row after any kind of import (the import property test checks after every one of its
/// scenarios too), a care type the store does not hold is refused by the writer, and on SQLite the connection checks
/// foreign keys again after every import, whatever became of it.
/// </summary>
public sealed class ImportForeignKeyTests : IDisposable
{
    private static readonly Pseudonymizer Keys = new(Encoding.UTF8.GetBytes("foreign-key-test-key-0123456789"));
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(11).Take(6).ToArray();

    public void Dispose() => _folder.Dispose();

    private static long ForeignKeysOn(MonitorStore store)
    {
        var connection = (DbConnection)typeof(MonitorStore).GetProperty("Connection", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(store)!;
        return connection.ExecuteScalar<long>("PRAGMA foreign_keys");
    }

    private int Violations()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.Db};Pooling=False;Mode=ReadOnly");
        return connection.Query("PRAGMA foreign_key_check").Count();
    }

    /// <summary>Every kind of import into <paramref name="store"/>: rows stored, duplicates of the file and of the store,
    /// a refused row, the same file again, a strict refusal, a full extract and a reference file;
    /// <paramref name="check"/> after each.</summary>
    private void ImportEveryKind(MonitorStore store, Action check)
    {
        var importer = new Importer(store, Keys);
        var first = _folder.Write("a.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31"),
            Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31"), // a duplicate of the line before
            Extracts.Row(_bsns[1], "2020-02-01", "2020-01-31"), // refused: ends before it starts
            Extracts.Row(_bsns[2], "2020-01-01", null, care: "ambulant")));
        var second = _folder.Write("b.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31"), // a duplicate of a stored row
            Extracts.Row(_bsns[3], "2021-01-01", null)));
        var full = _folder.Write("c.csv", Extracts.File(Extracts.Row(_bsns[2], "2020-01-01", null, care: "ambulant")));
        var providers = _folder.Write("providers.csv", "agb_code;naam;sector\n41000011;Voorbeeld;JO\n");

        Assert.Equal(ImportStatus.Imported, importer.Import(first, new ImportOptions(Source: "s")).Status);
        check();
        Assert.Equal(ImportStatus.Imported, importer.Import(second, new ImportOptions(Source: "s")).Status);
        Assert.Equal(ImportStatus.AlreadyImported, importer.Import(second, new ImportOptions(Source: "s")).Status);
        check();
        Assert.Equal(ImportStatus.Rejected, importer.Import(_folder.Write("strict.csv", File.ReadAllText(first) + "\n"), new ImportOptions(Strict: true)).Status);
        check();
        Assert.Equal(ImportStatus.Imported, importer.Import(full, new ImportOptions(Source: "s", FullExtract: true)).Status);
        Assert.Equal(ImportStatus.Imported, importer.Import(providers, new ImportOptions()).Status);
        check();
    }

    /// <summary>Imports a file with a row of the care type 'ambulant', which the store's care_type table no longer holds.</summary>
    private void AssertTheFileWithAnUnheldCareTypeIsRefused(MonitorStore store)
    {
        var file = _folder.Write("a.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31"),
            Extracts.Row(_bsns[1], "2020-01-01", null, care: "ambulant")));
        var refused = Assert.Throws<InvalidOperationException>(() => new Importer(store, Keys).Import(file, new ImportOptions()));
        Assert.Contains("care_type", refused.Message);
    }

    [Fact]
    public void EveryKindOfImportLeavesNoOrphanAndTheConnectionCheckingForeignKeys()
    {
        using var store = MonitorStore.Open(_folder.Db);
        ImportEveryKind(store, () => Assert.Equal(1, ForeignKeysOn(store)));
        Assert.Equal(0, Violations());
    }

    /// <summary>Segment rows (PostgreSQL: its segment table has no foreign keys, schema/postgresql/0008) whose import, youth,
    /// care type or superseding import is not stored, plus any foreign key the table has again.</summary>
    internal const string PostgresOrphans = """
        SELECT (SELECT count(*) FROM segment s
                WHERE NOT EXISTS (SELECT 1 FROM import_file f WHERE f.id = s.import_id)
                   OR NOT EXISTS (SELECT 1 FROM youth y WHERE y.id = s.youth_id)
                   OR NOT EXISTS (SELECT 1 FROM care_type c WHERE c.id = s.care_type)
                   OR (s.superseded_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_file f WHERE f.id = s.superseded_by)))
             + (SELECT count(*) FROM pg_constraint WHERE conrelid = 'segment'::regclass AND contype = 'f')
        """;

    [SkippableFact]
    public void OnPostgresEveryKindOfImportLeavesNoOrphanWithoutTheSegmentTablesForeignKeys()
    {
        PostgresServer.Require();
        using var server = PostgresServer.CreateDatabase();
        using var store = MonitorStore.Open(server.Url);
        ImportEveryKind(store, () => Assert.Equal(0, server.Count(PostgresOrphans)));
        Assert.Equal(4, server.Count("SELECT count(*) FROM segment")); // two of a.csv, one of b.csv, the full extract's
        Assert.True(server.Count("SELECT count(*) FROM segment WHERE superseded_by IS NOT NULL") > 0);
    }

    [SkippableFact]
    public void OnPostgresACareTypeTheStoreDoesNotHoldIsRefusedByTheWriterAndNothingIsStored()
    {
        PostgresServer.Require();
        using var server = PostgresServer.CreateDatabase();
        using var store = MonitorStore.Open(server.Url);
        using (var connection = server.Connect()) connection.Execute("DELETE FROM care_type WHERE word = 'ambulant'");
        AssertTheFileWithAnUnheldCareTypeIsRefused(store);
        Assert.Equal(0, server.Count("SELECT count(*) FROM segment"));
        Assert.Equal(0, server.Count("SELECT count(*) FROM youth"));
        Assert.Equal(0, server.Count(PostgresOrphans));
    }

    [Fact]
    public void ACareTypeTheStoreDoesNotHoldIsRefusedByTheWriterAndNothingIsStored()
    {
        using var store = MonitorStore.Open(_folder.Db);
        using (var connection = new SqliteConnection($"Data Source={_folder.Db};Pooling=False"))
            connection.Execute("DELETE FROM care_type WHERE word = 'ambulant'"); // no row refers to it yet
        AssertTheFileWithAnUnheldCareTypeIsRefused(store);
        Assert.Equal(1, ForeignKeysOn(store));
        Assert.Equal(0, Violations());
        using var check = new SqliteConnection($"Data Source={_folder.Db};Pooling=False;Mode=ReadOnly");
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM segment"));
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM youth"));
    }
}
