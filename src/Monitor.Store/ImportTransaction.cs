using System.Globalization;
using Dapper;
using System.Data.Common;
using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Core.Outcomes;

namespace Monitor.Store;

/// <summary>
/// One file's import: its accepted rows, refused rows, duplicates and import record, committed together
/// or not at all (PROTOCOL.md 3.2). Disposing without <see cref="Complete"/> rolls everything back.
/// </summary>
public sealed class ImportTransaction : IDisposable
{
    private readonly MonitorStore _store;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly HashSet<long> _supersededImports = [];
    private readonly ISegmentWriter _segments;
    // A segment file's import writes only rows whose parents it guarantees itself (docs/decisions.md "Store"),
    // so SQLite's per-row foreign-key lookups are left out; other files write as before, checked.
    private readonly bool _parentsGuaranteed;
    private bool _completed;

    /// <summary>Takes the write lock and starts the file's transaction; null when these bytes were imported
    /// by someone else before the lock was ours (then nothing is left open).</summary>
    internal static ImportTransaction? Begin(MonitorStore store, ImportRecord pending, LockWait wait)
    {
        var parentsGuaranteed = ExtractFormats.TryParse(pending.Format ?? "", out var format) && format.IsSegments();
        var transaction = store.Engine.BeginWrite(wait, parentsGuaranteed);
        try
        {
            // The same bytes are looked for again here, holding the write lock: two processes importing one
            // file at once then give one import and one already_imported, never a broken unique index.
            if (store.FindImported(pending.Sha256, transaction) is null) return new ImportTransaction(store, pending, transaction, parentsGuaranteed);
            transaction.Rollback();
            transaction.Dispose();
        }
        catch
        {
            transaction.Dispose();
            if (parentsGuaranteed) store.Engine.EndWrite();
            throw;
        }
        if (parentsGuaranteed) store.Engine.EndWrite();
        return null;
    }

    private ImportTransaction(MonitorStore store, ImportRecord pending, DbTransaction transaction, bool parentsGuaranteed)
    {
        _store = store;
        _connection = store.Connection;
        _transaction = transaction;
        _parentsGuaranteed = parentsGuaranteed;
        store.Engine.NoteWriter(pending.FileName);
        ImportId = store.InsertImport(pending, _transaction);
        if (pending.FullExtract && pending.Source is not null)
        {
            // A full extract supersedes the source's earlier imports; its rows are no duplicates of theirs.
            _supersededImports.UnionWith(_connection.Query<long>(
                "SELECT id FROM import_file WHERE source = @source AND status = 'imported' AND id <> @ImportId",
                new { source = pending.Source, ImportId }, _transaction));
        }
        _segments = store.Engine.CreateSegmentWriter(_transaction, ImportId, _supersededImports, cbsColumns: pending.Format != "rijm");
    }

    public long ImportId { get; }

    /// <summary>Stores a checked row, unless it duplicates one already stored or earlier in the file. Whether it did
    /// is told by <see cref="FlushSegments"/>: on PostgreSQL rows go in by the batch.</summary>
    public void AddSegment(CheckedSegment row) => _segments.Add(row);

    /// <summary>Writes the segment rows still waiting; returns how many rows were stored and how many were duplicates.</summary>
    public SegmentCounts FlushSegments() => _segments.Flush();

    /// <summary>Stores a questionnaire score, unless the same score of the same youth is stored already.</summary>
    /// <returns>False for a duplicate.</returns>
    public bool AddScore(CheckedScore score)
    {
        RequireCheckedForeignKeys();
        var youthId = _segments.YouthIdOf(score.YouthKey);
        return _connection.Execute("""
            INSERT INTO rom_score (import_id, line, youth_id, instrument, informant, date, score)
            VALUES (@ImportId, @Line, @youthId, @Instrument, @informant, @date, @Score)
            ON CONFLICT DO NOTHING
            """, new { ImportId, score.Line, youthId, score.Instrument, informant = score.Informant.Word(), date = DateCodec.ToInt(score.Date), score.Score },
            _transaction) == 1;
    }

    public void AddRefusal(int line, RowError error) =>
        _connection.Execute("INSERT INTO quarantine (import_id, line, column_name, reason) VALUES (@ImportId, @line, @Column, @Reason)",
            new { ImportId, line, error.Column, Reason = Reasons.Cap(error.Reason) }, _transaction);

