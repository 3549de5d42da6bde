using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitor.Store;

/// <summary>
/// Process-wide settings of the SQLite library, applied once before the first store opens. SQLite accepts them
/// only before it initialises itself; when something else opened a database first (Hangfire's storage in the
/// scheduler, say), they are left as they are, which only costs speed.
/// </summary>
internal static class LibraryOptions
{
    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1) return;
        RuntimeHelpers.RunClassConstructor(typeof(SqliteConnection).TypeHandle); // loads the library and sets its provider
        // No memory statistics: with them on (the library's default) every allocation and free inside SQLite takes a
        // process-wide lock, a few percent of an import's writer thread (docs/benchmarks.md). Nothing here reads them.
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
