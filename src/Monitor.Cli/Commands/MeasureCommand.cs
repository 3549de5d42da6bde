using System.CommandLine;
using Monitor.Core.Measurements;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor measure</c>: the figures of one period (PROTOCOL.md 5).</summary>
public static class MeasureCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "The period: a year (2020) or yyyy-MM-dd..yyyy-MM-dd.", Required = true };
        var region = CommonOptions.Region();
        var topN = new Option<int?>("--top-n") { Description = "How many of the longest episodes the top-N figures take (default 25)." };
        var json = CommonOptions.Json("the measurement");
        var rules = new EpisodeOptions();
        var command = new Command("measure", "Measure one period: youths and episodes in residential care, durations, providers, costs, entry-cohort Kaplan–Meier.")
            { period, region, topN, json };
        rules.AddTo(command);
        command.SetAction(parsed =>
        {
            var (asOf, gapDays, residentialSet, settings) = rules.Resolve(parsed);
            var thePeriod = CommonOptions.ParsePeriod(parsed.GetValue(period)!, "--period");
            EpisodeOptions.CheckAsOf(thePeriod, asOf, "--period");
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            var analysis = new Analysis(store);
            var regionName = parsed.GetValue(region);
            analysis.CheckRegion(regionName);
            var episodes = analysis.BuildEpisodes(asOf, gapDays, residentialSet);
            var measurement = analysis.Measure(episodes, thePeriod, regionName, parsed.GetValue(topN) ?? settings.TopN);

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target) CommonOptions.WriteOutput(target, JsonDocuments.Measure(measurement), output);
            else Summary.Write(measurement, output);
            return ExitCodes.Done;
        });
        return command;
    }
}
