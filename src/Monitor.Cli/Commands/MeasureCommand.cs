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
        var command = new Command("measure", """
            Measure one period: youths and episodes in residential care, durations, providers, costs, entry-cohort
            Kaplan–Meier. Give the as-of date (--as-of D|latest) or a window after the period's end (--window N).
            Every figure is defined in docs/definitions.md.
            """)
            { period, region, topN, json };
        rules.AddTo(command);
        command.SetAction(parsed =>
        {
            var (choice, gapDays, residentialSet, settings) = rules.Resolve(parsed);
            var asOf = rules.Required(choice);
            var thePeriod = CommonOptions.ParsePeriod(parsed.GetValue(period)!, "--period");
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            using var analysis = new Analysis(store);
            var measurement = analysis.Measure(thePeriod, asOf, gapDays, residentialSet, parsed.GetValue(region), parsed.GetValue(topN) ?? settings.TopN);

            var output = parsed.InvocationConfiguration.Output;
            var target = parsed.GetValue(json);
            EpisodeOptions.TellLatest(asOf, analysis, parsed, documentOnStdout: target == "-");
            if (target is not null) CommonOptions.WriteOutput(target, JsonDocuments.Measure(measurement), output);
            else Summary.Write(measurement, output);
            return ExitCodes.Done;
        });
        return command;
    }
}
