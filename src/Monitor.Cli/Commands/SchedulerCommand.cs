using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Monitor.Jobs;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor scheduler run</c>: the long-running host that fires the enabled pipelines on their schedules.</summary>
public static class SchedulerCommand
{
    public static Command Create()
    {
        var pipelines = PipelineCommand.PipelinesOption();
        var run = new Command("run", """
            Run the scheduler until Ctrl-C or SIGTERM: every enabled pipeline fires on its cron schedule (in its time
            zone), one run at a time. The schedule is kept in Quartz's tables inside the store, so a nightly run
            missed while the scheduler was down runs once when it starts again. Every pipeline file is checked
            first; one that cannot be used stops the start (exit 2). On Ctrl-C or SIGTERM the running file
            finishes its transaction, the run is recorded as cancelled, and the scheduler exits (0). Exit 4: another
            scheduler is running on this store.
            """) { pipelines };
        run.SetAction(parsed =>
        {
            var folder = PipelineCommand.PipelinesFolder(parsed, pipelines);
            var definitions = PipelineCommand.Checked(() => PipelineLoader.LoadAll(folder, PipelineCommand.Steps));
            var database = CommonOptions.DatabasePath(parsed);
            var log = TextWriter.Synchronized(parsed.InvocationConfiguration.Output);
            IHost host;
            try
            {
                host = PipelineCommand.Checked(() => SchedulerHost.Build(new SchedulerOptions
                {
                    DatabasePath = database, Pipelines = definitions, Steps = PipelineCommand.Steps, Log = log, Progress = new PlainProgress(log),
                }));
            }
            catch (PipelineBusyException e)
            {
                parsed.InvocationConfiguration.Error.WriteLine($"monitor: {e.Message}");
                return ExitCodes.Busy;
            }
            using var running = host;
            log.WriteLine($"scheduler: {definitions.Count(p => p.Enabled)} enabled pipeline(s) from {Path.GetFullPath(folder)}, store {Path.GetFullPath(database)}; Ctrl-C or SIGTERM stops it");
            running.Run();
            log.WriteLine("scheduler: stopped");
            return ExitCodes.Done;
        });
        return new Command("scheduler", "The scheduler of the pipelines in pipelines/*.json.") { run };
    }
}
