using System.Text.Json;
using Monitor.Core.Checks;
using Monitor.Core.Domain;

namespace Monitor.Jobs;

/// <summary>
/// One pipeline, as <c>pipelines/NAME.json</c> describes it (pipelines/README.md) and
/// <see cref="PipelineLoader"/> has checked it: every path absolute, every value parsed.
/// </summary>
public sealed record PipelineDefinition
{
    public required string Name { get; init; }

    /// <summary>The JSON file it was read from; relative paths in it are relative to its folder.</summary>
    public required string File { get; init; }

    /// <summary>Whether the scheduler fires it. A disabled pipeline can still be run by hand.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The cron expression and the zone its times are in (default Europe/Amsterdam).</summary>
    public required PipelineSchedule Schedule { get; init; }

    /// <summary>The cron expression as written: five fields, or six with seconds first.</summary>
    public string Cron => Schedule.Expression;

    public TimeZoneInfo TimeZone => Schedule.TimeZone;

    /// <summary>Only when an import step is listed.</summary>
    public InboxSettings? Inbox { get; init; }

    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    public required RetrySettings Retry { get; init; }

    /// <summary>How long after a scheduled time its run may still be missing before <c>jobs health</c> says so.</summary>
    public required TimeSpan HealthGrace { get; init; }

    /// <summary>The share of rows read that may be refused before <c>jobs health</c> calls the run unhealthy
    /// (<c>health.max_refused_share</c>): a few refused rows are normal, a file mostly refused is not.</summary>
    public double MaxRefusedShare { get; init; } = DefaultMaxRefusedShare;

    public const double DefaultMaxRefusedShare = 0.05;
}

/// <summary>Where an import step finds its files and where it puts them afterwards.</summary>
/// <param name="Folder">The inbox; its top level only, never subfolders.</param>
/// <param name="Pattern">Which files of the inbox to import (<c>*</c> and <c>?</c>, case-insensitive); hidden files never.</param>
/// <param name="Format">The files' format, or null to tell it from each header.</param>
/// <param name="Archive">Where imported (and already imported) files go, date-prefixed.</param>
/// <param name="Failed">Where rejected files go, date-prefixed, with a <c>.reason.txt</c> beside them.</param>
/// <param name="Settle">A file modified more recently than this may still be being written: it waits for the next run.</param>
/// <param name="Recheck">The interval between the two looks at each file's size and time; a file that changed in between waits.</param>
public sealed record InboxSettings(string Folder, string Pattern, ExtractFormat? Format, string Archive, string Failed, TimeSpan Settle, TimeSpan Recheck)
{
    /// <summary>Names of files the inbox may hold that are neither imported nor reported (<c>inbox.ignore</c>, e.g. a README).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];
}

/// <summary>How transient failures (the store locked by another writer, an I/O error) are retried inside a step.</summary>
/// <param name="Attempts">Tries in all, the first included.</param>
/// <param name="Backoff">How the wait grows: constant, linear or exponential.</param>
/// <param name="Delay">The wait before the first retry.</param>
/// <param name="MaxDelay">The longest wait.</param>
/// <param name="LockTimeout">How long one try waits for another connection's write lock before it counts as failed.</param>
public sealed record RetrySettings(int Attempts, BackoffKind Backoff, TimeSpan Delay, TimeSpan MaxDelay, TimeSpan LockTimeout)
{
    public static RetrySettings Default { get; } =
        new(4, BackoffKind.Exponential, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
}

public enum BackoffKind
{
    Constant,
    Linear,
    Exponential,
}

/// <summary>A step of a pipeline. Steps run in the order listed; a failed step skips the ones after it.</summary>
public abstract record StepDefinition
{
    public const string ImportName = "import";
    public const string MeasureName = "measure";
    public const string ReportName = "report";

    public abstract string Name { get; }
}

/// <summary>Imports the inbox's new files with the importer of <c>monitor import</c>.</summary>
public sealed record ImportStepDefinition(string? Source, bool Full, bool Strict) : StepDefinition
{
    public override string Name => ImportName;
}

/// <summary>Writes the comparison JSON of <c>monitor compare</c> for a baseline and a follow-up period.</summary>
/// <param name="AsOf">The as-of date, or null for the latest segment start in the store ("latest").</param>
/// <param name="Output">The JSON file to write (replaced whole, never half-written).</param>
public sealed record MeasureStepDefinition(
    Period Baseline,
    Period Followup,
    DateOnly? AsOf,
    int GapDays,
    IReadOnlyList<CareType> ResidentialSet,
    int TopN,
    string? Region,
    string Output) : StepDefinition
{
    public override string Name => MeasureName;
}

/// <summary>Writes the report through the <see cref="IReportStep"/> the program registered.</summary>
/// <param name="Parameters">The step's object as written (a detached copy), for the implementation to read.</param>
/// <param name="Folder">The pipeline file's folder, against which relative paths in the parameters resolve.</param>
public sealed record ReportStepDefinition(JsonElement Parameters, string Folder) : StepDefinition
{
    public override string Name => ReportName;
}
