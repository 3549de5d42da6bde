using System.CommandLine;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor report</c>: the chart report (index.html, charts/*.svg, tables/*.csv).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var baseline = new Option<string>("--baseline") { Description = "The baseline period (nulmeting): a year or yyyy-MM-dd..yyyy-MM-dd.", Required = true };
        var followup = new Option<string>("--followup") { Description = "The follow-up period (vervolgmeting).", Required = true };
        var outDir = new Option<string>("--out") { Description = "The folder to write index.html, charts/ and tables/ into.", Required = true };
        var language = new Option<string>("--lang") { Description = "nl (default) or en.", DefaultValueFactory = _ => "nl" };
        language.AcceptOnlyFromAmong("nl", "en");
        var region = CommonOptions.Region();
        var regions = new Option<string?>("--regions") { Description = "A,B: report on region A and compare it with region B." };
        var threshold = new Option<int?>("--threshold") { Description = "Counts below this show as '<N'; statistics over fewer youths are left out (default 10; settings file: suppression_threshold)." };
        var rules = new EpisodeOptions();
        var statistics = new StatisticsOptions();
        var command = new Command("report", """
            Write the chart report: a self-contained HTML page with SVG charts, Dutch by default, plus each chart and table
            as its own file. Each period is read at its own end plus --window days (default 182), or both at one --as-of date.
            The changes carry 95% intervals from a seeded bootstrap over youths, as compare's (--bootstrap 0: none).
            """)
            { baseline, followup, outDir, language, region, regions, threshold };
        rules.AddTo(command);
        statistics.AddTo(command);
        command.SetAction(parsed =>
        {
            var (choice, gapDays, residentialSet, settings) = rules.Resolve(parsed);
            var (replicates, seed) = statistics.Resolve(parsed);
            var (regionA, regionB) = CommonOptions.RegionPair(parsed.GetValue(regions), parsed.GetValue(region));
            var request = new ReportRequest(
                CommonOptions.ParsePeriod(parsed.GetValue(baseline)!, "--baseline"),
                CommonOptions.ParsePeriod(parsed.GetValue(followup)!, "--followup"),
                choice ?? AsOfChoice.OfWindow(ReportAssembler.DefaultWindowDays), gapDays, residentialSet, parsed.GetValue(region), regionA, regionB,
                parsed.GetValue(language) == "en" ? Language.English : Language.Dutch,
                parsed.GetValue(threshold) ?? settings.SuppressionThreshold, settings.TopN)
            {
                Contact = settings.ReportContact,
                Replicates = replicates,
                Seed = seed,
            };
            // A threshold of 1 hides nothing; 2 is the least that keeps a single child out of a count.
            if (request.SuppressionThreshold < 2) throw new UsageException($"--threshold must be at least 2 ({request.SuppressionThreshold})");
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            var index = ReportAssembler.Write(store, request, parsed.GetValue(outDir)!);
            parsed.InvocationConfiguration.Output.WriteLine($"Report: {Path.GetFullPath(index)}");
            return ExitCodes.Done;
        });
        return command;
    }
}
