using System.Runtime.CompilerServices;
using Monitor.Core.Checks;
using Monitor.Core.Privacy;
using Monitor.Ingest;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>
/// The <c>import</c> step: every new inbox file through the importer of <c>monitor import</c>, each in its
/// own transaction (whole or not at all, the same bytes only once). Then the file moves: to the archive
/// when imported or already imported (its bytes were imported before: archived, not imported twice), to
/// the failed folder with a <c>.reason.txt</c> when rejected whole. A rejection is the file's fault and is
/// not retried; a transient failure (the store locked) is, and a file that still fails stays in the inbox
/// for the next run. A stop request (Ctrl-C, SIGTERM) cancels the file in hand between two batches of rows:
/// its transaction rolls back, so nothing of it is stored, and it stays in the inbox with the files not yet
/// taken, for the next run.
/// </summary>
internal static class ImportStep
{
    public static StepResult Run(ImportStepDefinition step, StepContext context, CancellationToken cancellationToken)
    {
        var inbox = context.Pipeline.Inbox!;
        var log = context.Log;
        if (!Directory.Exists(inbox.Folder)) throw new DirectoryNotFoundException($"the inbox {inbox.Folder} does not exist (any more)");

        var scan = InboxScanner.Scan(inbox, context.Clock, cancellationToken);
        foreach (var file in scan.Unmatched)
            log.WriteLine($"  {file.Name}: matches no pattern ({inbox.Pattern}): not imported; move it, or name it in inbox.ignore");
        foreach (var (file, reason) in scan.Waiting)
        {
            log.WriteLine($"  {file.Name}: waiting: {reason}");
            context.History.File(new PipelineRunFile { RunId = context.RunId, FileName = file.Name, Outcome = FileOutcome.Waiting, Reason = reason });
        }
        var tally = new FileTally(Waiting: scan.Waiting.Count);
        var result = new StepResult(StepStatus.Succeeded, 0);
        if (scan.Ready.Count == 0)
        {
            log.WriteLine(scan.Waiting.Count == 0 ? $"  no new files in {inbox.Folder}" : "  no file ready to import");
            return result with { Files = tally };
        }

        // The pipeline waits for another writer in short tries of its own (Retry.LockTimeout), retried with backoff.
        var options = new ImportOptions(inbox.Format, step.Strict, step.Source, step.Full, LockWaitLimit: context.Pipeline.Retry.LockTimeout);
        Pseudonymizer? pseudonymizer = null;
        foreach (var (path, _) in ImportOrder.ReferenceFirst(scan.Ready.OrderBy(f => f.LastWriteUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Path), inbox.Format))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                log.WriteLine("  stopping on request: the files not yet imported stay in the inbox for the next run");
                return result with { Status = StepStatus.Cancelled, Files = tally };
            }
            var name = Path.GetFileName(path);
            FileImportResult imported;
            var tries = new StrongBox<int>();
            try
            {
                pseudonymizer ??= PseudonymKeys.ForStore(context.DatabasePath);
                imported = Retries.Execute(context.Retry, () =>
                {
                    using var store = MonitorStore.Open(context.DatabasePath, context.Pipeline.Retry.LockTimeout);
                    return new Importer(store, pseudonymizer, new StopOnRequest(context.Progress, cancellationToken), context.Clock).Import(path, options);
                }, tries, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                log.WriteLine($"  {name}: stopped on request; nothing of it is stored and it stays in the inbox");
                return result with { Status = StepStatus.Cancelled, Files = tally };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var error = $"{name}: {Retries.Describe(e)}";
                log.WriteLine($"  {name}: failed, left in the inbox: {Retries.Describe(e)}");
                context.History.File(new PipelineRunFile
                {
                    RunId = context.RunId, FileName = name, Outcome = FileOutcome.Failed, Reason = Retries.Describe(e),
                    Attempts = tries.Value,
                });
                return result with { Status = StepStatus.Failed, Attempts = Math.Max(result.Attempts, tries.Value), Error = error, Files = tally };
            }

            result = result with
            {
                Attempts = Math.Max(result.Attempts, tries.Value),
                RowsRead = result.RowsRead + imported.RowsRead,
                RowsAccepted = result.RowsAccepted + imported.RowsAccepted,
                RowsRejected = result.RowsRejected + imported.RowsRejected,
                RowsDuplicate = result.RowsDuplicate + imported.RowsDuplicate,
            };
            var record = new PipelineRunFile
            {
                RunId = context.RunId, FileName = name, Sha256 = imported.Sha256, Outcome = imported.Status, Attempts = tries.Value,
                RowsRead = imported.RowsRead, RowsAccepted = imported.RowsAccepted, RowsRejected = imported.RowsRejected,
                RowsDuplicate = imported.RowsDuplicate, Reason = imported.Reason,
            };
            string? moved;
            try
            {
                moved = Move(imported, context);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The import itself is done (and idempotent): the next run finds the file again, sees it is
                // already imported and archives it.
                var error = $"{name}: {imported.Status}, but not moved out of the inbox: {Retries.Describe(e)}";
                log.WriteLine($"  {error}");
                context.History.File(record with { Reason = $"not moved out of the inbox: {Retries.Describe(e)}" });
                return result with { Status = StepStatus.Failed, Error = error, Files = Count(tally, imported.Status) };
            }
            context.History.File(record with { MovedTo = moved });
            tally = Count(tally, imported.Status);
            log.WriteLine($"  {Describe(imported)}{(moved is null ? "" : $" → {moved}")}");
        }
        return result with { Files = tally };
    }

    private static string? Move(FileImportResult imported, StepContext context)
    {
        var inbox = context.Pipeline.Inbox!;
        if (!File.Exists(imported.File)) return null; // rejected as not found: it went away meanwhile
        return context.Retry.Execute(() => imported.Status == ImportStatus.Rejected
            ? InboxMoves.Reject(imported.File, inbox.Failed, context.RunDate, Explanation(imported, context))
            : InboxMoves.Archive(imported.File, inbox.Archive, context.RunDate));
    }

    private static string Explanation(FileImportResult r, StepContext context)
    {
        var at = TimeZoneInfo.ConvertTime(context.RunStarted, context.Pipeline.TimeZone);
        return $"""
            {Path.GetFileName(r.File)} was rejected whole by pipeline '{context.Pipeline.Name}' (run #{context.RunId}) on {at:yyyy-MM-dd HH:mm} ({context.Pipeline.TimeZone.Id}).
            Reason: {r.Reason}
            SHA-256: {r.Sha256 ?? "(not read)"}
            Nothing of the file was stored. Correct it (or ask the sender for a new extract) and put it back in
            {context.Pipeline.Inbox!.Folder}; the next run imports it. See also: monitor jobs show {context.RunId}

            """;
    }

    /// <summary>
    /// Passes progress on, and stops the import when asked to: the importer reports progress between batches
    /// of rows, inside its transaction, so an exception here rolls the whole file back. The importer itself
    /// needs no cancellation of its own for this.
    /// </summary>
    private sealed class StopOnRequest(IImportProgress? inner, CancellationToken cancellationToken) : IImportProgress
    {
        public void Started(string file, long totalBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inner?.Started(file, totalBytes);
        }

        public void Advanced(long bytesRead, int rowsRead)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inner?.Advanced(bytesRead, rowsRead);
        }

        public void Finished(FileImportResult result) => inner?.Finished(result);
    }

    private static FileTally Count(FileTally tally, string status) => status switch
    {
        ImportStatus.Imported => tally with { Imported = tally.Imported + 1 },
        ImportStatus.AlreadyImported => tally with { AlreadyImported = tally.AlreadyImported + 1 },
        _ => tally with { Rejected = tally.Rejected + 1 },
    };

    private static string Describe(FileImportResult r)
    {
        var name = Path.GetFileName(r.File);
        var format = r.Format is { } f ? $" as {f.Name()}" : "";
        return r.Status switch
        {
            ImportStatus.AlreadyImported => $"{name}: already imported{format}, not imported again",
            ImportStatus.Rejected => $"{name}: rejected, nothing stored: {r.Reason}",
            _ => $"{name}: imported{format}: {r.RowsRead} rows read, {r.RowsAccepted} accepted, {r.RowsRejected} refused, {r.RowsDuplicate} duplicate",
        };
    }
}
