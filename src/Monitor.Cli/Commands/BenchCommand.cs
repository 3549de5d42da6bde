using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Monitor.Cli.Bench;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Ingest;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary>
/// <c>monitor bench</c>: speed and memory on synthetic data, measured rather than asserted (the machines
/// are shared and noisy). Prints rows per second and the process's peak working set.
/// </summary>
public static partial class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks: bench import --rows N, bench measure --db DB, bench export --db DB.");
        command.Subcommands.Add(ImportBench());
        command.Subcommands.Add(MeasureBench());
        command.Subcommands.Add(ExportBench());
        command.Subcommands.Add(DeltaBench());
        return command;
    }

    private static Command ImportBench()
    {
        var rows = new Option<long>("--rows") { Description = "Rows of the synthetic rijm extract (default 2,000,000).", DefaultValueFactory = _ => 2_000_000 };
        var keep = new Option<string?>("--keep") { Description = "Keep the extract and the store in this folder (for bench measure)." };
        var command = new Command("import", "Generate a synthetic rijm extract and import it into a fresh store: read, check, pseudonymise, detect duplicates, insert, commit. With --db postgresql://... the store is that (empty) database.") { rows, keep };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var folder = parsed.GetValue(keep) ?? Path.Combine(Path.GetTempPath(), "monitor-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var extract = Path.Combine(folder, "synthetic.csv");
            // A store on a server (--db postgresql://...) must be empty: a fresh database, as a fresh file is here.
            var given = parsed.GetValue(CommonOptions.Database) ?? Environment.GetEnvironmentVariable(CommonOptions.DatabaseVariable);
            var server = given is not null && StoreLocation.IsServerUrl(given);
            var db = server ? given! : Path.Combine(folder, "bench.db");
            if (server)
            {
                using var existing = MonitorStore.Open(db);
                if (existing.Imports().Count > 0) throw new UsageException($"bench import needs an empty store: {existing.Path} holds imports already");
            }
            else
            {
                foreach (var stale in new[] { db, db + "-wal", db + "-shm" }) File.Delete(stale);
                if (Directory.Exists(db + ".cache")) Directory.Delete(db + ".cache", recursive: true);
            }
            try
            {
                Machine(output);
                var watch = Stopwatch.StartNew();
                SyntheticExtract.Write(extract, parsed.GetValue(rows));
                output.WriteLine($"generated {parsed.GetValue(rows):N0} rows ({new FileInfo(extract).Length / 1e6:N0} MB) in {watch.Elapsed.TotalSeconds:N1} s");

                using var store = MonitorStore.Open(db);
                var importer = new Importer(store, PseudonymKeys.ForStore(db));
                watch.Restart();
                var result = importer.Import(extract, new ImportOptions());
                var seconds = watch.Elapsed.TotalSeconds;
                output.WriteLine($"import: {result.RowsRead:N0} rows ({result.RowsAccepted:N0} accepted, {result.RowsDuplicate:N0} duplicate) " +
                                 $"in {seconds:N1} s = {result.RowsRead / seconds:N0} rows/s; peak memory {PeakMegabytes():N0} MB");
                if (parsed.GetValue(keep) is not null || server) output.WriteLine($"kept: {store.Path}");
            }
            finally
            {
                if (parsed.GetValue(keep) is null) Directory.Delete(folder, recursive: true);
            }
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command MeasureBench()
    {
        var period = new Option<string>("--period") { Description = "Baseline period (default 2020).", DefaultValueFactory = _ => "2020" };
        var followup = new Option<string>("--followup") { Description = "Follow-up period (default 2021).", DefaultValueFactory = _ => "2021" };
        var asOf = new Option<string>("--as-of") { Description = "As-of date (default 2022-06-30).", DefaultValueFactory = _ => "2022-06-30" };
        var command = new Command("measure", "Read the store's segments, build episodes, measure one period, then compare two; seconds and peak memory per stage.")
            { period, followup, asOf };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var date = CommonOptions.ParseDate(parsed.GetValue(asOf)!, "--as-of");
            var baseline = CommonOptions.ParsePeriod(parsed.GetValue(period)!, "--period");
            var follow = CommonOptions.ParsePeriod(parsed.GetValue(followup)!, "--followup");
            Machine(output);
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            using var analysis = new Analysis(store);

            // Through the analysis, as monitor measure reads: the caches beside the store, when they are there.
            var clock = new StageClock(output);
            clock.Stage($"read {analysis.ReadSegments():N0} segments ({analysis.SegmentsReadFrom})");
            var episodes = analysis.BuildEpisodes(date, Settings.Defaults.GapDays, CareTypes.DefaultResidentialSet);
            clock.Stage($"built {episodes.Episodes.Count:N0} episodes");
            var first = analysis.Measure(episodes, baseline, null);
            clock.Stage($"measured {baseline} ({first.Counts.Episodes:N0} cohort episodes)");
            output.WriteLine($"  episodes + one measurement: {clock.Total.TotalSeconds:N2} s");
            var second = analysis.Measure(episodes, follow, null);
            Comparison.Of(first, second);
            clock.Stage($"measured {follow} and compared");
            output.WriteLine($"  episodes + comparison: {clock.Total.TotalSeconds:N2} s");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command ExportBench()
    {
        var period = new Option<string>("--period") { Description = "Period of the cohort flags (default 2020).", DefaultValueFactory = _ => "2020" };
        var asOf = new Option<string>("--as-of") { Description = "As-of date (default 2022-06-30).", DefaultValueFactory = _ => "2022-06-30" };
        var output = new Option<string?>("--out") { Description = "Keep the export in this folder (default: a temporary folder, removed after)." };
        var command = new Command("export", "Export the store's episodes and segments to Parquet (monitor export); seconds and peak memory per stage.")
            { period, asOf, output };
        command.SetAction(async (parsed, cancellation) =>
        {
            var console = parsed.InvocationConfiguration.Output;
            var request = new Research.FrameRequest(CommonOptions.ParseDate(parsed.GetValue(asOf)!, "--as-of"),
                Period: CommonOptions.ParsePeriod(parsed.GetValue(period)!, "--period"));
            var folder = parsed.GetValue(output) ?? Path.Combine(Path.GetTempPath(), "monitor-bench-export-" + Guid.NewGuid().ToString("N"));
            Machine(console);
            using var store = MonitorStore.Open(CommonOptions.DatabasePath(parsed));
            var total = Stopwatch.StartNew();
            try
            {
                var result = await Research.ResearchExport.WriteAsync(store, request, folder, Research.ExportFormat.Parquet,
                    progress: line => console.WriteLine($"{line}; peak memory so far {PeakMegabytes():N0} MB; " +
                                                        $"managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N0} MB, {GC.CollectionCount(2)} full collections"));
                var bytes = Directory.GetFiles(result.Folder).Sum(f => new FileInfo(f).Length);
                console.WriteLine($"  export: {result.Episodes:N0} episodes and {result.Segments:N0} segments ({bytes / 1e6:N0} MB of Parquet) " +
                                  $"in {total.Elapsed.TotalSeconds:N1} s; peak memory {PeakMegabytes():N0} MB");
            }
            finally
            {
                if (parsed.GetValue(output) is null && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
            return ExitCodes.Done;
        });
        return command;
    }

    private static void Stage(TextWriter output, string what, Stopwatch watch)
    {
        output.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:N1} s; peak memory so far {PeakMegabytes():N0} MB");
        watch.Restart();
    }

    private static void Machine(TextWriter output) =>
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9)} GB, " +
                         $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    private static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1e6;
    }
}
