using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Checks;
using Monitor.Core.Domain;

namespace Monitor.Store;

/// <summary>
/// One file's import: its accepted rows, refused rows, duplicates and import record, committed together
/// or not at all (PROTOCOL.md 3.2). Disposing without <see cref="Complete"/> rolls everything back.
/// </summary>
public sealed class ImportTransaction : IDisposable
{
    private readonly MonitorStore _store;
    private readonly SqliteTransaction _transaction;
    private readonly HashSet<long> _supersededImports = [];
    private readonly SqliteCommand _insertSegment, _findYouth, _insertYouth, _findSameStart, _insertDuplicate, _insertQuarantine;
    private bool _completed;

    // Duplicate detection without a UNIQUE index (which made inserts 4x slower at 10 million rows): the
    // rows of the youth being read are kept in memory, and the store is asked only when the youth had
    // rows before this run of lines began.
    private string? _youthKey;
    private long _youthId;
    private bool _youthIsNewInThisRun;
    private readonly List<(long Id, int Provider, CareType CareType, string ProductCode, DateOnly Start, DateOnly? End)> _youthRows = [];

    internal ImportTransaction(MonitorStore store, ImportRecord pending)
    {
        _store = store;
        var connection = store.Connection;
        connection.Execute("PRAGMA cache_size = -65536"); // 64 MB of pages keeps the indexes' hot part in memory
        _transaction = connection.BeginTransaction();
        ImportId = store.InsertImport(pending, _transaction);
        if (pending.FullExtract && pending.Source is not null)
        {
            // A full extract supersedes the source's earlier imports; its rows are no duplicates of theirs.
            _supersededImports.UnionWith(connection.Query<long>(
                "SELECT id FROM import_file WHERE source = @source AND status = 'imported' AND id <> @ImportId",
                new { source = pending.Source, ImportId }, _transaction));
        }

        _insertSegment = Prepare("""
            INSERT INTO segment (import_id, line, youth_id, birth_date, sex, municipality, provider, provider_name,
                product_code, care_code, care_type, start_date, end_date, amount, started_as_crisis, end_reason, referrer)
            VALUES ($import, $line, $youth, $birth, $sex, $municipality, $provider, $providerName,
                $productCode, $careCode, $careType, $start, $end, $amount, $crisis, $endReason, $referrer)
            RETURNING id
            """);
        _findYouth = Prepare("SELECT id FROM youth WHERE youth_key = $key");
        _insertYouth = Prepare("INSERT INTO youth (youth_key) VALUES ($key) RETURNING id");
        _findSameStart = Prepare("""
            SELECT id, provider, care_type, coalesce(product_code, ''), end_date, import_id
            FROM segment WHERE youth_id = $youth AND start_date = $start AND superseded_by IS NULL
            """);
        _insertDuplicate = Prepare("INSERT INTO duplicate_row (import_id, line, duplicate_of) VALUES ($import, $line, $of)");
        _insertQuarantine = Prepare("INSERT INTO quarantine (import_id, line, column_name, reason) VALUES ($import, $line, $column, $reason)");
    }

    public long ImportId { get; }

    /// <summary>Stores a checked row, unless it duplicates one already stored or earlier in the file.</summary>
    /// <returns>The id of the stored row it duplicates, or null when it was stored.</returns>
    public long? AddSegment(CheckedSegment row)
    {
        EnterYouth(row.YouthKey);
        var productCode = row.ProductCode ?? "";
        if (FindDuplicate(row, productCode) is { } original)
        {
            Run(_insertDuplicate, ("$import", ImportId), ("$line", row.Line), ("$of", original));
            return original;
        }

        var id = (long)Run(_insertSegment,
            ("$import", ImportId), ("$line", row.Line), ("$youth", _youthId), ("$birth", DateCodec.ToInt(row.BirthDate)),
            ("$sex", row.Sex?.ToString()), ("$municipality", row.Municipality), ("$provider", row.Provider),
            ("$providerName", row.ProviderName), ("$productCode", row.ProductCode), ("$careCode", row.CareCode),
            ("$careType", (int)row.CareType), ("$start", DateCodec.ToInt(row.Start)),
            ("$end", row.End is { } end ? DateCodec.ToInt(end) : null),
            ("$amount", row.Amount is { } amount ? DateCodec.ToTenThousandths(amount) : null),
            ("$crisis", row.StartedAsCrisis is { } crisis ? (crisis ? 1 : 0) : null),
            ("$endReason", row.EndReason), ("$referrer", row.Referrer))!;
        _youthRows.Add((id, row.Provider, row.CareType, productCode, row.Start, row.End));
        return null;
    }

    public void AddRefusal(int line, RowError error) =>
        Run(_insertQuarantine, ("$import", ImportId), ("$line", line), ("$column", error.Column), ("$reason", error.Reason));

