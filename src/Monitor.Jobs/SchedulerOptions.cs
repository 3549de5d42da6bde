using Monitor.Ingest;

namespace Monitor.Jobs;

/// <summary>What <see cref="PipelineScheduler"/> runs, and how.</summary>
public sealed record SchedulerOptions
{
    /// <summary>The store (a file, or a <c>postgresql://</c> URL). Hangfire keeps its own storage beside a file
    /// (<see cref="PipelineScheduler.StoragePathFor"/>), or in the schema <c>hangfire</c> of the store's database.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The checked pipelines; the enabled ones are scheduled.</summary>
    public required IReadOnlyList<PipelineDefinition> Pipelines { get; init; }

    public PipelineSteps Steps { get; init; } = PipelineSteps.WithoutReport;

    /// <summary>Where the scheduler says what it does: its schedule, each run and its steps.</summary>
    public required TextWriter Log { get; init; }

    /// <summary>Told how a long import advances (a line every so many rows), or null. Runs take turns, so one serves all.</summary>
    public IImportProgress? Progress { get; init; }

    /// <summary>How often Hangfire looks for recurring jobs that are due and for queued jobs. A run therefore
    /// starts up to this late; tests shorten it.</summary>
    public TimeSpan PollingInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a job taken from the queue stays invisible to the (one) worker before it is taken again.
    /// Hangfire's SQLite storage has no sliding timeout: a run longer than this would start a second time
    /// while still running (the pipeline's lock would then refuse it). So it is far above the longest import;
    /// a run cut off by a crash does not wait for it, since the scheduler re-queues such runs at start.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Server mode (Hangfire.PostgreSql, sliding): how long a job taken by a worker that stopped renewing it (killed,
    /// its machine gone) stays invisible before another worker takes it. A live worker renews it, however long the run.
    /// </summary>
    public TimeSpan ServerInvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long Ctrl-C or SIGTERM waits for the running import to roll back and the run's record
    /// to be written. Keep systemd's TimeoutStopSec above it.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
