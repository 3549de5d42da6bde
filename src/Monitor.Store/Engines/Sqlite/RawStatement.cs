using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitor.Store;

/// <summary>
/// A prepared statement on the connection's own SQLite handle, bound by position. Used only on the
/// import's hot path: binding through ADO.NET parameters costs more than SQLite's own work (measured:
/// 230,000 against 360,000 rows per second for the segment insert). It runs inside whatever transaction
/// the connection has open.
/// </summary>
/// <summary>UTF-8 bytes for a bind, pinned (never moved by the collector) or not.</summary>
internal readonly record struct PinnedUtf8(byte[] Bytes, bool Pinned)
{
    public static PinnedUtf8 Of(string text)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(System.Text.Encoding.UTF8.GetByteCount(text), pinned: true);
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return new PinnedUtf8(bytes, true);
    }
}

internal sealed class RawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    // The native statement for NativeSqlite's binds; the SafeHandle is held (AddRef) until Dispose.
    private readonly IntPtr _native;
    private readonly bool _held;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
        if (NativeSqlite.Available)
        {
            _statement.DangerousAddRef(ref _held);
            _native = _statement.DangerousGetHandle();
        }
    }

    public RawStatement Bind(int position, long value)
    {
        Check(_held ? NativeSqlite.BindInt64(_native, position, value) : raw.sqlite3_bind_int64(_statement, position, value));
        return this;
    }

    public RawStatement Bind(int position, long? value) => value is { } v ? Bind(position, v) : BindNull(position);

    public RawStatement Bind(int position, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, position) : raw.sqlite3_bind_text(_statement, position, value));
        return this;
    }

    /// <summary>Binds text already encoded as UTF-8: for values that repeat over millions of rows.</summary>
    public RawStatement BindUtf8(int position, byte[]? utf8)
    {
        if (utf8 is null) return BindNull(position);
        Check(_held ? NativeSqlite.BindText(_native, position, utf8) : raw.sqlite3_bind_text(_statement, position, (ReadOnlySpan<byte>)utf8));
        return this;
    }

    /// <summary>Binds repeated text kept in a pinned array that outlives the statement: SQLite then reads it
    /// where it is instead of copying it (a malloc and a lock per value).</summary>
    public RawStatement BindPinnedUtf8(int position, PinnedUtf8? utf8)
    {
        if (utf8 is not { } text) return BindNull(position);
        if (_held && text.Pinned) Check(NativeSqlite.BindPinnedText(_native, position, text.Bytes));
        else BindUtf8(position, text.Bytes);
        return this;
    }

    /// <summary>Binds bytes as a BLOB; SQLite copies them.</summary>
    public RawStatement BindBlob(int position, ReadOnlySpan<byte> bytes)
    {
        Check(raw.sqlite3_bind_blob(_statement, position, bytes));
        return this;
    }

    public RawStatement BindNull(int position)
    {
        Check(_held ? NativeSqlite.BindNull(_native, position) : raw.sqlite3_bind_null(_statement, position));
        return this;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE) Fail(result);
    }

    /// <summary>Steps a query: true while it is on a row. Call <see cref="Reset"/> when done.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW) return true;
        if (result != raw.SQLITE_DONE) Fail(result);
        return false;
    }

    public void Reset() => raw.sqlite3_reset(_statement);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();
    /// <summary>The column's bytes (UTF-8 for text) without a copy; valid until the next step.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose()
    {
        if (_held) _statement.DangerousRelease();
        raw.sqlite3_finalize(_statement);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK) Fail(result);
    }

    private void Fail(int result)
    {
        raw.sqlite3_reset(_statement);
        throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), result);
    }
}
