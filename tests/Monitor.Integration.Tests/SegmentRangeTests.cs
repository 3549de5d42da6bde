using System.Data.Common;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Privacy;
using Monitor.Ingest;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>
/// An import's segments are found by their id range in <c>import_file</c> (schema/0007_segment_ranges.sql), not by
/// an index on <c>segment.import_id</c>. A store made before that migration, on SQLite or PostgreSQL, gets the ranges of
/// its imports on open, and what went through the index still works: a full extract supersedes exactly its source's
/// earlier rows.
/// (The import property test checks every generated import's range on both engines.)
/// </summary>
public sealed class SegmentRangeTests : IDisposable
{
    private static readonly Pseudonymizer Keys = new(Encoding.UTF8.GetBytes("segment-range-test-0123456789abcdef"));
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(29).Take(4).ToArray();

    public void Dispose() => _folder.Dispose();

    private SqliteConnection Raw() => new($"Data Source={_folder.Db};Pooling=False");

    private void Import(string db, string name, string content, string? source = null, bool full = false)
    {
        using var store = MonitorStore.Open(db);
        var result = new Importer(store, Keys).Import(_folder.Write(name, content), new ImportOptions(Source: source, FullExtract: full));
        Assert.Equal(ImportStatus.Imported, result.Status);
    }

    private void Import(string name, string content, string? source = null, bool full = false) => Import(_folder.Db, name, content, source, full);

    [Fact]
    public void AStoreFromBeforeTheRangesGetsThemAndAFullExtractStillSupersedesExactlyItsSourcesRows() =>
        FromBeforeTheRanges(_folder.Db, Raw, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'segment_import'");

    [SkippableFact]
    public void OnPostgresAStoreFromBeforeTheRangesGetsThemAndAFullExtractStillSupersedesExactlyItsSourcesRows()
    {
        PostgresServer.Require();
        using var database = PostgresServer.CreateDatabase();
        FromBeforeTheRanges(database.Url, database.Connect, "SELECT indexname FROM pg_indexes WHERE indexname = 'segment_import'");
    }

    private void FromBeforeTheRanges(string db, Func<DbConnection> connect, string findIndex)
    {
        Import(db, "a1.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null), Extracts.Row(_bsns[1], "2020-02-01", "2020-02-29")), "a", full: true);
        Import(db, "b.csv", Extracts.File(Extracts.Row(_bsns[2], "2020-03-01", null), Extracts.Row(_bsns[3], "2020-04-01", null)), "b");
        Import(db, "a2.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-05-01", null)), "a");
        // Back to how a store looked before migration 7: the index on import_id, no ranges.
        using (var connection = connect())
        {
            connection.Execute("""
                ALTER TABLE import_file DROP COLUMN first_segment_id;
                ALTER TABLE import_file DROP COLUMN last_segment_id;
                CREATE INDEX segment_import ON segment (import_id);
                DELETE FROM schema_migration WHERE version = 7;
                """);
        }

        // Opening migrates: each import's range is the lowest and highest id of its rows, and the index is gone.
        Import(db, "a3.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", "2020-06-30"), Extracts.Row(_bsns[1], "2020-02-01", "2020-02-29")), "a", full: true);
        using (var connection = connect())
        {
            var ranges = connection.Query<(long Id, long? First, long? Last)>("SELECT id, first_segment_id, last_segment_id FROM import_file ORDER BY id").ToList();
            Assert.Equal([(1, 1, 2), (2, 3, 4), (3, 5, 5), (4, 6, 7)], ranges.Select(r => (r.Id, r.First, r.Last)).ToList<(long, long?, long?)>());
            Assert.Empty(connection.Query<string>(findIndex));
            // The full extract a3 supersedes a1 and a2 (source a), not b; its own rows stay in force.
            var superseded = connection.Query<(long Id, long? By)>("SELECT id, superseded_by FROM segment ORDER BY id").ToList();
            Assert.Equal([(1, 4), (2, 4), (3, null), (4, null), (5, 4), (6, null), (7, null)], superseded.Select(s => (s.Id, s.By)).ToList<(long, long?)>());
        }
    }

    [Fact]
    public void AnImportThatStoresNoSegmentHasNoRange()
    {
        var row = Extracts.Row(_bsns[0], "2020-01-01", null);
        Import("a.csv", Extracts.File(row));
        Import("b.csv", Extracts.File(row, row)); // the same row twice: both duplicates of a's
        using var connection = Raw();
        var ranges = connection.Query<(long? First, long? Last)>("SELECT first_segment_id, last_segment_id FROM import_file ORDER BY id").ToList();
        Assert.Equal([(1, 1), (null, null)], ranges.ToList<(long?, long?)>());
    }
}
