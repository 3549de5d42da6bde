using System.CommandLine;
using Monitor.Core.Measurements;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor compare</c>: baseline against follow-up, or region against region (PROTOCOL.md 6).</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baseline = new Option<string>("--baseline") { Description = "The baseline period (nulmeting): a year or yyyy-MM-dd..yyyy-MM-dd.", Required = true };
        var followup = new Option<string?>("--followup") { Description = "The follow-up period (vervolgmeting). Not used with --regions." };
        var region = CommonOptions.Region();
        var regions = new Option<string?>("--regions") { Description = "A,B: compare region A (as baseline) with region B (as followup) over the --baseline period." };
        var json = CommonOptions.Json("the comparison");
        var rules = new EpisodeOptions();
        var statistics = new StatisticsOptions();
        var command = new Command("compare", """
            Compare two measurements with the same rules, with a Mann–Whitney test of exit durations and a log-rank
            test of the entry cohorts. --window N reads each period at its own end plus N days (the fair comparison);
            --as-of D|latest reads both at one date, so the later period has had less time to end its stays.
            Every figure is defined in docs/definitions.md.
            """)
            { baseline, followup, region, regions, json };
        rules.AddTo(command);
        statistics.AddTo(command);
        command.SetAction(parsed =>
        {
            var (choice, gapDays, residentialSet, settings) = rules.Resolve(parsed);
            var asOf = rules.Required(choice);
            var (replicates, seed) = statistics.Resolve(parsed);
            var basePeriod = CommonOptions.ParsePeriod(parsed.GetValue(baseline)!, "--baseline");
            var regionName = parsed.GetValue(region);
            string? regionA = regionName, regionB = regionName;
            var followPeriod = basePeriod;
            if (parsed.GetValue(regions) is { } regionPair)
            {
                (regionA, regionB) = CommonOptions.RegionPair(regionPair, regionName);
            }
            else
            {
                var followText = parsed.GetValue(followup) ?? throw new UsageException("--followup is required unless --regions A,B compares two regions");
                followPeriod = CommonOptions.ParsePeriod(followText, "--followup");
            }

            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            using var analysis = new Analysis(store);
            var comparison = analysis.Compare(basePeriod, followPeriod, regionA, regionB, asOf, gapDays, residentialSet, settings.TopN);
            if (replicates > 0) comparison = analysis.WithStatistics(comparison, replicates, seed);

            var output = parsed.InvocationConfiguration.Output;
            var target = parsed.GetValue(json);
            EpisodeOptions.TellLatest(asOf, analysis, parsed, documentOnStdout: target == "-");
            if (target is not null) CommonOptions.WriteOutput(target, JsonDocuments.Compare(comparison), output);
            else Summary.Write(comparison, output);
            return ExitCodes.Done;
        });
        return command;
    }
}
