using Microsoft.Data.Sqlite;

namespace Monitor.Store;

/// <summary>
/// The store's number for each youth key: found, or created with the next number. One per import
/// transaction; extracts list a youth's rows together, so the last key is remembered.
/// </summary>
internal sealed class YouthRegistry : IDisposable
{
    private readonly RawStatement _find, _insert;
    private long _nextId;
    private string? _lastKey;
    private long _lastId;

    public YouthRegistry(SqliteConnection connection, long nextId)
    {
        _nextId = nextId;
        _find = new RawStatement(connection, "SELECT id FROM youth WHERE youth_key = ?1");
        _insert = new RawStatement(connection, "INSERT INTO youth (id, youth_key) VALUES (?1, ?2)");
    }

    /// <summary>The youth's number, and whether the youth is new in this import.</summary>
    public (long Id, bool IsNew) IdOf(string youthKey)
    {
        if (youthKey == _lastKey) return (_lastId, false);
        _find.Bind(1, youthKey);
        var found = _find.Step();
        var id = found ? _find.Int64(0) : _nextId++;
        _find.Reset();
        if (!found) _insert.Bind(1, id).Bind(2, youthKey).Execute();
        (_lastKey, _lastId) = (youthKey, id);
        return (id, !found);
    }

    public void Dispose()
    {
        _find.Dispose();
        _insert.Dispose();
    }
}
