using Microsoft.Data.Sqlite;
using Monitor.Ingest;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>A store that cannot be written (here: another process holds its write lock for too long) is a
/// clear error naming the store, and the file is not half-imported.</summary>
public sealed class StoreLockTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AnImportThatCannotWriteTheStoreNamesItAndStoresNothing()
    {
        var file = _folder.Write("x.csv", Extracts.File(Extracts.Row(Extracts.Bsns(3).First(), "2020-01-01", null)));
        using (MonitorStore.Open(_folder.Db)) { } // created and migrated

        using var other = new SqliteConnection($"Data Source={_folder.Db};Pooling=False");
        other.Open();
        using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN EXCLUSIVE";
            hold.ExecuteNonQuery();
        }

        using (var store = MonitorStore.Open(_folder.Db, TimeSpan.FromSeconds(1)))
        {
            var importer = new Importer(store, PseudonymKeys.ForStore(_folder.Db));
            var e = Assert.Throws<StoreException>(() => importer.Import(file, new ImportOptions()));
            Assert.Contains(_folder.Db, e.Message);
            Assert.Contains("locked", e.Message);
        }

        using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
        using (var count = other.CreateCommand())
        {
            count.CommandText = "SELECT (SELECT count(*) FROM segment) + (SELECT count(*) FROM import_file)";
            Assert.Equal(0L, count.ExecuteScalar());
        }
    }
}
