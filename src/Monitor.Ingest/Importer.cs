using System.Collections.Concurrent;
using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Core.Privacy;
using Monitor.Store;

namespace Monitor.Ingest;

/// <summary>
/// Imports extracts into the store (PROTOCOL.md 3): every row checked, citizen numbers pseudonymised,
/// duplicates counted, each file in one transaction, the same bytes only once. Reading and checking
/// (with the HMAC) run on one thread while the store writes on another, since both take about as long.
/// </summary>
public sealed class Importer(MonitorStore store, Pseudonymizer pseudonymizer, IImportProgress? progress = null, TimeProvider? clock = null)
{
    private const int BatchSize = 2048;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <exception cref="StoreException">The store cannot be written (read-only, disk full, locked too long).</exception>
    public FileImportResult Import(string path, ImportOptions options)
    {
        try
        {
            return ImportFile(path, options);
        }
        catch (System.Data.Common.DbException e)
        {
            // Nothing of the file is stored: the transaction rolled back with the exception.
            throw new StoreException($"cannot write the store {store.Path}: {MonitorStore.Describe(e)}", e);
        }
    }

    private FileImportResult ImportFile(string path, ImportOptions options)
    {
        var startedAt = _clock.GetUtcNow().UtcDateTime;
        if (!File.Exists(path)) return Rejected(path, null, options.Format, "file not found");

        ExtractFile file;
        try
        {
            file = ExtractFile.Scan(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Rejected(path, null, options.Format, $"cannot read the file: {e.Message}");
        }
        if (file.RejectReason is not null) return Record(Rejected(path, file.Sha256, options.Format, file.RejectReason), startedAt, options);

        if (store.FindImported(file.Sha256) is not null) return AlreadyImported(path, file.Sha256, startedAt, options);

        progress?.Started(path, file.Size);
        var result = ImportRows(path, file, options, startedAt);
        progress?.Finished(result);
        return result;
    }

    private FileImportResult ImportRows(string path, ExtractFile file, ImportOptions options, DateTime startedAt)
    {
        using var csv = CsvRows.Open(path);
        // Reasons describe the header, never quote it: without a header, the first line is a youth's data.
        var detected = options.Format ?? ExtractFormats.Detect(csv.Header);
        if (detected is not { } format)
            return Record(Rejected(path, file.Sha256, null, HeaderCheck.LooksLikeData(csv.Header) ?? HeaderCheck.Unrecognised(csv.Header)), startedAt, options);
        var missing = format.MissingColumns(csv.Header);
        if (missing.Count > 0)
        {
            var reason = HeaderCheck.LooksLikeData(csv.Header)
                         ?? $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} for format {format.Name()}";
            return Record(Rejected(path, file.Sha256, format, reason), startedAt, options);
        }

        var pending = new ImportRecord
        {
            FileName = path, Sha256 = file.Sha256, Format = format.Name(), Source = options.Source,
            FullExtract = options.FullExtract, Status = ImportStatus.Imported, StartedAt = startedAt, FinishedAt = startedAt,
        };
        var counts = new Counts();
        var refusals = new List<(int, RowError)>();
        var refusalCount = 0;
        DateOnly? latestStart = null;
        using (var transaction = store.BeginImport(pending, WaitFor(options)))
        {
            if (transaction is null) return AlreadyImported(path, file.Sha256, startedAt, options); // by another process, while we waited
            foreach (var batch in CheckedBatches(csv, format, store.LoadCareTypeMapping()))
            {
                foreach (var row in batch.Rows)
                {
                    counts.Read++;
                    if (row.Errors is { } errors)
                    {
                        counts.Rejected++;
                        refusalCount += errors.Length;
                        foreach (var error in errors.Take(FileImportResult.RefusalsKept - refusals.Count)) refusals.Add((row.Line, error));
                        if (!options.Strict) foreach (var error in errors) transaction.AddRefusal(row.Line, error);
                        continue;
                    }
                    if (options.Strict && counts.Rejected > 0) continue; // the file is lost; keep counting failures
                    if (row.Segment is { } segment)
                    {
                        if (latestStart is null || segment.Start > latestStart) latestStart = segment.Start;
                        transaction.AddSegment(segment); // stored or duplicate: counted at the end (FlushSegments)
                    }
                    else if (row.Score is { } score)
                    {
                        if (transaction.AddScore(score)) counts.Accepted++;
                        else counts.Duplicate++;
                    }
                    else
                    {
                        transaction.AddReference(row.Reference!);
                        counts.Accepted++;
                    }
                }
                progress?.Advanced(batch.BytesRead, counts.Read);
                FaultHold.After(progress, batch.BytesRead, counts.Read);
            }

            if (csv.FatalProblem is null && !(options.Strict && counts.Rejected > 0))
            {
                var segments = transaction.FlushSegments();
                counts.Accepted += segments.Stored;
                counts.Duplicate += segments.Duplicate;
                // The coverage date (PROTOCOL.md 3.4): given, else the latest start among the rows that pass the checks.
                var coverage = format.IsSegments() ? options.ExtractDate ?? latestStart : null;
                transaction.Complete(counts.Read, counts.Accepted, counts.Rejected, counts.Duplicate, _clock.GetUtcNow().UtcDateTime,
                    coverage, coverageGiven: coverage is not null && options.ExtractDate is not null);
                return new FileImportResult(path, file.Sha256, format, ImportStatus.Imported,
                    counts.Read, counts.Accepted, counts.Rejected, counts.Duplicate, null, refusals, refusalCount, coverage);
            }
        }
        // The transaction rolled back: nothing of the file is stored.
        if (csv.FatalProblem is { } problem) return Record(Rejected(path, file.Sha256, format, problem), startedAt, options);
        // --strict: the failing rows are reported, not stored.
        var strict = new FileImportResult(path, file.Sha256, format, ImportStatus.Rejected, 0, 0, counts.Rejected, 0,
            $"--strict: {counts.Rejected} row{(counts.Rejected == 1 ? "" : "s")} fail the checks", refusals, refusalCount);
        return Record(strict, startedAt, options);
    }

