using System.Globalization;
using Dapper;
using System.Data.Common;
using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;

namespace Monitor.Store;

/// <summary>
/// The store: an embedded SQLite file, or a PostgreSQL database in server mode (<see cref="StoreLocation"/>). Opening
/// it creates and migrates it when needed. All SQL is parameterised, and the same text on both engines except where
/// <see cref="Engine"/> says otherwise.
/// </summary>
public sealed partial class MonitorStore : IDisposable
{
    internal MonitorStore(StoreLocation location, DbConnection connection, Func<MonitorStore, Engine> engine)
    {
        Location = location;
        Path = location.Display;
        Connection = connection;
        Engine = engine(this);
    }

    /// <summary>The store as given (a file path), or its URL without the password: safe to print.</summary>
    public string Path { get; }

    public StoreLocation Location { get; }

    internal DbConnection Connection { get; }

    internal Engine Engine { get; }

    /// <summary>How long a statement waits for another connection's write lock before it fails.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>: a SQLite file, or
    /// a <c>postgresql://USER:PASSWORD@HOST:PORT/DATABASE</c> URL.</summary>
    /// <param name="path">The SQLite file, or the server's URL.</param>
    /// <param name="lockTimeout">How long a statement waits for another connection's write lock before it fails
    /// (default <see cref="DefaultLockTimeout"/>). The scheduled pipelines set it, and retry.</param>
    /// <exception cref="StoreException">The store cannot be opened or written: the message says where and why.</exception>
    public static MonitorStore Open(string path, TimeSpan? lockTimeout = null)
    {
        var location = StoreLocation.Parse(path);
        return location.IsServer ? PostgresEngine.Open(location, create: true) : SqliteEngine.Open(path, lockTimeout);
    }

    /// <summary>Opens the store at <paramref name="path"/> for a command that reads it: a store that does not exist
    /// is not created (a misspelt <c>--db</c> would otherwise answer "nothing yet" from a new, empty store).</summary>
    /// <exception cref="StoreException">There is no store at <paramref name="path"/>, or it cannot be opened.</exception>
    public static MonitorStore OpenExisting(string path, TimeSpan? lockTimeout = null)
    {
        var location = StoreLocation.Parse(path);
        if (location.IsServer) return PostgresEngine.Open(location, create: false);
        return File.Exists(path) ? Open(path, lockTimeout) : throw new StoreException($"no store at {path} (--db PATH, or $MONITOR_DB)");
    }

    /// <summary>The engine's reason for a failure, without its codes and prefixes (and never a password).</summary>
    public static string Describe(Exception e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException => SqliteEngine.DescribeError(e),
        Npgsql.NpgsqlException => PostgresEngine.DescribeError(e),
        _ => e.Message,
    };

