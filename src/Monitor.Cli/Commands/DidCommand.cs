using System.CommandLine;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor did</c>: the difference in differences of two regions (docs/outcomes.md).</summary>
public static class DidCommand
{
    public static Command Create()
    {
        var regions = new Option<string>("--regions") { Description = "A,B: the region with the programme (A) and the one it is compared with (B).", Required = true };
        var baseline = new Option<string>("--baseline") { Description = "The baseline period.", Required = true };
        var followup = new Option<string>("--followup") { Description = "The follow-up period.", Required = true };
        var json = CommonOptions.Json("the difference in differences");
        var rules = new EpisodeOptions();
        var statistics = new StatisticsOptions();
        var command = new Command("did", "Difference in differences: the change in region A minus the change in region B, of residential days per 1,000 youths and of the mean stay.")
            { regions, baseline, followup, json };
        rules.AddTo(command);
        statistics.AddTo(command);
        command.SetAction(parsed =>
        {
            var (choice, gapDays, residentialSet, settings) = rules.Resolve(parsed);
            var asOf = rules.Required(choice);
            var (replicates, seed) = statistics.Resolve(parsed);
            var (a, b) = CommonOptions.RegionPair(parsed.GetValue(regions), null);
            var basePeriod = CommonOptions.ParsePeriod(parsed.GetValue(baseline)!, "--baseline");
            var followPeriod = CommonOptions.ParsePeriod(parsed.GetValue(followup)!, "--followup");
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            using var analysis = new Analysis(store);
            var inA = analysis.Compare(basePeriod, followPeriod, a, a, asOf, gapDays, residentialSet, settings.TopN);
            var inB = analysis.Compare(basePeriod, followPeriod, b, b, asOf, gapDays, residentialSet, settings.TopN);
            var did = new DifferenceInDifferences(a!, b!, inA.Baseline, inA.Followup, inB.Baseline, inB.Followup);
            EpisodeOptions.TellLatest(asOf, analysis, parsed, documentOnStdout: parsed.GetValue(json) == "-");
            if (replicates > 0)
                did = did with { Statistics = DidStatistics.Compute(did, PrePeriods.Measure(analysis, store, did, gapDays, residentialSet, settings.TopN), replicates, seed) };

            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target)
            {
                CommonOptions.WriteOutput(target, JsonDocuments.Did(did), output);
                return ExitCodes.Done;
            }
            foreach (var (name, f) in new[] { ("residential days per 1,000 youths", did.ResidentialDaysPer1000), ("mean stay (stock), days", did.MeanStayDays) })
            {
                output.WriteLine($"{name}: {a} {F(f.ABaseline)} → {F(f.AFollowup)} (change {F(f.AChange)}); {b} {F(f.BBaseline)} → {F(f.BFollowup)} (change {F(f.BChange)}); " +
                                 $"difference in differences {F(f.DifferenceInDifferences)}");
            }
            foreach (var interval in did.Statistics?.Intervals ?? [])
                output.WriteLine($"{interval.Figure}: 95% interval of the difference in differences {F(interval.Interval?.Lower)} to {F(interval.Interval?.Upper)}");
            foreach (var trend in did.Statistics?.Trends ?? [])
                if (trend.English is { } sentence) output.WriteLine($"{trend.Figure}: {sentence}");
            return ExitCodes.Done;
        });
        return command;
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
