using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Privacy;
using Monitor.Ingest;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>
/// The SQLite store keeps a youth key as its 32 bytes (schema/0006_youth_key_binary.sql) and gives it back as the
/// 64 hex characters everywhere it leaves the store. A store made before that migration keeps working: its keys
/// are turned into bytes on open, and a later import finds its youths again instead of making new ones.
/// </summary>
public sealed class YouthKeyStorageTests : IDisposable
{
    private static readonly Pseudonymizer Keys = new(Encoding.UTF8.GetBytes("youth-key-storage-test-0123456789"));
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(23).Take(3).ToArray();

    public void Dispose() => _folder.Dispose();

    private SqliteConnection Raw() => new($"Data Source={_folder.Db};Pooling=False");

    [Fact]
    public void KeysAreStoredAsBytesAndReadBackAsTheirHexText()
    {
        using (var store = MonitorStore.Open(_folder.Db))
        {
            var file = _folder.Write("a.csv", Extracts.File(_bsns.Select(b => Extracts.Row(b, "2020-01-01", null)).ToArray()));
            Assert.Equal(ImportStatus.Imported, new Importer(store, Keys).Import(file, new ImportOptions()).Status);
            var expected = _bsns.Select(b => Keys.ForBsn(b)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, store.AllYouthKeys().OfType<string>().Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(expected, store.YouthKeys([1, 2, 3]).Values.Order(StringComparer.Ordinal).ToArray());
        }
        using var connection = Raw();
        Assert.Equal(["blob"], connection.Query<string>("SELECT DISTINCT typeof(youth_key) FROM youth"));
        Assert.Equal([32L], connection.Query<long>("SELECT DISTINCT length(youth_key) FROM youth"));
    }

    [Fact]
    public void AStoreWithTextKeysIsMigratedAndItsYouthsAreFoundAgain()
    {
        var first = _folder.Write("a.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", "2020-06-30"), Extracts.Row(_bsns[1], "2020-01-01", null)));
        using (var store = MonitorStore.Open(_folder.Db))
            Assert.Equal(ImportStatus.Imported, new Importer(store, Keys).Import(first, new ImportOptions()).Status);
        // Back to how a store looked before migration 6: keys as hex text, the migration not applied.
        using (var connection = Raw())
        {
            connection.Execute("UPDATE youth SET youth_key = lower(hex(youth_key)); DELETE FROM schema_migration WHERE version = 6");
            Assert.Equal(["text"], connection.Query<string>("SELECT DISTINCT typeof(youth_key) FROM youth"));
        }

        var second = _folder.Write("b.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-06-30"), // the same row: a duplicate, so its youth was found
            Extracts.Row(_bsns[1], "2021-01-01", null),
            Extracts.Row(_bsns[2], "2021-01-01", null)));
        using (var store = MonitorStore.Open(_folder.Db))
        {
            var result = new Importer(store, Keys).Import(second, new ImportOptions());
            Assert.Equal((2, 1), (result.RowsAccepted, result.RowsDuplicate));
            Assert.Equal(_bsns.Select(b => Keys.ForBsn(b)).Order(StringComparer.Ordinal), store.AllYouthKeys().OfType<string>().Order(StringComparer.Ordinal));
        }
        using (var connection = Raw())
        {
            Assert.Equal(3, connection.ExecuteScalar<long>("SELECT count(*) FROM youth"));
            Assert.Equal(["blob"], connection.Query<string>("SELECT DISTINCT typeof(youth_key) FROM youth"));
        }
    }
}
