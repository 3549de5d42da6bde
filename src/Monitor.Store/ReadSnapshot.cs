using System.Data.Common;
using Dapper;

namespace Monitor.Store;

public sealed partial class MonitorStore
{
    /// <summary>The version (last import id, import count) the open snapshot sees; null outside one.</summary>
    private (long LastImport, long Imports)? _snapshot;

    internal (long LastImport, long Imports)? SnapshotVersion => _snapshot;

    /// <summary>
    /// Starts one read transaction for everything read from here until the snapshot is disposed: segments,
    /// reference data, the import log. A report's figures and its provenance table then describe the same
    /// imports even when an import commits meanwhile (issue 16: 3 of 17 reports mixed them). On SQLite a
    /// deferred transaction in WAL mode; on PostgreSQL a REPEATABLE READ READ ONLY transaction. Readers never
    /// block the import, and the import never blocks them.
    /// </summary>
    public IDisposable BeginSnapshot()
    {
        if (_snapshot is not null) throw new InvalidOperationException("a snapshot is open already");
        Engine.BeginSnapshotTransaction();
        _snapshot = Version(Connection); // the first read fixes what the transaction sees
        return new Snapshot(this);
    }

    /// <summary>Every import (also a rejected one) adds an <c>import_file</c> row in the transaction that
    /// changes segments, so two connections that see the same rows there see the same segments.</summary>
    internal static (long, long) Version(DbConnection connection) =>
        connection.QuerySingle<(long, long)>("SELECT coalesce(max(id), 0), count(*) FROM import_file");

    private sealed class Snapshot(MonitorStore store) : IDisposable
    {
        public void Dispose()
        {
            if (store._snapshot is null) return;
            store._snapshot = null;
            store.Engine.EndSnapshotTransaction();
        }
    }
}
