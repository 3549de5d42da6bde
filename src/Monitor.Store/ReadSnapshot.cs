using Dapper;
using Microsoft.Data.Sqlite;

namespace Monitor.Store;

public sealed partial class MonitorStore
{
    /// <summary>The version (last import id, import count) the open snapshot sees; null outside one.</summary>
    private (long LastImport, long Imports)? _snapshot;

    /// <summary>
    /// Starts one read transaction for everything read from here until the snapshot is disposed: segments,
    /// reference data, the import log. A report's figures and its provenance table then describe the same
    /// imports even when an import commits meanwhile (issue 16: 3 of 17 reports mixed them). Readers never
    /// block the import in WAL mode, and the import never blocks them.
    /// </summary>
    public IDisposable BeginSnapshot()
    {
        if (_snapshot is not null) throw new InvalidOperationException("a snapshot is open already");
        // BEGIN as plain SQL, not BeginTransaction: every query of the store then runs in it without each
        // one having to name the transaction.
        Connection.Execute("BEGIN DEFERRED");
        _snapshot = Version(Connection); // the first read fixes what the transaction sees
        return new Snapshot(this);
    }

    /// <summary>Every import (also a rejected one) adds an <c>import_file</c> row in the transaction that
    /// changes segments, so two connections that see the same rows there see the same segments.</summary>
    private static (long, long) Version(SqliteConnection connection) =>
        connection.QuerySingle<(long, long)>("SELECT coalesce(max(id), 0), count(*) FROM import_file");

    /// <summary>Opens a second read connection for parallel reading; null when it cannot see the open
    /// snapshot's version (an import committed since the snapshot began): then the caller reads alone.</summary>
    private SqliteConnection? OpenReaderAtSnapshot()
    {
        var connection = OpenReader();
        if (_snapshot is null) return connection;
        connection.Execute("BEGIN DEFERRED");
        if (Version(connection) == _snapshot.Value) return connection;
        connection.Dispose();
        return null;
    }

    private sealed class Snapshot(MonitorStore store) : IDisposable
    {
        public void Dispose()
        {
            if (store._snapshot is null) return;
            store._snapshot = null;
            store.Connection.Execute("COMMIT");
        }
    }
}
