using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Jobs;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor scheduler run</c>: the long-running process that fires the enabled pipelines on their schedules, with the dashboard if asked.</summary>
public static class SchedulerCommand
{
    public static Command Create()
    {
        var pipelines = PipelineCommand.PipelinesOption();
        var settings = DashboardCommand.SettingsOption();

        var run = new Command("run", """
            Run the scheduler until Ctrl-C or SIGTERM: a Hangfire server that fires every enabled pipeline on its cron
            schedule (in its time zone), one run at a time, with Hangfire's storage beside the store
            (<store>.hangfire.db), or, for a store on PostgreSQL (--db postgresql://...), in the same database, where
            several schedulers on several machines share the work (each run once). A night missed while the scheduler was down runs once when it starts again; a
            run cut off by a crash runs again then too. Every pipeline file is checked first; one that cannot be
            used stops the start (exit 2). Ctrl-C or SIGTERM rolls back the import in hand, records the run as
            cancelled (it runs again at the next start), and the scheduler exits (0). Exit 4: another scheduler
            is running on this store (a SQLite store only).
            """) { pipelines, settings };
        var dashboardOption = new Option<string?>("--dashboard")
        {
            Description = $"Also serve the dashboard from this process, at this address (e.g. {DashboardCommand.DefaultListen}).",
        };
        run.Options.Add(dashboardOption);
        run.SetAction(parsed =>
        {
            var folder = PipelineCommand.PipelinesFolder(parsed, pipelines);
            var definitions = PipelineCommand.Checked(() => PipelineLoader.LoadAll(folder, PipelineCommand.Steps));
            var database = CommonOptions.DatabasePath(parsed);
            Monitor.Ingest.PseudonymKeys.CheckFor(database); // a server store without its key: exit 2 before anything starts
            var log = TextWriter.Synchronized(parsed.InvocationConfiguration.Output);
            var options = new SchedulerOptions
            {
                DatabasePath = database, Pipelines = definitions, Steps = PipelineCommand.Steps, Log = log, Progress = new PlainProgress(log),
            };
            var listen = parsed.GetValue(dashboardOption);
            var web = listen is null ? null : DashboardCommand.Options(parsed, listen, pipelines, settings);
            PipelineScheduler scheduler;
            try
            {
                scheduler = PipelineCommand.Checked(() => PipelineScheduler.Create(options));
            }
            catch (PipelineBusyException e)
            {
                parsed.InvocationConfiguration.Error.WriteLine($"monitor: {e.Message}");
                return ExitCodes.Busy;
            }
            log.WriteLine($"scheduler: {definitions.Count(p => p.Enabled)} enabled pipeline(s) from {Path.GetFullPath(folder)}, store {Monitor.Store.StoreLocation.Shown(database)}{(Monitor.Store.StoreLocation.IsServerUrl(database) ? " (server mode: Hangfire's storage in its schema hangfire, shared with the other schedulers on it)" : "")}; Ctrl-C or SIGTERM stops it");
            if (web is null)
            {
                using var host = SchedulerHost.Build(scheduler);
                host.Run();
            }
            else
            {
                // One process: the scheduler is a hosted service of the dashboard's web application, over the same storage.
                Microsoft.AspNetCore.Builder.WebApplication app;
                try
                {
                    app = DashboardCommand.Build(web, scheduler.Storage, services =>
                    {
                        services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
                        services.AddSingleton(scheduler);
                        services.AddHostedService(s => s.GetRequiredService<PipelineScheduler>()); // so the container disposes it
                    });
                }
                catch
                {
                    scheduler.Dispose();
                    throw;
                }
                DashboardCommand.Serve(app, log);
            }
            log.WriteLine("scheduler: stopped");
            return ExitCodes.Done;
        });
        return new Command("scheduler", "The scheduler of the pipelines in pipelines/*.json.") { run };
    }
}
