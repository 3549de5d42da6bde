using System.CommandLine;
using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Ingest;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary>
/// <c>monitor demo</c>: the main job on the sample data. A fresh store in the output folder, every
/// sample file imported (reference files first), then baseline 2020 against follow-up 2021.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "The folder for the fresh store and the results (default: demo).", DefaultValueFactory = _ => "demo" };
        var samples = new Option<string?>("--samples") { Description = "The sample folder (default: data-samples/ of this repository)." };
        var command = new Command("demo", "Import data-samples/ into a fresh store, compare 2020 with 2021 and write the chart report.") { outDir, samples };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var folder = Path.GetFullPath(parsed.GetValue(outDir)!);
            var sampleFolder = parsed.GetValue(samples) ?? FindSamples()
                ?? throw new UsageException("cannot find data-samples/: run from the repository or give --samples DIR");
            if (!Directory.Exists(sampleFolder)) throw new UsageException($"--samples: {sampleFolder} not found");

            Directory.CreateDirectory(folder);
            var dbPath = Path.Combine(folder, "monitor.db");
            foreach (var stale in new[] { dbPath, dbPath + "-wal", dbPath + "-shm", PseudonymKeys.KeyFileFor(dbPath) })
                File.Delete(stale);

            using var store = MonitorStore.Open(dbPath);
            var importer = new Importer(store, PseudonymKeys.ForStore(dbPath));
            output.WriteLine($"Importing the sample files of {sampleFolder} into a fresh store {dbPath}");
            foreach (var (file, format) in ImportOrder(sampleFolder))
            {
                if (format is null)
                {
                    output.WriteLine($"  {Path.GetFileName(file)}: skipped (a format this version does not import)");
                    continue;
                }
                var r = importer.Import(file, new ImportOptions(format));
                output.WriteLine($"  {Path.GetFileName(file)}: {r.Status}, {r.RowsAccepted} rows accepted, {r.RowsRejected} refused, {r.RowsDuplicate} duplicate" +
                                 (r.Reason is null ? "" : $" ({r.Reason})"));
            }

            // Each year read half a year after its end, as the report does: both get the same time to end their stays.
            var window = AsOfChoice.OfWindow(ReportAssembler.DefaultWindowDays);
            Comparison comparison;
            // With compare's statistics (default replicates and seed), which the report shows beside its changes.
            using (var analysis = new Analysis(store))
                comparison = analysis.WithStatistics(
                    analysis.Compare(Period.Year(2020), Period.Year(2021), null, null, window, Settings.Defaults.GapDays, Settings.Defaults.ResidentialSet));
            var jsonPath = Path.Combine(folder, "compare-2020-2021.json");
            File.WriteAllText(jsonPath, JsonDocuments.Compare(comparison));
            var report = ReportAssembler.Write(store, new ReportRequest(Period.Year(2020), Period.Year(2021), window, Settings.Defaults.GapDays,
                Settings.Defaults.ResidentialSet, null, null, null, Language.Dutch, Settings.Defaults.SuppressionThreshold, Settings.Defaults.TopN)
                {
                    // The samples' settings file names who answers questions about the demo's figures.
                    Contact = File.Exists(Path.Combine(sampleFolder, Settings.FileName))
                        ? Settings.Load(dbPath, Path.Combine(sampleFolder, Settings.FileName)).ReportContact : null,
                },
                Path.Combine(folder, "report"));

            output.WriteLine();
            output.WriteLine($"Measured 2020 as of {comparison.Baseline.AsOf:yyyy-MM-dd} and 2021 as of {comparison.Followup.AsOf:yyyy-MM-dd}: " +
                             $"each year's end plus {ReportAssembler.DefaultWindowDays} days, so both had the same time to end their stays.");
            Summary.Write(comparison, output);
            output.WriteLine();
            output.WriteLine($"Comparison: {jsonPath}");
            output.WriteLine($"Store: {dbPath}  (try: monitor imports --db {dbPath})");
            output.WriteLine($"Report: {report}");
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>Reference files first (extracts map their care-type codes with them), then extracts, by name.</summary>
    private static IEnumerable<(string File, ExtractFormat? Format)> ImportOrder(string folder) =>
        Ingest.ImportOrder.ReferenceFirst(Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal));

    /// <summary>data-samples/ in the working folder or above it, or above the program itself.</summary>
    private static string? FindSamples()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data-samples");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
