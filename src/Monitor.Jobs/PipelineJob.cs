using System.ComponentModel;
using Hangfire.Server;
using Monitor.Store;

namespace Monitor.Jobs;

/// <summary>
/// The Hangfire job of the pipelines: a plain method call with the pipeline's name, so it can be stored,
/// queued again and shown. It calls <see cref="PipelineRunner"/>, the same code path as
/// <c>monitor pipeline run</c>, and returns one line for Hangfire's dashboard; the run's own record (steps,
/// files, reasons) is the product's run history. A run that failed is still a job that did its work, so
/// Hangfire shows it as succeeded with that line; only a run that could not be recorded at all fails the job.
/// </summary>
public sealed class PipelineJob(SchedulerOptions options)
{
    [DisplayName("pipeline {0}")]
    public string Run(string pipeline, PerformContext? context, CancellationToken cancellationToken)
    {
        var log = options.Log;
        var definition = options.Pipelines.FirstOrDefault(p => p.Name == pipeline);
        if (definition is null)
        {
            log.WriteLine($"{pipeline}: fired, but no such pipeline is loaded; not run");
            return "not run: no such pipeline is loaded";
        }
        try
        {
            var result = new PipelineRunner(options.DatabasePath, options.Steps, log, progress: options.Progress) { LockWait = TimeSpan.FromSeconds(5) }
                .Run(definition, new RunRequest(RunRequest.Schedule, ScheduledFor(definition, context)), cancellationToken);
            // Stopped by a shutdown: handed back to Hangfire, which puts the job back in its queue, so it runs
            // again at the next start and takes the files this run left in the inbox.
            if (result.Run.Status == RunStatus.Cancelled) cancellationToken.ThrowIfCancellationRequested();
            return $"run #{result.Run.Id} {result.Run.Status}" + (result.Run.Error is { } error ? $": {error}" : "");
        }
        catch (PipelineBusyException e)
        {
            log.WriteLine($"{pipeline}: not run: {e.Message}");
            return $"not run: {e.Message}";
        }
    }

    /// <summary>
    /// The time the schedule meant: the latest time the cron names at or before the moment Hangfire's
    /// scheduler triggered the job (its "Time" parameter). A run caught up after downtime is thus recorded
    /// for the night it stands for.
    /// </summary>
    private static DateTime? ScheduledFor(PipelineDefinition pipeline, PerformContext? context)
    {
        if (context?.GetJobParameter<long?>("Time") is not { } seconds) return null;
        return pipeline.Schedule.Previous(DateTimeOffset.FromUnixTimeSeconds(seconds))?.UtcDateTime;
    }
}
