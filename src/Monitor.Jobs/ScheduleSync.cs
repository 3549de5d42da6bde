using System.Globalization;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Monitor.Jobs;

/// <summary>
/// Brings Quartz's stored schedule in line with the pipeline files before the scheduler starts. A trigger
/// whose cron expression, time zone and misfire instruction are unchanged is kept as stored — with the
/// next fire time it had — so that a nightly run missed while the scheduler was down is found by Quartz's
/// misfire handling at start and fires once ("fire once now"), not once per missed night. A changed
/// trigger is replaced; the job of a pipeline that is gone or disabled is deleted. It also holds the store's
/// scheduler lock until the scheduler has stopped (hosted services stop in reverse order: Quartz's first).
/// </summary>
internal sealed class ScheduleSync(ISchedulerFactory factory, SchedulerOptions options, PipelineLock schedulerLock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var enabled = options.Pipelines.Where(p => p.Enabled).ToDictionary(p => new JobKey(p.Name, PipelineJob.Group));
        var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(PipelineJob.Group), Take = 10_000 }, cancellationToken);
        foreach (var job in stored.Items.Where(j => !enabled.ContainsKey(j.Key)))
        {
            await scheduler.DeleteJob(job.Key, cancellationToken);
            options.Log.WriteLine($"{job.Key.Name}: no longer scheduled (its pipeline file is gone or disabled)");
        }

        foreach (var (key, pipeline) in enabled)
        {
            var triggerKey = new TriggerKey(pipeline.Name, PipelineJob.Group);
            var existing = await scheduler.GetTrigger(triggerKey, cancellationToken) as ICronTrigger;
            var state = existing is null ? TriggerState.None : await scheduler.GetTriggerState(triggerKey, cancellationToken);
            if (existing is not null && state is not (TriggerState.Error or TriggerState.None)
                && existing.CronExpressionString == pipeline.Cron && existing.TimeZone.Id == pipeline.TimeZone.Id
                && existing.MisfireInstructionCode == (int)CronTriggerMisfireInstruction.FireAndProceed)
            {
                Describe(pipeline, existing.NextFireTimeUtc);
                continue;
            }
            var job = JobBuilder.Create<PipelineJob>()
                .WithIdentity(key)
                .WithDescription($"pipeline {pipeline.File}")
                .RequestRecovery() // a firing cut off by a crash or a shutdown runs again at the next start
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(triggerKey)
                .ForJob(key)
                .WithCronSchedule(pipeline.Cron, cron => cron
                    .InTimeZone(pipeline.TimeZone) // never the machine's zone: the schedule means Dutch time
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .WithRetryPolicy(RetryPolicy.None) // retries happen inside the steps, for scheduled and manual runs alike
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            Describe(pipeline, trigger.NextFireTimeUtc ?? trigger.GetFireTimeAfter(DateTimeOffset.UtcNow));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        schedulerLock.Dispose();
        return Task.CompletedTask;
    }

    private void Describe(PipelineDefinition pipeline, DateTimeOffset? next)
    {
        var when = next is { } n ? TimeZoneInfo.ConvertTime(n, pipeline.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "never again";
        var missed = next is { } m && m < DateTimeOffset.UtcNow - options.MisfireThreshold ? " (missed while the scheduler was down: runs once now)" : "";
        options.Log.WriteLine($"{pipeline.Name}: '{pipeline.Cron}' in {pipeline.TimeZone.Id}, next run {when}{missed}");
    }
}
