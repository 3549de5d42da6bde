using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Store;
using Quartz;

namespace Monitor.Jobs;

/// <summary>
/// <c>monitor scheduler run</c>: a Microsoft.Extensions.Hosting host with Quartz's hosted service. The
/// triggers live in Quartz's persistent ADO.NET store (the SQLite delegate, Microsoft.Data.Sqlite) inside
/// the product's own store file, in tables Quartz creates itself (<c>ProvisionSchema</c>). One job runs
/// at a time (a thread pool of one): pipelines share one SQLite writer, and queueing them is cheaper than
/// letting them wait on each other's locks. Ctrl-C or SIGTERM asks the running job to stop — it finishes
/// the file in hand, records the run as cancelled and returns — and the host waits for it
/// (<c>WaitForJobsToComplete</c>) up to <see cref="SchedulerOptions.ShutdownTimeout"/>.
/// </summary>
public static class SchedulerHost
{
    /// <exception cref="PipelineBusyException">Another scheduler is running on this store.</exception>
    public static IHost Build(SchedulerOptions options)
    {
        if (!options.Pipelines.Any(p => p.Enabled))
            throw new PipelineDefinitionException([new PipelineProblem("pipelines", "", "no enabled pipeline: the scheduler would have nothing to do")]);
        // Two schedulers on one store would both fire its triggers (Quartz's SQLite store is not clustered).
        var held = PipelineLock.TryAcquire(PipelineLock.SchedulerPathFor(options.DatabasePath))
                   ?? throw new PipelineBusyException($"another scheduler is running on this store (it holds {PipelineLock.SchedulerPathFor(options.DatabasePath)})");
        try
        {
            // The product's tables first (created and migrated on open), and the WAL journal the store sets:
            // the scheduler, a manual import and `monitor jobs` all use the file at once.
            MonitorStore.Open(options.DatabasePath).Dispose();
        }
        catch
        {
            held.Dispose();
            throw;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "monitor" });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.Logging.ClearProviders()
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter((_, level) => level >= LogLevel.Warning); // Quartz's warnings and errors; the runs speak for themselves
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => held); // released when the scheduler stops, or the host is disposed
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.SchedulerName;
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(1);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(new SqliteConnectionStringBuilder
                {
                    DataSource = Path.GetFullPath(options.DatabasePath),
                    // A long import holds the store's one write lock; Quartz's statements wait for it rather than fail.
                    DefaultTimeout = 300,
                }.ToString());
                store.ProvisionSchema();
                store.ConfigureStore(o =>
                {
                    o.MisfireThreshold = options.MisfireThreshold;
                    o.RecoverFiringsCancelledByShutdown = true;
                });
            });
        });
        builder.Services.AddHostedService<ScheduleSync>(); // before Quartz's hosted service: the schedule is in line before anything fires
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }
}
