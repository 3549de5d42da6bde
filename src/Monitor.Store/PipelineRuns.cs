namespace Monitor.Store;

/// <summary>One run of a pipeline as recorded in <c>pipeline_run</c> (schema/0002_runs.sql).</summary>
public sealed record PipelineRun
{
    public long Id { get; init; }
    public required string Pipeline { get; init; }
    public required string StartedBy { get; init; }
    public DateTime? ScheduledFor { get; init; }
    public required string Status { get; init; }
    public required DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public int FilesImported { get; init; }
    public int FilesAlreadyImported { get; init; }
    public int FilesRejected { get; init; }
    public int FilesWaiting { get; init; }
    /// <summary>Rows read from the files the run imported.</summary>
    public int RowsRead { get; init; }
    /// <summary>Rows of those refused (quarantined); the rest of each file was stored.</summary>
    public int RowsRefused { get; init; }
    public string? Error { get; init; }
    /// <summary>When someone acknowledged what the run flagged (<c>monitor jobs ack RUN</c>), or null.</summary>
    public DateTime? AcknowledgedAt { get; init; }

    public double RefusedShare => RowsRead == 0 ? 0 : (double)RowsRefused / RowsRead;
}

/// <summary>A file a run moved to the failed folder, and the run that did.</summary>
public sealed record RejectedFile(long RunId, string Pipeline, DateTime RunStartedAt, string FileName, string? MovedTo, string? Reason);

/// <summary>One step of a run (<c>pipeline_step</c>).</summary>
public sealed record PipelineRunStep
{
    public required long RunId { get; init; }
    public required int Position { get; init; }
    public required string Step { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }
    public int RowsDuplicate { get; init; }
    public string? Output { get; init; }
    public string? Error { get; init; }
}

/// <summary>What a run's import step did with one inbox file (<c>pipeline_file</c>).</summary>
public sealed record PipelineRunFile
{
    public long Id { get; init; }
    public required long RunId { get; init; }
    public required string FileName { get; init; }
    public string? Sha256 { get; init; }
    public required string Outcome { get; init; }
    public int Attempts { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }
    public int RowsDuplicate { get; init; }
    public string? MovedTo { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The statuses of a run.</summary>
public static class RunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    /// <summary>Every step ran, but at least one inbox file was rejected whole and moved to the failed folder.</summary>
    public const string SucceededWithRejections = "succeeded_with_rejections";
    public const string Failed = "failed";
    /// <summary>Asked to stop (Ctrl-C, SIGTERM) and stopped between two files or steps.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>The process ended (killed, power cut) before the run finished; noticed by the next run.</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>The statuses of a step.</summary>
public static class StepStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Cancelled = "cancelled";
    public const string Interrupted = "interrupted";
}

/// <summary>What became of an inbox file.</summary>
public static class FileOutcome
{
    public const string Imported = "imported";
    public const string AlreadyImported = "already_imported";
    public const string Rejected = "rejected";
    /// <summary>Still being written: left in the inbox for the next run.</summary>
    public const string Waiting = "waiting";
    /// <summary>An error that is not the file's fault (the store stayed locked): left in the inbox for the next run.</summary>
    public const string Failed = "failed";
}
