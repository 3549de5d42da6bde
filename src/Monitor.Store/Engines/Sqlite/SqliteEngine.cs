using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Domain;

namespace Monitor.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. One writer at a time (BEGIN IMMEDIATE, with a note beside the
/// file that says who writes), readers never blocked, the import's rows bound through SQLite's own API
/// (<see cref="RawStatement"/>), and a measurement's rows read by two connections side by side.
/// </summary>
internal sealed partial class SqliteEngine(MonitorStore store, string path, SqliteConnection connection, TimeSpan busyTimeout) : Engine
{
    private readonly MonitorStore _store = store;
    private readonly string _path = path;
    private readonly SqliteConnection _connection = connection;
    private readonly TimeSpan _busyTimeout = busyTimeout;

    public override string SchemaFolder => "sqlite";

    /// <summary>The caches beside the file: <c>&lt;store&gt;.cache</c>. Deleting it is always safe.</summary>
    public override string CacheFolder => System.IO.Path.GetFullPath(_path) + ".cache";

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    public static MonitorStore Open(string path, TimeSpan? lockTimeout)
    {
        var wait = lockTimeout ?? MonitorStore.DefaultLockTimeout;
        // Microsoft.Data.Sqlite retries a busy statement itself until the command timeout (30 s by default):
        // a caller that sets its own wait gets both set to it, so that its retries are what waits longer.
        var commandTimeout = lockTimeout is null ? 30 : Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var full = System.IO.Path.GetFullPath(path);
        LibraryOptions.Apply();
        SqliteConnection? connection = null;
        try
        {
            if (System.IO.Path.GetDirectoryName(full) is { } directory) Directory.CreateDirectory(directory);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false, // a closed store releases its files at once (tests, the scheduler's moves)
                DefaultTimeout = commandTimeout,
            }.ToString());
            connection.Open();
            // The busy timeout first: switching a new file to WAL needs a lock another opener may hold.
            // WAL: readers never block the nightly import. FULL: a committed import survives a power cut.
            // 16 KB pages for a new store (an existing one keeps its own): a quarter of the write calls for the
            // millions of rows an import appends (docs/benchmarks.md).
            connection.Execute("PRAGMA busy_timeout = " + (long)wait.TotalMilliseconds + "; PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
            var store = new MonitorStore(StoreLocation.Parse(path), connection, s => new SqliteEngine(s, path, connection, wait));
            Migrations.Apply(store);
            return store;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw new StoreException($"cannot open the store {path}: {MonitorStore.Describe(e)}", e);
        }
        catch (StoreException)
        {
            connection?.Dispose(); // another product's file, or a newer schema (Migrations)
            throw;
        }
    }

    public override DbTransaction BeginMigration() => _connection.BeginTransaction(deferred: false);

    public override IReadOnlySet<string> TableNames() =>
        _connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToHashSet(StringComparer.Ordinal);

    /// <summary>SQLite's reason without its "SQLite Error n:" prefix.</summary>
    public override string Describe(Exception e) => DescribeError(e);

    public static string DescribeError(Exception e) =>
        e is SqliteException s ? s.Message.Replace("SQLite Error " + s.SqliteErrorCode + ": ", "") : e.Message;

    // BEGIN as plain SQL, not BeginTransaction: every query of the store then runs in it without each
    // one having to name the transaction.
    public override void BeginSnapshotTransaction() => _connection.Execute("BEGIN DEFERRED");

    public override void EndSnapshotTransaction() => _connection.Execute("COMMIT");

    public override ISegmentWriter CreateSegmentWriter(DbTransaction transaction, long importId, IReadOnlySet<long> supersededImports, bool cbsColumns)
    {
        _connection.Execute("PRAGMA cache_size = -65536", transaction: transaction); // 64 MB of pages keeps the indexes' hot part in memory
        var youths = new YouthRegistry(_connection, _connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) + 1 FROM youth", transaction: transaction));
        return new SegmentWriter(_connection, importId, supersededImports,
            nextSegmentId: _connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) + 1 FROM segment", transaction: transaction), youths, cbsColumns,
            careTypes: _connection.Query<long>("SELECT id FROM care_type", transaction: transaction));
    }

    /// <summary>Opens a second read connection for parallel reading; null when it cannot see the open
    /// snapshot's version (an import committed since the snapshot began): then the caller reads alone.</summary>
    private SqliteConnection? OpenReaderAtSnapshot()
    {
        var connection = OpenReader();
        if (_store.SnapshotVersion is not { } version) return connection;
        connection.Execute("BEGIN DEFERRED");
        if (MonitorStore.Version(connection) == version) return connection;
        connection.Dispose();
        return null;
    }

    /// <summary>The segments in force whose row id is above <paramref name="afterId"/>, in id order.</summary>
    public override Segment[] ReadSegments(long afterId)
    {
        var (low, high) = _connection.QuerySingle<(long?, long?)>("SELECT min(id), max(id) FROM segment WHERE id > @afterId", new { afterId });
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
                readers = [_connection];
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
                if (reader != _connection) reader?.Dispose();
        }
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(_path), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
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


    /// <summary>Sex, crisis flag and end reason of the segments in force of the given care types that start on
    /// or before <paramref name="asOf"/>: the rows the episodes are made of.</summary>
    public override SegmentAttributes ReadSegmentAttributes(IReadOnlyCollection<CareType> careTypes, DateOnly asOf)
    {
        using var connection = OpenReader();
        var types = string.Join(",", careTypes.Select(t => ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var count = connection.ExecuteScalar<int>(
            $"SELECT count(*) FROM segment WHERE superseded_by IS NULL AND care_type IN ({types}) AND start_date <= @AsOf",
            new { AsOf = DateCodec.ToInt(asOf) });
        var attributes = new SegmentAttributes.Builder(count);
        using var query = new RawStatement(connection, $"""
            SELECT id, coalesce(unicode(sex), 0), coalesce(started_as_crisis, -1), end_reason
            FROM segment WHERE superseded_by IS NULL AND care_type IN ({types}) AND start_date <= ?1 ORDER BY id
            """);
        query.Bind(1, DateCodec.ToInt(asOf));
        while (query.Step())
            attributes.Add(query.Int64(0), query.Int64(1), query.Int64(2), query.IsNull(3) ? null : query.Text(3));
        return attributes.Build();
    }

    /// <summary>
    /// The segments in force that start on or before <paramref name="asOf"/>, in id order, with their file
    /// and line, one at a time: the segment export streams millions of rows without holding them.
    /// </summary>
    public override IEnumerable<SegmentLineage> ReadSegmentLineage(DateOnly asOf)
    {
        using var connection = OpenReader();
        using var query = new RawStatement(connection, """
            SELECT id, import_id, line, youth_id, provider, municipality, care_type, care_code, product_code,
                   start_date, coalesce(end_date, 0), coalesce(amount, -1)
            FROM segment WHERE superseded_by IS NULL AND start_date <= ?1 ORDER BY id
            """);
        query.Bind(1, DateCodec.ToInt(asOf));
        // A few care and product codes repeat over millions of rows: decoded into a buffer and looked up, a
        // string is made once per distinct code, not once per row.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = new char[256];
        string Interned(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > chars.Length) return System.Text.Encoding.UTF8.GetString(utf8);
            var length = System.Text.Encoding.UTF8.GetChars(utf8, chars);
            if (!lookup.TryGetValue(chars.AsSpan(0, length), out var interned))
            {
                interned = new string(chars, 0, length);
                strings[interned] = interned;
            }
            return interned;
        }
        while (query.Step())
        {
            var end = query.Int64(10);
            var amount = query.Int64(11);
            yield return new SegmentLineage(
                Id: query.Int64(0),
                ImportId: query.Int64(1),
                Line: (int)query.Int64(2),
                YouthId: (int)query.Int64(3),
                Provider: (int)query.Int64(4),
                Municipality: (int)query.Int64(5),
                CareType: (CareType)query.Int64(6),
                CareCode: Interned(query.Bytes(7)),
                ProductCode: query.IsNull(8) ? null : Interned(query.Bytes(8)),
                Start: DateCodec.FromInt(query.Int64(9)),
                End: end == 0 ? null : DateCodec.FromInt(end),
                AmountTenThousandths: amount < 0 ? null : amount);
        }
    }
}
