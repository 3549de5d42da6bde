using System.Runtime.CompilerServices;
using Monitor.Ingest;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>Who started a run, and for which scheduled time.</summary>
/// <param name="StartedBy"><c>manual</c> (monitor pipeline run) or <c>schedule</c> (the scheduler).</param>
/// <param name="ScheduledFor">The fire time the schedule meant; a catch-up run after downtime starts later.</param>
public sealed record RunRequest(string StartedBy, DateTime? ScheduledFor = null)
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";
}

/// <summary>A finished run as recorded: the run, its steps, the inbox files it handled.</summary>
public sealed record RunResult(PipelineRun Run, IReadOnlyList<PipelineRunStep> Steps, IReadOnlyList<PipelineRunFile> Files);

/// <summary>
/// Runs a pipeline once: the one code path behind <c>monitor pipeline run</c>, cron and systemd timers,
/// and the scheduler's job. It takes the pipeline's lock (one run at a time, across processes), records
/// the run and each step as it goes, runs the steps in order — a failed step skips the ones after it —
/// and decides the run's status:
/// <list type="bullet">
/// <item><c>succeeded</c>: every step succeeded and no file was rejected (refused rows are no failure);</item>
/// <item><c>succeeded_with_rejections</c>: every step succeeded, but a file was rejected whole and moved to
/// the failed folder: what came in is not all in the store, and someone has to act;</item>
/// <item><c>failed</c>: a step failed (after its retries); <c>cancelled</c>: asked to stop, and stopped
/// between two files or steps.</item>
/// </list>
/// </summary>
public sealed class PipelineRunner(string databasePath, PipelineSteps steps, TextWriter log, TimeProvider? clock = null, IImportProgress? progress = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>How long to wait for another run of the pipeline to finish before giving up (default: not at all).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.Zero;

    /// <exception cref="PipelineBusyException">Another run of the pipeline holds its lock; nothing was done or recorded.</exception>
    public RunResult Run(PipelineDefinition pipeline, RunRequest request, CancellationToken cancellationToken = default)
    {
        using var held = PipelineLock.Acquire(databasePath, pipeline.Name, LockWait, _clock, cancellationToken);
        var retry = Retries.Pipeline(pipeline.Retry, log, _clock);
        using var history = RunHistory.Open(databasePath, pipeline.Retry, retry);
        if (history.MarkInterrupted(pipeline.Name) is > 0 and var interrupted)
            log.WriteLine($"{pipeline.Name}: {interrupted} earlier run{(interrupted == 1 ? " was" : "s were")} interrupted (the process ended); recorded as such");
        var started = _clock.GetUtcNow();
        var runId = history.Start(pipeline.Name, request, started.UtcDateTime);
        log.WriteLine($"{pipeline.Name}: run #{runId} started ({request.StartedBy})");

        var files = new FileTally();
        string? failure = null;
        string? waitReason = null;
        var cancelled = false;
        for (var i = 0; i < pipeline.Steps.Count; i++)
        {
            var step = pipeline.Steps[i];
            var record = new PipelineRunStep { RunId = runId, Position = i + 1, Step = step.Name, Status = StepStatus.Skipped };
            if (failure is not null || cancelled || cancellationToken.IsCancellationRequested)
            {
                cancelled |= failure is null;
                history.Step(record);
                continue;
            }
            if (waitReason is not null)
            {
                history.Step(record with { Error = waitReason });
                log.WriteLine($"{pipeline.Name}: step {i + 1}, {step.Name}: skipped: {waitReason}");
                continue;
            }
            record = record with { Status = StepStatus.Running, StartedAt = _clock.GetUtcNow().UtcDateTime };
            history.Step(record);
            log.WriteLine($"{pipeline.Name}: step {i + 1}, {step.Name}");
            var context = new StepContext(pipeline, runId, i + 1, databasePath, history, retry, log, _clock, progress, started);
            var result = RunStep(step, context, cancellationToken);
            files = Add(files, result.Files);
            history.Step(record with
            {
                Status = result.Status, Attempts = result.Attempts, FinishedAt = _clock.GetUtcNow().UtcDateTime,
                RowsRead = result.RowsRead, RowsAccepted = result.RowsAccepted, RowsRejected = result.RowsRejected,
                RowsDuplicate = result.RowsDuplicate, Output = result.Output, Error = result.Error,
            });
            if (result.Status == StepStatus.Failed)
            {
                failure = $"step {i + 1} ({step.Name}): {result.Error}";
                log.WriteLine($"  failed: {result.Error}");
            }
            cancelled |= result.Status == StepStatus.Cancelled;
            // A new pipeline's first run often finds its files still settling: nothing to measure yet is no failure.
            if (step is ImportStepDefinition && result.Status == StepStatus.Succeeded && files is { Imported: 0, Waiting: > 0 } && !history.HoldsSegments())
                waitReason = $"nothing is stored yet and {files.Waiting} file{(files.Waiting == 1 ? " is" : "s are")} still settling: they are imported, measured and reported by the next run";
        }

        var status = failure is not null ? RunStatus.Failed
            : cancelled ? RunStatus.Cancelled
            : files.Rejected > 0 ? RunStatus.SucceededWithRejections
            : RunStatus.Succeeded;
        var error = failure ?? (cancelled ? "stopped on request (Ctrl-C or SIGTERM) before every step had run" : null);
        history.Finish(new PipelineRun
        {
            Id = runId, Pipeline = pipeline.Name, StartedBy = request.StartedBy, Status = status, StartedAt = started.UtcDateTime,
            FinishedAt = _clock.GetUtcNow().UtcDateTime, FilesImported = files.Imported, FilesAlreadyImported = files.AlreadyImported,
            FilesRejected = files.Rejected, FilesWaiting = files.Waiting, Error = error,
        });
        var (run, recordedSteps, recordedFiles) = history.Read(runId);
        log.WriteLine($"{pipeline.Name}: run #{runId} {status}: {RunSummary.Files(run)}{(error is null ? "" : $"; {error}")}");
        return new RunResult(run, recordedSteps, recordedFiles);
    }

    private StepResult RunStep(StepDefinition step, StepContext context, CancellationToken cancellationToken)
    {
        var tries = new StrongBox<int>();
        try
        {
            return step switch
            {
                ImportStepDefinition import => ImportStep.Run(import, context, cancellationToken),
                MeasureStepDefinition measure => MeasureStep.Run(measure, context, tries, cancellationToken),
                ReportStepDefinition report => ReportStep.Run(report, steps.Report, context, tries, cancellationToken),
                _ => throw new InvalidOperationException($"unknown step '{step.Name}'"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new StepResult(StepStatus.Cancelled, tries.Value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Permanent (a parameter that does not fit the data) or transient after every retry: either way the
            // step failed, and the run says which step and why.
            return new StepResult(StepStatus.Failed, tries.Value) { Error = Retries.Describe(e) };
        }
    }

    private static FileTally Add(FileTally a, FileTally b) =>
        new(a.Imported + b.Imported, a.AlreadyImported + b.AlreadyImported, a.Rejected + b.Rejected, a.Waiting + b.Waiting);
}
