using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Domain;

namespace Monitor.Store;

public sealed partial class MonitorStore
{
    /// <summary>
    /// Reads every segment in force into one array. The hot path of every measurement: a region's store
    /// holds millions of rows, so two readers (one per core; WAL lets readers run side by side) each fill
    /// their half of the array through SQLite's own API, and product codes are interned, since a handful
    /// of codes repeat over millions of rows. Inside a snapshot (<see cref="BeginSnapshot"/>) both readers
    /// see the snapshot's version, or the store's own connection reads alone.
    /// </summary>
    public Segment[] ReadSegments() => ReadSegments(afterId: 0);

    /// <summary>The segments in force whose row id is above <paramref name="afterId"/>, in id order.</summary>
    internal Segment[] ReadSegments(long afterId)
    {
        var (low, high) = Connection.QuerySingle<(long?, long?)>("SELECT min(id), max(id) FROM segment WHERE id > @afterId", new { afterId });
        if (low is null) return [];
        var middle = (low.Value + high!.Value) / 2;
        (long From, long To)[] ranges = [(low.Value, middle), (middle + 1, high.Value)];
        var readers = ranges.Select(_ => OpenReaderAtSnapshot()).ToArray();
        try
        {
            if (readers.Any(r => r is null))
            {
                // An import committed after the snapshot began: only the snapshot's own connection sees it.
                foreach (var reader in readers) reader?.Dispose();
                readers = [Connection];
                ranges = [(low.Value, high.Value)];
            }
            // Counting is a scan too: both halves at once, then one exact array for both readers to fill.
            var counts = new int[ranges.Length];
            Parallel.For(0, ranges.Length, part => counts[part] = readers[part]!.ExecuteScalar<int>(
                "SELECT count(*) FROM segment WHERE id BETWEEN @From AND @To AND superseded_by IS NULL",
                new { ranges[part].From, ranges[part].To }));
            var segments = new Segment[counts.Sum()];
            Parallel.For(0, ranges.Length, part =>
                ReadRange(readers[part]!, ranges[part].From, ranges[part].To, segments.AsSpan(part == 0 ? 0 : counts[0], counts[part])));
            return segments;
        }
        finally
        {
            foreach (var reader in readers)
                if (reader != Connection) reader?.Dispose();
        }
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(Path), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static void ReadRange(SqliteConnection connection, long from, long to, Span<Segment> into)
    {
        var productCodes = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // Codes are at most 64 characters since protocol version 2; a store from before may hold longer
        // ones, which must not make a measurement fail (issue 16), so the buffer grows when it has to.
        var chars = new char[256];
        // SQLite packs several numbers into one column: each column fetched is a call into native code, and
        // those calls, not SQLite's own work, were most of the cost. Missing ends and amounts come as -1.
        using var query = new RawStatement(connection, """
            SELECT id, youth_id,
                   start_date * 100000000 + coalesce(end_date, 0),
                   birth_date * 10000 + municipality,
                   provider * 16 + care_type,
                   coalesce(amount, -1),
                   product_code
            FROM segment WHERE id BETWEEN ?1 AND ?2 AND superseded_by IS NULL ORDER BY id
            """);
        query.Bind(1, from).Bind(2, to);
        var n = 0;
        while (query.Step())
        {
            if (n == into.Length) throw new StoreException("the store changed while it was being read: try again");
            var productCode = 0;
            var utf8 = query.Bytes(6);
            if (!utf8.IsEmpty)
            {
                if (utf8.Length > chars.Length) chars = new char[utf8.Length];
                var length = System.Text.Encoding.UTF8.GetChars(utf8, chars);
                if (!productCodes.TryGetValue(chars.AsSpan(0, length), out productCode))
                {
                    var code = new string(chars, 0, length);
                    productCodes[code] = productCode = ProductCodes.Intern(code);
                }
            }
            var dates = query.Int64(2);
            var birthAndMunicipality = query.Int64(3);
            var providerAndCare = query.Int64(4);
            var amount = query.Int64(5);
            into[n++] = Segment.FromStore(
                id: query.Int64(0),
                youthId: (int)query.Int64(1),
                birthDate: DateCodec.FromInt(birthAndMunicipality / 10_000),
                municipality: (int)(birthAndMunicipality % 10_000),
                provider: (int)(providerAndCare / 16),
                careType: (CareType)(providerAndCare % 16),
                productCode: productCode,
                start: DateCodec.FromInt(dates / 100_000_000),
                end: dates % 100_000_000 == 0 ? null : DateCodec.FromInt(dates % 100_000_000),
                amountTenThousandths: amount < 0 ? null : amount);
        }
        query.Reset();
        if (n != into.Length) throw new StoreException("the store changed while it was being read: try again");
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
