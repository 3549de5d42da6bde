using Quartz;

namespace Monitor.Jobs;

/// <summary>
/// The Quartz job of one pipeline (its job key is the pipeline's name): it calls <see cref="PipelineRunner"/>,
/// the same code path as <c>monitor pipeline run</c>. <see cref="DisallowConcurrentExecutionAttribute"/>
/// keeps two firings of one pipeline from overlapping in this scheduler (the pipeline's lock does so
/// across processes); a firing that comes due meanwhile waits and is then settled by the misfire
/// instruction, so it runs once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PipelineJob(SchedulerOptions options) : IJob
{
    public const string Group = "pipelines";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.JobDetail.Key.Name;
        var log = options.Log;
        var pipeline = options.Pipelines.FirstOrDefault(p => p.Name == name);
        if (pipeline is null)
        {
            log.WriteLine($"{name}: fired, but no such pipeline is loaded; not run");
            return ValueTask.CompletedTask;
        }
        try
        {
            var result = new PipelineRunner(options.DatabasePath, options.Steps, log, progress: options.Progress).Run(pipeline,
                new RunRequest(RunRequest.Schedule, context.ScheduledFireTimeUtc?.UtcDateTime), cancellationToken);
            if (result.Run.Status == Store.RunStatus.Cancelled)
            {
                // Handed back to Quartz (RecoverFiringsCancelledByShutdown, RequestRecovery): the firing runs
                // again when the scheduler starts next, and takes the files this one left in the inbox.
                throw new OperationCanceledException(cancellationToken);
            }
        }
        catch (PipelineBusyException e)
        {
            log.WriteLine($"{name}: not run: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The run's own failures are in its record; this is the record itself failing (the store gone).
            log.WriteLine($"{name}: the run could not be recorded: {Retries.Describe(e)}");
            throw new JobExecutionException(e);
        }
        return ValueTask.CompletedTask;
    }
}
