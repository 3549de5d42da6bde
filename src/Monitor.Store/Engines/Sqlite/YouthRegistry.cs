using Microsoft.Data.Sqlite;

namespace Monitor.Store;

/// <summary>
/// The store's number for each youth key: found, or created with the next number. One per import
/// transaction; extracts list a youth's rows together, so the last key is remembered. The key is stored as
/// its 32 bytes, not its 64 hex characters (schema/0006_youth_key_binary.sql).
/// </summary>
internal sealed class YouthRegistry : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly RawStatement _find, _insert;
    private long _nextId;
    private string? _lastKey;
    private long _lastId;

    public YouthRegistry(SqliteConnection connection, long nextId)
    {
        _nextId = nextId;
        _connection = connection;
        _find = new RawStatement(connection, "SELECT id FROM youth WHERE youth_key = ?1");
        _insert = new RawStatement(connection, "INSERT INTO youth (id, youth_key) VALUES (?1, ?2) ON CONFLICT (youth_key) DO NOTHING");
    }

    /// <summary>The youth's number, and whether the youth is new in this import.</summary>
    public (long Id, bool IsNew) IdOf(string youthKey)
    {
        if (youthKey == _lastKey) return (_lastId, false);
        Span<byte> key = stackalloc byte[StoredYouthKey.Bytes];
        StoredYouthKey.ToBytes(youthKey, key);
        // Try the insert first: in a nightly extract most youths are new, and one statement beats two.
        _insert.Bind(1, _nextId).BindBlob(2, key).Execute();
        long id;
        var isNew = SQLitePCL.raw.sqlite3_changes(_connection.Handle) == 1;
        if (isNew)
        {
            id = _nextId++;
        }
        else
        {
            _find.BindBlob(1, key);
            _find.Step();
            id = _find.Int64(0);
            _find.Reset();
        }
        (_lastKey, _lastId) = (youthKey, id);
        return (id, isNew);
    }

    public void Dispose()
    {
        _find.Dispose();
        _insert.Dispose();
    }
}
