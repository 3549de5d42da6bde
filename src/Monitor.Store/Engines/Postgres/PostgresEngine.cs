using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Monitor.Store;

/// <summary>
/// The store in a PostgreSQL database (server mode, issue 15). What it does differently from the file:
/// <list type="bullet">
/// <item>Imports take turns on a transaction-scoped advisory lock (<see cref="BeginWrite"/>): PostgreSQL lets many
/// write at once, but duplicate detection must see the rows of the import before, and the caches rely on import and
/// segment ids growing in the order imports commit. Who holds the lock is told by its <c>application_name</c>.</item>
/// <item>A snapshot is a REPEATABLE READ READ ONLY transaction; a second connection that reads for it (the
/// segments, the export's rows) imports the same snapshot (<c>pg_export_snapshot</c>).</item>
/// <item>Segment rows go in by binary COPY, a batch at a time (<see cref="PostgresSegmentWriter"/>), and come out by
/// one binary COPY streamed into the array (<see cref="ReadSegments"/>).</item>
/// <item>The caches live in the user's cache folder, one per server and database.</item>
/// </list>
/// </summary>
internal sealed partial class PostgresEngine(MonitorStore store, StoreLocation location, NpgsqlConnection connection) : Engine
{
    /// <summary>The first key of the store's advisory locks ("VM"); the second says which lock.</summary>
    internal const int LockSpace = 0x564D;
    private const int ImportLock = 1;
    private const int MigrationLock = 2;

    private readonly MonitorStore _store = store;
    private readonly StoreLocation _location = location;
    private readonly NpgsqlConnection _connection = connection;
    private NpgsqlTransaction? _snapshotTransaction;
    private string? _exportedSnapshot;

    public override string SchemaFolder => "postgresql";

