using System.CommandLine;
using Monitor.Cli.Commands;

namespace Monitor.Cli;

/// <summary>The `monitor` command line (PROTOCOL.md 7): one place that lists every command.</summary>
public static class MonitorCli
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("""
            Verblijfsmonitor: imports youth-care extracts into a local store, builds stay episodes and
            measures baseline and follow-up periods. Exit status: 0 done, 2 rejected input or arguments
            that do not make sense (one line on stderr), 1 anything unexpected.
            """);
        root.Options.Add(CommonOptions.Database);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ImportsCommand.Create());
        root.Subcommands.Add(QuarantineCommand.Create());
        root.Subcommands.Add(MeasureCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(EpisodesCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DidCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(PipelineCommand.Create());
        root.Subcommands.Add(SchedulerCommand.Create());
        root.Subcommands.Add(JobsCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        return root;
    }
}
