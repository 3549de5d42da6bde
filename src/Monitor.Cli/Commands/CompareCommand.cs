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
        var command = new Command("compare", "Compare two measurements with the same as-of date and rules, with a Mann–Whitney test of exit durations and a log-rank test of the entry cohorts.")
            { baseline, followup, region, regions, json };
        rules.AddTo(command);
        statistics.AddTo(command);
        command.SetAction(parsed =>
        {
            var (asOf, gapDays, residentialSet, settings) = rules.Resolve(parsed);
            var (replicates, seed) = statistics.Resolve(parsed);
            var basePeriod = CommonOptions.ParsePeriod(parsed.GetValue(baseline)!, "--baseline");
            EpisodeOptions.CheckAsOf(basePeriod, asOf, "--baseline");
            var regionPair = parsed.GetValue(regions);
            var regionName = parsed.GetValue(region);
            string? regionA = regionName, regionB = regionName;
            var followPeriod = basePeriod;
            if (regionPair is not null)
            {
                (regionA, regionB) = CommonOptions.RegionPair(regionPair, regionName);
            }
            else
            {
                var followText = parsed.GetValue(followup) ?? throw new UsageException("--followup is required unless --regions A,B compares two regions");
                followPeriod = CommonOptions.ParsePeriod(followText, "--followup");
                EpisodeOptions.CheckAsOf(followPeriod, asOf, "--followup");
            }

            using var store = MonitorStore.Open(CommonOptions.DatabasePath(parsed));
            var analysis = new Analysis(store);
            analysis.CheckRegion(regionA);
            analysis.CheckRegion(regionB);
            var episodes = analysis.BuildEpisodes(asOf, gapDays, residentialSet);
            var comparison = Comparison.Of(
                analysis.Measure(episodes, basePeriod, regionA, settings.TopN),
                analysis.Measure(episodes, followPeriod, regionB, settings.TopN));
            if (replicates > 0)
                comparison = comparison with { Statistics = ComparisonStatistics.Compute(episodes, episodes, comparison, replicates, seed) };

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target) CommonOptions.WriteOutput(target, JsonDocuments.Compare(comparison), output);
            else Summary.Write(comparison, output);
            return ExitCodes.Done;
        });
        return command;
    }
}
