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
            var e = Assert.Throws<StoreException>(() => importer.Import(file, new ImportOptions(LockWaitLimit: TimeSpan.FromSeconds(2))));
            Assert.Contains(_folder.Db, e.Message);
            Assert.Contains("held its write lock for longer than 2 seconds", e.Message);
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

    [Fact]
    public async Task AnImportWaitsForAnotherImportsWriteLockAndSaysForWhom()
    {
        // Issue 16: an import waiting more than 30 s for another's write lock failed with "database is locked";
        // with large nightly files that is a normal wait. It now waits, says so, and then imports.
        var file = _folder.Write("x.csv", Extracts.File(Extracts.Row(Extracts.Bsns(3).First(), "2020-01-01", null)));
        using (MonitorStore.Open(_folder.Db)) { }
        File.WriteAllText(_folder.Db + ".writer", "process 4242, importing nightly.csv since 02:30:00 UTC");
        using var other = new SqliteConnection($"Data Source={_folder.Db};Pooling=False");
        other.Open();
        using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            hold.ExecuteNonQuery();
        }
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        });

        var result = CommandLine.Run("import", file, "--db", _folder.Db);
        await release;
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("waiting for the store's write lock", result.Out);
        Assert.Contains("another import (process 4242, importing nightly.csv", result.Out);
        Assert.Contains("1 rows read, 1 accepted", result.Out);
        Assert.False(File.Exists(_folder.Db + ".writer"), "the note of who writes is removed after the import");
    }
}