    /// <exception cref="StoreException">The server cannot be reached, refuses the login, or the database is not a store
    /// of this product (or of a newer schema); without <paramref name="create"/>, a database without a store.</exception>
    public static MonitorStore Open(StoreLocation location, bool create)
    {
        var connection = new NpgsqlConnection(location.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException)
        {
            connection.Dispose();
            throw new StoreException($"cannot reach the store {location.Display}: {DescribeError(e)}");
        }
        try
        {
            var store = new MonitorStore(location, connection, s => new PostgresEngine(s, location, connection));
            if (!create && store.Engine.TableNames().Count == 0)
                throw new StoreException($"no store at {location.Display}: the database holds no Verblijfsmonitor tables (a command that writes, such as import, creates them)");
            Migrations.Apply(store);
            return store;
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw new StoreException($"cannot open the store {location.Display}: {DescribeError(e)}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>PostgreSQL's own sentence (never its detail, which may quote a value), or the connection's failure and
    /// its cause ("Failed to connect to 127.0.0.1:5432: Connection refused"). Npgsql never puts the password in either.</summary>
    public static string DescribeError(Exception e)
    {
        if (e is PostgresException p) return p.MessageText;
        var text = e.Message.TrimEnd('.');
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner.Message.Length > 0 && !text.Contains(inner.Message, StringComparison.Ordinal)) text += ": " + inner.Message.TrimEnd('.');
        return text;
    }

    public override string Describe(Exception e) => DescribeError(e);

    public override DbTransaction BeginMigration()
    {
        var transaction = _connection.BeginTransaction();
        _connection.Execute("SELECT pg_advisory_xact_lock(@LockSpace, @MigrationLock)", new { LockSpace, MigrationLock }, transaction);
        return transaction;
    }

    public override IReadOnlySet<string> TableNames() =>
        _connection.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Takes the import lock: a transaction-scoped advisory lock, tried about four times a second so that the waiter
    /// hears of progress (and who holds it) about once a second. It ends with the transaction, also when the process
    /// holding it is killed (the server drops its connection).
    /// </summary>
    public override DbTransaction BeginWrite(LockWait wait, bool parentsGuaranteed = false)
    {
        var started = Stopwatch.GetTimestamp();
        var transaction = _connection.BeginTransaction(IsolationLevel.ReadCommitted);
        try
        {
            var told = TimeSpan.Zero;
            while (!_connection.ExecuteScalar<bool>("SELECT pg_try_advisory_xact_lock(@LockSpace, @ImportLock)", new { LockSpace, ImportLock }, transaction))
            {
                var waited = Stopwatch.GetElapsedTime(started);
                if (waited >= wait.Limit)
                    throw new StoreException($"cannot write the store {_location.Display}: {WriterDescription()} held its import lock for longer than {LockWait.Minutes(wait.Limit)} (lock_wait_seconds in the settings)");
                if (waited - told >= TimeSpan.FromSeconds(1))
                {
                    told = waited;
                    wait.Waiting?.Invoke(WriterDescription(), waited);
                }
                Thread.Sleep(250);
            }
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>Names the import in this connection's <c>application_name</c> for the rest of the transaction: a waiter
    /// reads it from <c>pg_stat_activity</c> (<see cref="WriterDescription"/>).</summary>
    public override void NoteWriter(string file)
    {
        var note = $"monitor: importing {System.IO.Path.GetFileName(file)}, process {Environment.ProcessId} on {Environment.MachineName}";
        _connection.Execute("SELECT set_config('application_name', @note, true)", new { note = note.Length > 63 ? note[..63] : note });
    }

    public override void ClearWriterNote()
    {
        // set_config(..., true) ended with the transaction.
    }

    private string WriterDescription()
    {
        var holder = _connection.QueryFirstOrDefault<(string? Application, int Pid)?>("""
            SELECT a.application_name, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = @LockSpace AND l.objid = @ImportLock AND l.objsubid = 2
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, new { LockSpace, ImportLock });
        return holder is { } h ? $"another import ({(string.IsNullOrEmpty(h.Application) ? "a connection" : h.Application)}, server process {h.Pid})" : "another import";
    }

    public override void BeginSnapshotTransaction()
    {
        _snapshotTransaction = _connection.BeginTransaction(IsolationLevel.RepeatableRead);
        _connection.Execute("SET TRANSACTION READ ONLY", transaction: _snapshotTransaction);
    }

    public override void EndSnapshotTransaction()
    {
        _exportedSnapshot = null;
        var transaction = _snapshotTransaction;
        _snapshotTransaction = null;
        transaction?.Commit();
        transaction?.Dispose();
    }

    /// <summary>
    /// A second connection that reads what the store's connection reads: inside a snapshot, the same snapshot
    /// (exported once); outside one, a REPEATABLE READ READ ONLY transaction of its own, so that a count and the rows
    /// after it agree. Disposing it ends the transaction.
    /// </summary>
    internal NpgsqlConnection OpenReader()
    {
        if (_snapshotTransaction is not null) _exportedSnapshot ??= _connection.ExecuteScalar<string>("SELECT pg_export_snapshot()");
        var reader = new NpgsqlConnection(_location.ConnectionString);
        try
        {
            reader.Open();
            reader.Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            if (_exportedSnapshot is { } snapshot) reader.Execute($"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''")}'");
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>One folder per server and database in the user's cache folder (<c>$XDG_CACHE_HOME</c>, else
    /// <c>~/.cache</c>): <c>verblijfsmonitor/postgresql/HOST-PORT-DATABASE</c>. The caches are checked against the
    /// store's version before use (<c>Caching/</c>), so another database of the same name never passes for this one.</summary>
    public override string CacheFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            var name = string.Concat($"{_location.Host}-{_location.Port}-{_location.Database}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
            return System.IO.Path.Combine(root, "verblijfsmonitor", "postgresql", name);
        }
    }

    public override ISegmentWriter CreateSegmentWriter(DbTransaction transaction, long importId, IReadOnlySet<long> supersededImports, bool cbsColumns) =>
        new PostgresSegmentWriter(_connection, importId, supersededImports, cbsColumns,
            nextSegmentId: _connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) + 1 FROM segment", transaction: transaction),
            nextYouthId: _connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) + 1 FROM youth", transaction: transaction),
            careTypes: _connection.Query<long>("SELECT id FROM care_type", transaction: transaction));
}
