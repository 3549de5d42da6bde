using System.CommandLine;
using Monitor.Core.Measurements;
using Monitor.Reporting.Csv;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor episodes</c>: the episodes and the rows they are made of, as CSV for researchers.</summary>
public static class EpisodesCommand
{
    public static Command Create()
    {
        var csv = new Option<string>("--csv") { Description = "Write the episodes (youth key, start, end, ongoing, duration, providers, moves, cost, municipality, region) to this CSV file ('-' for standard output).", Required = true };
        var segmentsCsv = new Option<string?>("--segments-csv") { Description = "Also write which segment rows (file and line) make each episode." };
        var rules = new EpisodeOptions(window: false);
        var command = new Command("episodes", "Export the stay episodes as CSV, with the youth key (a pseudonym, never a BSN), so every figure can be traced to its rows.")
            { csv, segmentsCsv };
        rules.AddTo(command);
        command.SetAction(parsed =>
        {
            var (choice, gapDays, residentialSet, _) = rules.Resolve(parsed);
            var asOf = rules.Required(choice);
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            using var analysis = new Analysis(store);
            var set = analysis.BuildEpisodes(asOf is AsOfChoice.OnDate d ? d.Date : analysis.Latest.Date, gapDays, residentialSet);
            EpisodeOptions.TellLatest(asOf, analysis, parsed, documentOnStdout: parsed.GetValue(csv) == "-" || parsed.GetValue(segmentsCsv) == "-");
            var keys = store.YouthKeys(set.Episodes.Select(e => e.YouthId));
            var output = parsed.InvocationConfiguration.Output;

            CommonOptions.WriteOutput(parsed.GetValue(csv)!, Text(w => EpisodeExport.WriteEpisodes(set, keys, analysis.Reference, w)), output);
            if (parsed.GetValue(segmentsCsv) is { } target)
            {
                var origins = store.SegmentOrigins(set.Residential.Select(s => s.Id));
                CommonOptions.WriteOutput(target, Text(w => EpisodeExport.WriteSegments(set, keys, origins, w)), output);
            }
            return ExitCodes.Done;
        });
        return command;
    }

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }
}
