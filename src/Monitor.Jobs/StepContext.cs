using Monitor.Ingest;
using Polly;

namespace Monitor.Jobs;

/// <summary>What a step of a run works with.</summary>
internal sealed record StepContext(
    PipelineDefinition Pipeline,
    long RunId,
    int Position,
    string DatabasePath,
    RunHistory History,
    ResiliencePipeline Retry,
    TextWriter Log,
    TimeProvider Clock,
    IImportProgress? Progress,
    DateTimeOffset RunStarted)
{
    /// <summary>The run's date in the pipeline's time zone: the prefix of archived and failed files.</summary>
    public DateOnly RunDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(RunStarted, Pipeline.TimeZone).DateTime);
}

/// <summary>How a step ended.</summary>
internal sealed record StepResult(string Status, int Attempts)
{
    public string? Output { get; init; }
    public string? Error { get; init; }
    public int RowsRead { get; init; }
    public int RowsAccepted { get; init; }
    public int RowsRejected { get; init; }
    public int RowsDuplicate { get; init; }
    public FileTally Files { get; init; } = new();
}

/// <summary>How many inbox files ended how, for the run's record.</summary>
internal sealed record FileTally(int Imported = 0, int AlreadyImported = 0, int Rejected = 0, int Waiting = 0);
