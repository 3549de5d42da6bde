using Monitor.Ingest;

namespace Monitor.Jobs;

/// <summary>What <see cref="SchedulerHost"/> runs, and how.</summary>
public sealed record SchedulerOptions
{
    /// <summary>The store; Quartz keeps its tables (QRTZ_*) in the same file.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The checked pipelines; the enabled ones are scheduled.</summary>
    public required IReadOnlyList<PipelineDefinition> Pipelines { get; init; }

    public PipelineSteps Steps { get; init; } = PipelineSteps.WithoutReport;

    /// <summary>Where the scheduler says what it does: its schedule, each run and its steps.</summary>
    public required TextWriter Log { get; init; }

    /// <summary>Told how a long import advances (a line every so many rows), or null. Runs take turns, so one serves all.</summary>
    public IImportProgress? Progress { get; init; }

    /// <summary>The Quartz scheduler's name: its rows in the QRTZ_ tables carry it. One per store.</summary>
    public string SchedulerName { get; init; } = "monitor";

    /// <summary>How late a fire may start before Quartz counts it as missed and applies the misfire
    /// instruction (fire once now). Quartz's default, one minute; tests shorten it.</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long Ctrl-C or SIGTERM waits for the running file's transaction and the run's record.
    /// Keep systemd's TimeoutStopSec above it.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