    private sealed class Counts
    {
        public int Read, Accepted, Rejected, Duplicate;
    }

    private readonly record struct CheckedRow(int Line, CheckedSegment? Segment, object? Reference, RowError[]? Errors, CheckedScore? Score = null);

    private sealed record Batch(List<CheckedRow> Rows, long BytesRead);

    /// <summary>Reads and checks rows on a second thread, handing over batches through a bounded queue so
    /// memory stays flat however large the file is.</summary>
    private IEnumerable<Batch> CheckedBatches(CsvRows csv, ExtractFormat format, CareTypeMapping careTypes)
    {
        using var queue = new BlockingCollection<Batch>(boundedCapacity: 8);
        Exception? failure = null;
        var check = RowCheck(csv, format, careTypes); // here: it may read the store, which only this thread uses
        var reader = new Thread(() =>
        {
            try
            {
                var rows = new List<CheckedRow>(BatchSize);
                foreach (var row in csv.Rows())
                {
                    rows.Add(check(row));
                    if (rows.Count == BatchSize)
                    {
                        queue.Add(new Batch(rows, csv.BytesRead));
                        rows = new List<CheckedRow>(BatchSize);
                    }
                }
                queue.Add(new Batch(rows, csv.BytesRead));
            }
            catch (InvalidOperationException) when (queue.IsAddingCompleted)
            {
                // The writer stopped early (an exception on its side): nothing more to hand over.
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "import reader" };
        reader.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable()) yield return batch;
        }
        finally
        {
            queue.CompleteAdding();
            while (queue.TryTake(out _)) { } // unblock the reader if it waits on a full queue
            reader.Join();
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private Func<CsvRow, CheckedRow> RowCheck(CsvRows csv, ExtractFormat format, CareTypeMapping careTypes)
    {
        var errors = new List<RowError>();
        if (format.IsReference())
        {
            var checker = new ReferenceRowChecker(format, csv.Header, csv.Semicolon, careTypes);
            return row =>
            {
                errors.Clear();
                var reference = checker.Check(row.Cells, errors);
                return new CheckedRow(row.Line, null, reference, reference is null ? errors.ToArray() : null);
            };
        }
        if (format == ExtractFormat.Rom)
        {
            var scores = new RomRowChecker(csv.Header, csv.Semicolon, store.KnownInstruments(), pseudonymizer, TodayInTheNetherlands());
            return row =>
            {
                errors.Clear();
                var score = scores.Check(row.Cells, row.Line, errors);
                return new CheckedRow(row.Line, null, null, score is null ? errors.ToArray() : null, score);
            };
        }
        var segments = new SegmentRowChecker(format, csv.Header, csv.Semicolon, careTypes, pseudonymizer, TodayInTheNetherlands());
        return row =>
        {
            errors.Clear();
            var segment = segments.Check(row.Cells, row.Line, errors);
            return new CheckedRow(row.Line, segment, null, segment is null ? errors.ToArray() : null);
        };
    }

    /// <summary>The date in the Netherlands now: a score dated today must not be "in the future" at 00:30.</summary>
    private DateOnly TodayInTheNetherlands()
    {
        var now = _clock.GetUtcNow();
        try
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        }
        catch (TimeZoneNotFoundException)
        {
            return DateOnly.FromDateTime(now.UtcDateTime);
        }
    }

    /// <summary>How long a file waits for another import's write lock, telling the progress display meanwhile.</summary>
    private LockWait WaitFor(ImportOptions options) => new(options.LockWaitLimit ?? LockWait.DefaultLimit, progress is null ? null : progress.Waiting);

    private FileImportResult AlreadyImported(string path, string sha256, DateTime startedAt, ImportOptions options)
    {
        var earlier = store.FindImported(sha256);
        var format = ExtractFormats.TryParse(earlier?.Format ?? "", out var f) ? f : options.Format;
        return Record(new FileImportResult(path, sha256, format, ImportStatus.AlreadyImported, 0, 0, 0, 0, null, []), startedAt, options);
    }

    private static FileImportResult Rejected(string path, string? sha, ExtractFormat? format, string reason) =>
        new(path, sha, format, ImportStatus.Rejected, 0, 0, 0, 0, Reasons.Cap(reason), []);

    /// <summary>Attempts that store nothing still go in the import log, so the analyst sees what ran.</summary>
    private FileImportResult Record(FileImportResult result, DateTime startedAt, ImportOptions options)
    {
        store.RecordAttempt(WaitFor(options), new ImportRecord
        {
            FileName = result.File, Sha256 = result.Sha256 ?? "", Format = result.Format?.Name(), Source = options.Source,
            FullExtract = options.FullExtract, Status = result.Status, Reason = result.Reason,
            RowsRejected = result.RowsRejected, StartedAt = startedAt, FinishedAt = _clock.GetUtcNow().UtcDateTime,
        });
        return result;
    }
}
