namespace Monitor.Store;

/// <summary>One import attempt as recorded in <c>import_file</c>.</summary>
public sealed record ImportRecord
{
    public long Id { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public string? Format { get; init; }
    public string? Source { get; init; }
    public bool FullExtract { get; init; }
    public required string Status { get; init; }
    public string? Reason { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }
    public int RowsDuplicate { get; init; }
    public required DateTime StartedAt { get; init; }
    public required DateTime FinishedAt { get; init; }
    /// <summary>The day the extract's picture was taken (PROTOCOL.md 3.4); null for reference files and
    /// attempts that stored nothing.</summary>
    public DateOnly? CoverageDate { get; init; }
    /// <summary>Whether <see cref="CoverageDate"/> was given (<c>--extract-date</c>) rather than derived.</summary>
    public bool CoverageGiven { get; init; }
}

/// <summary>The statuses of an import (PROTOCOL.md 7).</summary>
public static class ImportStatus
{
    public const string Imported = "imported";
    public const string AlreadyImported = "already_imported";
    public const string Rejected = "rejected";
}

/// <summary>A refused row as listed by <c>monitor quarantine</c>.</summary>
public sealed record QuarantineEntry(string File, long ImportId, long Line, string Column, string Reason);