    /// <summary>Reference rows update by key: the new row replaces the stored one (PROTOCOL.md 3.2).</summary>
    public void AddReference(object row)
    {
        var (sql, values) = row switch
        {
            ProviderRow p => ("""
                INSERT INTO provider (agb_code, name, sector, import_id) VALUES (@a, @b, @c, @import)
                ON CONFLICT (agb_code) DO UPDATE SET name = excluded.name, sector = excluded.sector, import_id = excluded.import_id
                """, new { a = (object)p.Code, b = (object?)p.Name, c = (object)p.Sector.Word(), import = ImportId }),
            RegionRow r => ("""
                INSERT INTO municipality (code, name, region, import_id) VALUES (@a, @b, @c, @import)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, region = excluded.region, import_id = excluded.import_id
                """, new { a = (object)r.Municipality, b = (object?)r.Name, c = (object)r.Region, import = ImportId }),
            TariffRow t => ("""
                INSERT INTO tariff (care_type, year, per_day, import_id) VALUES (@a, @b, @c, @import)
                ON CONFLICT (care_type, year) DO UPDATE SET per_day = excluded.per_day, import_id = excluded.import_id
                """, new { a = (object)(int)t.CareType, b = (object?)t.Year, c = (object)t.PerDay.ToString(CultureInfo.InvariantCulture), import = ImportId }),
            CareTypeCodeRow c => ("""
                INSERT INTO care_type_code (code, care_type, import_id) VALUES (@a, @b, @import)
                ON CONFLICT (code) DO UPDATE SET care_type = excluded.care_type, import_id = excluded.import_id
                """, new { a = (object)c.Code, b = (object?)(int)c.CareType, c = (object)"", import = ImportId }),
            _ => throw new ArgumentException($"not a reference row: {row.GetType().Name}", nameof(row)),
        };
        _store.Connection.Execute(sql, values, _transaction);
    }

    /// <summary>Writes the final counts, supersedes what a full extract replaces, and commits.</summary>
    public void Complete(int rowsRead, int rowsAccepted, int rowsRejected, int rowsDuplicate, DateTime finishedAt)
    {
        var connection = _store.Connection;
        if (_supersededImports.Count > 0)
        {
            connection.Execute("UPDATE segment SET superseded_by = @ImportId WHERE superseded_by IS NULL AND import_id IN @ids",
                new { ImportId, ids = _supersededImports }, _transaction);
        }
        connection.Execute("""
            UPDATE import_file SET rows_read = @rowsRead, rows_accepted = @rowsAccepted, rows_rejected = @rowsRejected,
                rows_duplicate = @rowsDuplicate, finished_at = @finished
            WHERE id = @ImportId
            """, new { rowsRead, rowsAccepted, rowsRejected, rowsDuplicate, finished = MonitorStore.Iso(finishedAt), ImportId }, _transaction);
        _transaction.Commit();
        _completed = true;
    }

    public void Dispose()
    {
        if (!_completed) _transaction.Rollback();
        foreach (var command in new[] { _insertSegment, _findYouth, _insertYouth, _findSameStart, _insertDuplicate, _insertQuarantine })
            command.Dispose();
        _transaction.Dispose();
    }

    private void EnterYouth(string youthKey)
    {
        if (youthKey == _youthKey) return;
        _youthKey = youthKey;
        _youthRows.Clear();
        if (Run(_findYouth, ("$key", youthKey)) is long existing)
        {
            _youthId = existing;
            _youthIsNewInThisRun = false;
        }
        else
        {
            _youthId = (long)Run(_insertYouth, ("$key", youthKey))!;
            _youthIsNewInThisRun = true;
        }
    }

    private long? FindDuplicate(CheckedSegment row, string productCode)
    {
        foreach (var r in _youthRows)
        {
            if (r.Provider == row.Provider && r.CareType == row.CareType && r.ProductCode == productCode && r.Start == row.Start && r.End == row.End)
                return r.Id;
        }
        if (_youthIsNewInThisRun) return null; // every row this youth has is in _youthRows

        _findSameStart.Parameters["$youth"].Value = _youthId;
        _findSameStart.Parameters["$start"].Value = DateCodec.ToInt(row.Start);
        using var reader = _findSameStart.ExecuteReader();
        while (reader.Read())
        {
            if (_supersededImports.Contains(reader.GetInt64(5))) continue;
            DateOnly? end = reader.IsDBNull(4) ? null : DateCodec.FromInt(reader.GetInt64(4));
            if (reader.GetInt64(1) == row.Provider && reader.GetInt64(2) == (int)row.CareType && reader.GetString(3) == productCode && end == row.End)
                return reader.GetInt64(0);
        }
        return null;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _store.Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-zA-Z]+").Select(m => m.Value).Distinct())
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static object? Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) command.Parameters[name].Value = value ?? DBNull.Value;
        return command.ExecuteScalar();
    }
}
