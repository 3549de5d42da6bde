using Monitor.Core.Checks;

namespace Monitor.Ingest;

/// <summary>How files are imported (PROTOCOL.md 7, <c>monitor import</c>).</summary>
/// <param name="Format">The format, or null to tell it from the header (<c>--format auto</c>).</param>
/// <param name="Strict">Reject the whole file when any row fails a check.</param>
/// <param name="Source">The source a file comes from (<c>--source NAME</c>).</param>
/// <param name="FullExtract">The file is a full extract of <paramref name="Source"/>: it supersedes the source's earlier imports.</param>
public sealed record ImportOptions(ExtractFormat? Format = null, bool Strict = false, string? Source = null, bool FullExtract = false);

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
    int RefusalCount = 0)
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
}
