using Monitor.Core.Checks;
using Monitor.Store;

namespace Monitor.Ingest;

/// <summary>How files are imported (PROTOCOL.md 7, <c>monitor import</c>).</summary>
/// <param name="Format">The format, or null to tell it from the header (<c>--format auto</c>).</param>
/// <param name="Strict">Reject the whole file when any row fails a check.</param>
/// <param name="Source">The source a file comes from (<c>--source NAME</c>).</param>
/// <param name="FullExtract">The file is a full extract of <paramref name="Source"/>: it supersedes the source's earlier imports.</param>
/// <param name="ExtractDate">The coverage date of the <c>rijm</c> and <c>cbs</c> files (<c>--extract-date</c>,
/// PROTOCOL.md 3.4); null: the latest segment start in each file.</param>
/// <param name="LockWaitLimit">How long a file waits for another import's write lock (settings:
/// <c>lock_wait_seconds</c>); null: <see cref="LockWait.DefaultLimit"/>.</param>
public sealed record ImportOptions(ExtractFormat? Format = null, bool Strict = false, string? Source = null, bool FullExtract = false,
    DateOnly? ExtractDate = null, TimeSpan? LockWaitLimit = null);

/// <summary>What became of one file: the entry of the import JSON (PROTOCOL.md 7).</summary>
public sealed record FileImportResult(
    string File,
    string? Sha256,
    ExtractFormat? Format,
    string Status,
    int RowsRead,
    int RowsAccepted,
    int RowsRejected,
    int RowsDuplicate,
    string? Reason,
    IReadOnlyList<(int Line, RowError Error)> Refusals,
    int RefusalCount = 0,
    DateOnly? CoverageDate = null)
{
    /// <summary>How many refusals <see cref="Refusals"/> keeps at most: the first ones, to show; the
    /// quarantine holds them all, and memory stays flat for a file of only bad rows.</summary>
    public const int RefusalsKept = 100;

    public bool RejectedWhole => Status == Store.ImportStatus.Rejected;
}

/// <summary>Told how a long import advances, to draw a progress bar.</summary>
public interface IImportProgress
{
    void Started(string file, long totalBytes);
    void Advanced(long bytesRead, int rowsRead);
    void Finished(FileImportResult result);

    /// <summary>The store's write lock is held by <paramref name="holder"/>; the import has waited <paramref name="waited"/> so far.</summary>
    void Waiting(string holder, TimeSpan waited)
    {
    }
}