    /// <summary>Whether another try may succeed: the store busy or locked, a connection that dropped, a
    /// serialisation failure. Not a constraint, a bad value or a missing table.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        Npgsql.PostgresException p => p.IsTransient || p.SqlState is "55P03" or "57P01" or "57P03",
        Npgsql.NpgsqlException n => n.IsTransient,
        _ => false,
    };

    public void Dispose() => Connection.Dispose();

    /// <summary>The successful import of these bytes, if any.</summary>
    public ImportRecord? FindImported(string sha256) => FindImported(sha256, null);

    internal ImportRecord? FindImported(string sha256, DbTransaction? transaction) =>
        Connection.QuerySingleOrDefault<ImportRow>(
            $"SELECT {ImportRow.Columns} FROM import_file WHERE sha256 = @sha256 AND status = 'imported'", new { sha256 }, transaction)?.ToRecord();

    /// <summary>Records an attempt that stored nothing: an already imported file or one rejected whole.</summary>
    public long RecordAttempt(LockWait wait, ImportRecord record)
    {
        using var transaction = Engine.BeginWrite(wait);
        var id = InsertImport(record, transaction);
        transaction.Commit();
        return id;
    }

    /// <summary>The id is the next after the highest, taken under the write lock: ids then follow the order imports
    /// commit in on both engines, which the caches rely on (later imports only add rows above a version's).</summary>
    internal long InsertImport(ImportRecord r, DbTransaction transaction) =>
        Connection.ExecuteScalar<long>("""
            INSERT INTO import_file (id, file_name, sha256, format, source, full_extract, status, reason,
                rows_read, rows_accepted, rows_rejected, rows_duplicate, started_at, finished_at, coverage_date, coverage_given)
            VALUES ((SELECT coalesce(max(id), 0) + 1 FROM import_file), @FileName, @Sha256, @Format, @Source, @FullExtract, @Status, @Reason,
                @RowsRead, @RowsAccepted, @RowsRejected, @RowsDuplicate, @StartedAt, @FinishedAt, @coverage, @CoverageGiven)
            RETURNING id
            """,
            new
            {
                r.FileName, r.Sha256, r.Format, r.Source, FullExtract = r.FullExtract ? 1L : 0L, r.Status, Reason = Reasons.Cap(r.Reason),
                r.RowsRead, r.RowsAccepted, r.RowsRejected, r.RowsDuplicate,
                StartedAt = Iso(r.StartedAt), FinishedAt = Iso(r.FinishedAt),
                coverage = r.CoverageDate is { } c ? DateCodec.ToInt(c) : (long?)null, CoverageGiven = r.CoverageGiven ? 1L : 0L,
            }, transaction);

    /// <summary>Starts the one transaction in which a file's rows and its import record are stored, once the
    /// write lock is ours (waiting as <paramref name="wait"/> says).</summary>
    /// <returns>Null when the same bytes were imported (by another process) before the lock was ours.</returns>
    public ImportTransaction? BeginImport(ImportRecord pending, LockWait wait) => ImportTransaction.Begin(this, pending, wait);

    public IReadOnlyList<ImportRecord> Imports() =>
        Connection.Query<ImportRow>($"SELECT {ImportRow.Columns} FROM import_file ORDER BY id").Select(r => r.ToRecord()).ToList();

    public IReadOnlyList<QuarantineEntry> Quarantine(string? fileName = null) =>
        Connection.Query<QuarantineEntry>("""
            SELECT f.file_name AS File, q.import_id AS ImportId, q.line AS Line, q.column_name AS "Column", q.reason AS Reason
            FROM quarantine q JOIN import_file f ON f.id = q.import_id
            WHERE @fileName IS NULL OR f.file_name = @fileName OR f.file_name LIKE '%/' || @fileName
            ORDER BY q.import_id, q.line, q.id
            """, new { fileName }).ToList();

    /// <summary>Segments in force (not superseded by a later full extract).</summary>
    public long CountSegments() => Connection.ExecuteScalar<long>("SELECT count(*) FROM segment WHERE superseded_by IS NULL");

    /// <summary>Segments in force without a billed amount (costed from a tariff where one exists).</summary>
    public CareTypeMapping LoadCareTypeMapping() =>
        new(Connection.Query<(string Code, long CareType)>("SELECT code, care_type FROM care_type_code")
            .Select(r => KeyValuePair.Create(r.Code, (CareType)r.CareType)));

    public TariffTable LoadTariffs() =>
        new(Connection.Query<(long CareType, long Year, string PerDay)>("SELECT care_type, year, per_day FROM tariff")
            .Select(r => new TariffRow((CareType)r.CareType, (int)r.Year, decimal.Parse(r.PerDay, CultureInfo.InvariantCulture))));

    public ReferenceData LoadReferenceData() => new(
        Connection.Query<(long Code, string Name, string Region)>("SELECT code, name, region FROM municipality")
            .Select(r => new RegionRow((int)r.Code, r.Name, r.Region)),
        Connection.Query<(long Code, string? Name, string Sector)>("SELECT agb_code, name, sector FROM provider")
            .Select(r => new ProviderRow((int)r.Code, r.Name, Sectors.Parse(r.Sector))));

    internal static string Iso(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The shape of an <c>import_file</c> row as Dapper reads it.</summary>
    private sealed record ImportRow(long id, string file_name, string sha256, string? format, string? source, long full_extract,
        string status, string? reason, long rows_read, long rows_accepted, long rows_rejected, long rows_duplicate,
        string started_at, string finished_at, long? coverage_date, long coverage_given)
    {
        /// <summary>The columns in the record's order (the table has more: the segment id range of schema/0007).</summary>
        public const string Columns = "id, file_name, sha256, format, source, full_extract, status, reason, rows_read, rows_accepted, " +
            "rows_rejected, rows_duplicate, started_at, finished_at, coverage_date, coverage_given";

        public ImportRecord ToRecord() => new()
        {
            Id = id, FileName = file_name, Sha256 = sha256, Format = format, Source = source, FullExtract = full_extract != 0,
            Status = status, Reason = reason, RowsRead = (int)rows_read, RowsAccepted = (int)rows_accepted,
            RowsRejected = (int)rows_rejected, RowsDuplicate = (int)rows_duplicate,
            StartedAt = DateTime.Parse(started_at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            FinishedAt = DateTime.Parse(finished_at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            CoverageDate = coverage_date is { } c ? DateCodec.FromInt(c) : null, CoverageGiven = coverage_given != 0,
        };
    }
}
