using System.CommandLine;
using Monitor.Cli;
using Monitor.Cli.Commands;

// The `monitor` command line (PROTOCOL.md 7). Exit status: 0 done, 2 rejected input or arguments that
// do not make sense (one line on stderr), 1 anything unexpected.
var root = new RootCommand("Verblijfsmonitor: imports youth-care extracts, builds stay episodes and measures baseline and follow-up.");
root.Options.Add(CommonOptions.Database);
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ImportsCommand.Create());
root.Subcommands.Add(QuarantineCommand.Create());
root.Subcommands.Add(MeasureCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(EpisodesCommand.Create());
return CommandRunner.Run(root, args);
