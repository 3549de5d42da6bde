using Dapper;
using Monitor.Core.Domain;

namespace Monitor.Store;

public sealed partial class MonitorStore
{
    /// <summary>
    /// Reads every segment in force. Read with a plain data reader, not Dapper: a region's store holds
    /// millions of rows and this is the hot path of every measurement. Product codes are interned, since
    /// a handful of codes repeat over millions of rows.
    /// </summary>
    public Segment[] ReadSegments()
    {
        var count = (int)CountSegments();
        var segments = new List<Segment>(count);
        var productCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = Connection.CreateCommand();
        command.CommandText = """
            SELECT id, youth_id, birth_date, municipality, provider, care_type, product_code, start_date, end_date, amount
            FROM segment WHERE superseded_by IS NULL
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? productCode = null;
            if (!reader.IsDBNull(6))
            {
                var code = reader.GetString(6);
                if (!productCodes.TryGetValue(code, out productCode)) productCodes[code] = productCode = code;
            }
            segments.Add(new Segment(
                id: reader.GetInt64(0),
                youthId: (int)reader.GetInt64(1),
                birthDate: DateCodec.FromInt(reader.GetInt64(2)),
                municipality: (int)reader.GetInt64(3),
                provider: (int)reader.GetInt64(4),
                careType: (CareType)reader.GetInt64(5),
                productCode: productCode,
                start: DateCodec.FromInt(reader.GetInt64(7)),
                end: reader.IsDBNull(8) ? null : DateCodec.FromInt(reader.GetInt64(8)),
                amount: reader.IsDBNull(9) ? null : DateCodec.FromTenThousandths(reader.GetInt64(9))));
        }
        return segments.ToArray();
    }

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
            if (wanted.Contains(id)) keys[id] = reader.GetString(1);
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