    /// <summary>Reference rows update by key: the new row replaces the stored one (PROTOCOL.md 3.2).</summary>
    public void AddReference(object row)
    {
        RequireCheckedForeignKeys();
        switch (row)
        {
            case ProviderRow p:
                _connection.Execute("""
                    INSERT INTO provider (agb_code, name, sector, import_id) VALUES (@Code, @Name, @sector, @ImportId)
                    ON CONFLICT (agb_code) DO UPDATE SET name = excluded.name, sector = excluded.sector, import_id = excluded.import_id
                    """, new { p.Code, p.Name, sector = p.Sector.Word(), ImportId }, _transaction);
                break;
            case RegionRow r:
                _connection.Execute("""
                    INSERT INTO municipality (code, name, region, import_id) VALUES (@Municipality, @Name, @Region, @ImportId)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, region = excluded.region, import_id = excluded.import_id
                    """, new { r.Municipality, r.Name, r.Region, ImportId }, _transaction);
                break;
            case TariffRow t:
                _connection.Execute("""
                    INSERT INTO tariff (care_type, year, per_day, import_id) VALUES (@careType, @Year, @perDay, @ImportId)
                    ON CONFLICT (care_type, year) DO UPDATE SET per_day = excluded.per_day, import_id = excluded.import_id
                    """, new { careType = (int)t.CareType, t.Year, perDay = t.PerDay.ToString(CultureInfo.InvariantCulture), ImportId }, _transaction);
                break;
            case PopulationRow p:
                _connection.Execute("""
                    INSERT INTO population (municipality, year, youths, import_id) VALUES (@Municipality, @Year, @Youths, @ImportId)
                    ON CONFLICT (municipality, year) DO UPDATE SET youths = excluded.youths, import_id = excluded.import_id
                    """, new { p.Municipality, p.Year, p.Youths, ImportId }, _transaction);
                break;
            case EndReasonRow e:
                _connection.Execute("""
                    INSERT INTO end_reason (code, category, import_id) VALUES (@Code, @category, @ImportId)
                    ON CONFLICT (code) DO UPDATE SET category = excluded.category, import_id = excluded.import_id
                    """, new { e.Code, category = e.Category.Word(), ImportId }, _transaction);
                break;
            case InstrumentRow i:
                _connection.Execute("""
                    INSERT INTO instrument (name, lower_is_better, sd, reliability, cutoff, minimum, maximum, import_id)
                    VALUES (@Name, @LowerIsBetter, @Sd, @Reliability, @Cutoff, @Minimum, @Maximum, @ImportId)
                    ON CONFLICT (name) DO UPDATE SET lower_is_better = excluded.lower_is_better, sd = excluded.sd, reliability = excluded.reliability,
                        cutoff = excluded.cutoff, minimum = excluded.minimum, maximum = excluded.maximum, import_id = excluded.import_id
                    """, new { i.Name, LowerIsBetter = i.LowerIsBetter ? 1L : 0L, i.Sd, i.Reliability, i.Cutoff, i.Minimum, i.Maximum, ImportId }, _transaction);
                break;
            case CareTypeCodeRow c:
                _connection.Execute("""
                    INSERT INTO care_type_code (code, care_type, import_id) VALUES (@Code, @careType, @ImportId)
                    ON CONFLICT (code) DO UPDATE SET care_type = excluded.care_type, import_id = excluded.import_id
                    """, new { c.Code, careType = (int)c.CareType, ImportId }, _transaction);
                break;
            default:
                throw new ArgumentException($"not a reference row: {row.GetType().Name}", nameof(row));
        }
    }

    /// <summary>Writes the final counts and the coverage date, supersedes what a full extract replaces, and commits.</summary>
    public void Complete(int rowsRead, int rowsAccepted, int rowsRejected, int rowsDuplicate, DateTime finishedAt,
        DateOnly? coverageDate = null, bool coverageGiven = false)
    {
        var ids = _segments.Flush().Ids;
        if (_supersededImports.Count > 0)
        {
            // One statement per earlier import (a source has few), through its segments' id range: the same SQL on both
            // engines (Dapper passes a list as an array to PostgreSQL, where "IN @ids" does not read).
            foreach (var superseded in _supersededImports.Order())
                _connection.Execute("""
                    UPDATE segment SET superseded_by = @ImportId
                    WHERE id BETWEEN (SELECT first_segment_id FROM import_file WHERE id = @superseded)
                                 AND (SELECT last_segment_id FROM import_file WHERE id = @superseded)
                      AND import_id = @superseded AND superseded_by IS NULL
                    """, new { ImportId, superseded }, _transaction);
        }
        _connection.Execute("""
            UPDATE import_file SET rows_read = @rowsRead, rows_accepted = @rowsAccepted, rows_rejected = @rowsRejected,
                rows_duplicate = @rowsDuplicate, finished_at = @finished, coverage_date = @coverage, coverage_given = @coverageGiven,
                first_segment_id = @first, last_segment_id = @last
            WHERE id = @ImportId
            """, new
            {
                rowsRead, rowsAccepted, rowsRejected, rowsDuplicate, finished = MonitorStore.Iso(finishedAt), ImportId,
                coverage = coverageDate is { } c ? DateCodec.ToInt(c) : (long?)null, coverageGiven = coverageGiven ? 1L : 0L,
                first = ids?.First, last = ids?.Last,
            }, _transaction);
        _transaction.Commit();
        _completed = true;
    }

    public void Dispose()
    {
        try
        {
            _segments.Dispose();
            if (!_completed) _transaction.Rollback();
            _transaction.Dispose();
        }
        finally
        {
            if (_parentsGuaranteed) _store.Engine.EndWrite();
            _store.Engine.ClearWriterNote();
        }
    }

    /// <summary>Scores and reference rows have parents the import does not vouch for (a care type of a reference
    /// row, say): they are written only in a transaction whose foreign keys are checked.</summary>
    private void RequireCheckedForeignKeys()
    {
        if (_parentsGuaranteed) throw new InvalidOperationException("a score or reference row in the import of a segment file");
    }
}
