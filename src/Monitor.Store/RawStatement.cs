using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitor.Store;

/// <summary>
/// A prepared statement on the connection's own SQLite handle, bound by position. Used only on the
/// import's hot path: binding through ADO.NET parameters costs more than SQLite's own work (measured:
/// 230,000 against 360,000 rows per second for the segment insert). It runs inside whatever transaction
/// the connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    public RawStatement Bind(int position, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, position, value));
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
        Check(utf8 is null ? raw.sqlite3_bind_null(_statement, position) : raw.sqlite3_bind_text(_statement, position, (ReadOnlySpan<byte>)utf8));
        return this;
    }

    public RawStatement BindNull(int position)
    {
        Check(raw.sqlite3_bind_null(_statement, position));
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

    public void Dispose() => raw.sqlite3_finalize(_statement);

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
