using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Domain;

namespace Monitor.Store;

public sealed partial class MonitorStore
{
    /// <summary>
    /// Reads every segment in force into one array: the hot path of every measurement, read in each engine's
    /// fastest way (<see cref="SqliteEngine"/>: two readers side by side through SQLite's own API;
    /// <see cref="PostgresEngine"/>: one binary COPY streamed into the array). Inside a snapshot
    /// (<see cref="BeginSnapshot"/>) what is read is the snapshot's.
    /// </summary>
    public Segment[] ReadSegments() => ReadSegments(afterId: 0);

    /// <summary>The segments in force whose row id is above <paramref name="afterId"/>, in id order.</summary>
    internal Segment[] ReadSegments(long afterId) => Engine.ReadSegments(afterId);

    /// <summary>Where each segment came from: the file and line, for the researchers' exports.</summary>
    public IReadOnlyDictionary<long, (string File, int Line)> SegmentOrigins(IEnumerable<long> segmentIds)
    {
        var wanted = segmentIds.ToHashSet();
        var origins = new Dictionary<long, (string, int)>(wanted.Count);
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT s.id, f.file_name, s.line FROM segment s JOIN import_file f ON f.id = s.import_id WHERE s.superseded_by IS NULL";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (wanted.Contains(id)) origins[id] = (reader.GetString(1), (int)reader.GetInt64(2));
        }
        return origins;
    }

    /// <summary>The youth key of each store youth number, for exports that researchers link on.</summary>
    public IReadOnlyDictionary<int, string> YouthKeys(IEnumerable<int> youthIds)
    {
        var wanted = youthIds.ToHashSet();
        var keys = new Dictionary<int, string>(wanted.Count);
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT id, youth_key FROM youth";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = (int)reader.GetInt64(0);
            if (wanted.Contains(id)) keys[id] = StoredYouthKey.Read(reader, 1);
        }
        return keys;
    }

    /// <summary>The latest segment start in force: the data cannot have been read before it.</summary>
    public DateOnly? LatestStart()
    {
        var value = Connection.ExecuteScalar<long?>("SELECT max(start_date) FROM segment WHERE superseded_by IS NULL");
        return value is { } v ? DateCodec.FromInt(v) : null;
    }
}
