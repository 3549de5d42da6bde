using System.CommandLine;
using Monitor.Cli.Bench;
using Monitor.Core.Measurements;
using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Ingest;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

public static partial class BenchCommand
{
    /// <summary>
    /// <c>bench delta</c>: the nightly run on a store of <c>bench import</c>. First the previous night's
    /// measurement (which leaves the caches at the store's version), then a delta of a fraction of the rows is
    /// imported and measured again (and, with <c>--report</c>, reported): what a nightly pipeline does.
    /// <c>--check</c> also measures from the store alone and compares the documents byte for byte.
    /// </summary>
    private static Command DeltaBench()
    {
        var fraction = new Option<double>("--fraction") { Description = "The delta's rows as a fraction of the stored rows (default 0.01).", DefaultValueFactory = _ => 0.01 };
        var period = new Option<string>("--period") { Description = "The period measured (default 2020).", DefaultValueFactory = _ => "2020" };
        var asOf = new Option<string>("--as-of") { Description = "As-of date (default 2022-06-30).", DefaultValueFactory = _ => "2022-06-30" };
        var report = new Option<string?>("--report") { Description = "Also write the report (2020 against 2021) into this folder after the delta." };
        var check = new Option<bool>("--check") { Description = "Compare the delta's figures with a measurement from the store alone." };
        var seed = new Option<int>("--seed") { Description = "Seed of the delta's rows (another seed, another delta).", DefaultValueFactory = _ => 20220701 };
        var command = new Command("delta", "Import a delta of a fraction of the rows into a store of bench import, then measure (and report) again; seconds and peak memory per stage.")
            { fraction, period, asOf, report, check, seed };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var db = CommonOptions.DatabasePath(parsed);
            var date = CommonOptions.ParseDate(parsed.GetValue(asOf)!, "--as-of");
            var measured = CommonOptions.ParsePeriod(parsed.GetValue(period)!, "--period");
            Machine(output);
            using var store = MonitorStore.Open(db);
            var clock = new StageClock(output);
            Measure(store, date, measured, "the night before");
            clock.Stage("the night before (caches at the store's version)");

            var stored = store.CountSegments();
            var extract = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "delta.csv");
            var rows = (long)(stored * parsed.GetValue(fraction));
            SyntheticExtract.WriteDelta(extract, rows, stored, parsed.GetValue(seed));
            clock.Restart();
            var nightly = System.Diagnostics.Stopwatch.StartNew();
            var result = new Importer(store, PseudonymKeys.ForStore(db)).Import(extract, new ImportOptions());
            clock.Stage($"imported the delta: {result.RowsRead:N0} rows ({result.RowsAccepted:N0} accepted, {result.RowsDuplicate:N0} duplicate; {result.Status})");
            var measuring = System.Diagnostics.Stopwatch.StartNew();
            var json = Measure(store, date, measured, "after the delta", clock);
            output.WriteLine($"  the delta measured in {measuring.Elapsed.TotalSeconds:N2} s; imported and measured in {nightly.Elapsed.TotalSeconds:N2} s");
            if (parsed.GetValue(report) is { } folder)
            {
                clock.Restart();
                ReportAssembler.Write(store, new ReportRequest(measured, CommonOptions.ParsePeriod("2021", "--followup"), AsOfChoice.Of(date),
                    Settings.Defaults.GapDays, CareTypes.DefaultResidentialSet, null, null, null, Language.Dutch,
                    Settings.Defaults.SuppressionThreshold, Settings.Defaults.TopN), folder);
                clock.Stage("reported (four gap rules, two periods, charts)");
                output.WriteLine($"  imported, measured and reported in {nightly.Elapsed.TotalSeconds:N2} s");
            }
            if (parsed.GetValue(check))
            {
                clock.Restart();
                using var analysis = new Analysis(store, useCaches: false);
                var episodes = analysis.BuildEpisodes(date, Settings.Defaults.GapDays, CareTypes.DefaultResidentialSet);
                var full = JsonDocuments.Measure(analysis.Measure(episodes, measured, null));
                clock.Stage("measured from the store alone");
                output.WriteLine(full == json ? "the same figures, byte for byte, as from the store alone" : "DIFFERENT figures from the store alone");
                if (full != json) return ExitCodes.Unexpected;
            }
            return ExitCodes.Done;

            string Measure(MonitorStore on, DateOnly day, Period what, string when, StageClock? stages = null)
            {
                using var analysis = new Analysis(on);
                var episodes = analysis.BuildEpisodes(day, Settings.Defaults.GapDays, CareTypes.DefaultResidentialSet);
                stages?.Stage($"{when}: episodes (segments from {analysis.SegmentsReadFrom})");
                var figures = JsonDocuments.Measure(analysis.Measure(episodes, what, null));
                stages?.Stage($"{when}: measured {what}");
                return figures;
            }
        });
        return command;
    }
}
