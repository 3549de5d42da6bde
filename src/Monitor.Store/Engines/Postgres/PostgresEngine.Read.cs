using System.Globalization;
using Dapper;
using Monitor.Core.Domain;
using Npgsql;

namespace Monitor.Store;

internal sealed partial class PostgresEngine
{
    /// <summary>
    /// The segments in force above <paramref name="afterId"/>: counted, then streamed by one binary COPY straight into
    /// an array of exactly that size, on a reader connection of the snapshot (<see cref="OpenReader"/>). Nothing is
    /// held but the array: no result set is buffered, on the server or here.
    /// </summary>
    public override Segment[] ReadSegments(long afterId)
    {
        using var reader = OpenReader();
        var count = reader.ExecuteScalar<long>("SELECT count(*) FROM segment WHERE id > @afterId AND superseded_by IS NULL", new { afterId });
        var segments = new Segment[checked((int)count)];
        var productCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        // COPY takes no parameters: the one value is a number, written invariantly.
        using (var copy = reader.BeginBinaryExport($"""
            COPY (SELECT id, youth_id, start_date, end_date, birth_date, municipality, provider, care_type, amount, product_code
                  FROM segment WHERE id > {afterId.ToString(CultureInfo.InvariantCulture)} AND superseded_by IS NULL ORDER BY id)
            TO STDOUT (FORMAT BINARY)
            """))
        {
            while (copy.StartRow() != -1)
            {
                if (n == segments.Length) throw new StoreException("the store changed while it was being read: try again");
                var id = copy.Read<long>();
                var youthId = copy.Read<long>();
                var start = copy.Read<long>();
                long? end = NullableInt64(copy);
                var birth = copy.Read<long>();
                var municipality = copy.Read<long>();
                var provider = copy.Read<long>();
                var careType = copy.Read<long>();
                long? amount = NullableInt64(copy);
                var productCode = 0;
                if (copy.IsNull) copy.Skip();
                else
                {
                    var code = copy.Read<string>();
                    // As SQLite's reader: an empty code is no code.
                    if (code.Length > 0 && !productCodes.TryGetValue(code, out productCode)) productCodes[code] = productCode = ProductCodes.Intern(code);
                }
                segments[n++] = Segment.FromStore(id, (int)youthId, DateCodec.FromInt(birth), (int)municipality, (int)provider, (CareType)careType,
                    productCode, DateCodec.FromInt(start), end is { } e ? DateCodec.FromInt(e) : null, amount);
            }
        }
        if (n != segments.Length) throw new StoreException("the store changed while it was being read: try again");
        return segments;
    }

    private static long? NullableInt64(NpgsqlBinaryExporter copy)
    {
        if (!copy.IsNull) return copy.Read<long>();
        copy.Skip();
        return null;
    }

    public override SegmentAttributes ReadSegmentAttributes(IReadOnlyCollection<CareType> careTypes, DateOnly asOf)
    {
        using var reader = OpenReader();
        var types = careTypes.Select(t => (long)t).ToArray();
        var day = (long)DateCodec.ToInt(asOf);
        var count = reader.ExecuteScalar<int>(
            "SELECT count(*) FROM segment WHERE superseded_by IS NULL AND care_type = ANY(@types) AND start_date <= @day", new { types, day });
        var attributes = new SegmentAttributes.Builder(count);
        using var command = new NpgsqlCommand("""
            SELECT id, coalesce(ascii(sex), 0), coalesce(started_as_crisis, -1), end_reason
            FROM segment WHERE superseded_by IS NULL AND care_type = ANY(@types) AND start_date <= @day ORDER BY id
            """, reader);
        command.Parameters.AddWithValue("types", types);
        command.Parameters.AddWithValue("day", day);
        using var rows = command.ExecuteReader();
        while (rows.Read())
            attributes.Add(rows.GetInt64(0), rows.GetInt32(1), rows.GetInt64(2), rows.IsDBNull(3) ? null : rows.GetString(3));
        return attributes.Build();
    }

    public override IEnumerable<SegmentLineage> ReadSegmentLineage(DateOnly asOf)
    {
        using var reader = OpenReader();
        using var command = new NpgsqlCommand("""
            SELECT id, import_id, line, youth_id, provider, municipality, care_type, care_code, product_code,
                   start_date, coalesce(end_date, 0), coalesce(amount, -1)
            FROM segment WHERE superseded_by IS NULL AND start_date <= @day ORDER BY id
            """, reader);
        command.Parameters.AddWithValue("day", (long)DateCodec.ToInt(asOf));
        using var rows = command.ExecuteReader();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Interned(string text) => strings.TryGetValue(text, out var interned) ? interned : strings[text] = text;
        while (rows.Read())
        {
            var end = rows.GetInt64(10);
            var amount = rows.GetInt64(11);
            yield return new SegmentLineage(
                Id: rows.GetInt64(0),
                ImportId: rows.GetInt64(1),
                Line: (int)rows.GetInt64(2),
                YouthId: (int)rows.GetInt64(3),
                Provider: (int)rows.GetInt64(4),
                Municipality: (int)rows.GetInt64(5),
                CareType: (CareType)rows.GetInt64(6),
                CareCode: Interned(rows.GetString(7)),
                ProductCode: rows.IsDBNull(8) ? null : Interned(rows.GetString(8)),
                Start: DateCodec.FromInt(rows.GetInt64(9)),
                End: end == 0 ? null : DateCodec.FromInt(end),
                AmountTenThousandths: amount < 0 ? null : amount);
        }
    }
}
