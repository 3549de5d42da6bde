using System.CommandLine;
using Monitor.Core.Checks;
using Monitor.Ingest;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor import FILE...</c> (PROTOCOL.md 3 and 7).</summary>
public static class ImportCommand
{
    private const int RefusalsShown = 10;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Extracts and reference files, imported in this order, each in its own transaction.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format")
        {
            Description = "auto (tell from the header), rijm, cbs, providers, regions, tariffs or caretypes.",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong(["auto", .. Enum.GetValues<ExtractFormat>().Select(f => f.Name())]);
        var strict = new Option<bool>("--strict") { Description = "Reject the whole file when any row fails a check." };
        var source = new Option<string?>("--source") { Description = "The source the file comes from (a provider, a regional monitor)." };
        var full = new Option<bool>("--full") { Description = "The file is a full extract of --source: it supersedes that source's earlier imports." };
        var extractDate = new Option<string?>("--extract-date")
        {
            Description = "The day the rijm/cbs extracts were made (yyyy-MM-dd): their coverage date. Default: the latest segment start in each file.",
        };
        var json = CommonOptions.Json("the import results");

        var command = new Command("import", """
            Import extracts into the store. Every row is checked; refused rows go to the quarantine with file,
            line, column and reason, and the rest of the file is imported. Citizen numbers are pseudonymised
            before anything is stored. A file is imported whole or not at all, and the same bytes only once.
            Each rijm or cbs file gets a coverage date: --extract-date, else its latest segment start.
            When another import holds the store's write lock, the import waits for it (lock_wait_seconds in the
            settings file, default an hour) and says so.
            Exit status: 0 done (also with refused rows or an already imported file), 2 a file rejected whole
            or not found (the reason on stderr).
            """) { files, format, strict, source, full, extractDate, json };
        command.SetAction(parsed =>
        {
            var sourceName = parsed.GetValue(source);
            var isFull = parsed.GetValue(full);
            var paths = parsed.GetValue(files)!;
            if (isFull && sourceName is null) throw new UsageException("--full needs --source NAME: the source whose earlier imports the file supersedes");
            if (isFull && paths.Length > 1) throw new UsageException("--full takes one file: a full extract supersedes everything the source sent before");
            var formatText = parsed.GetValue(format)!;
            ExtractFormat? chosen = formatText == "auto" ? null : ExtractFormats.TryParse(formatText, out var f) ? f : null;
            var dbPath = CommonOptions.DatabasePath(parsed);
            var extractDay = parsed.GetValue(extractDate) is { } dateText ? CommonOptions.ParseDate(dateText, "--extract-date") : (DateOnly?)null;
            var settings = Settings.Load(dbPath, null);
            var options = new ImportOptions(chosen, parsed.GetValue(strict), sourceName, isFull, extractDay, settings.LockWait);

            var jsonTarget = parsed.GetValue(json);
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var messages = jsonTarget == "-" ? error : output;

            PseudonymKeys.CheckFor(dbPath); // a bad or missing key is refused before the store is created or touched
            using var store = MonitorStore.Open(dbPath);
            var pseudonymizer = PseudonymKeys.ForStore(dbPath);
            var results = ImportProgressBar.Run(messages, progress =>
            {
                var importer = new Importer(store, pseudonymizer, progress);
                return paths.Select(path => importer.Import(path, options)).ToList();
            });

            // A file rejected whole is an error: its reason goes to stderr (PROTOCOL.md 7), the rest to the messages.
            foreach (var result in results) Describe(result, result.RejectedWhole ? error : messages);
            if (jsonTarget is not null)
            {
                CommonOptions.WriteOutput(jsonTarget, JsonDocuments.Import(results.Select(r => new ImportEntry(
                    r.File, r.Sha256, r.Format?.Name(), r.Status, r.RowsRead, r.RowsAccepted, r.RowsRejected, r.RowsDuplicate, r.Reason,
                    r.CoverageDate))), output);
            }
            return results.Any(r => r.RejectedWhole) ? ExitCodes.Rejected : ExitCodes.Done;
        });
        return command;
    }

    private static void Describe(FileImportResult r, TextWriter messages)
    {
        var format = r.Format is { } f ? $" as {f.Name()}" : "";
        switch (r.Status)
        {
            case ImportStatus.AlreadyImported:
                messages.WriteLine($"{r.File}: already imported{format}, nothing changed");
                break;
            case ImportStatus.Rejected:
                messages.WriteLine($"{r.File}: rejected, nothing stored: {r.Reason}");
                break;
            default:
                var coverage = r.CoverageDate is { } c ? $", covers up to {c:yyyy-MM-dd}" : "";
                messages.WriteLine($"{r.File}: imported{format}: {r.RowsRead} rows read, {r.RowsAccepted} accepted, " +
                                   $"{r.RowsRejected} refused, {r.RowsDuplicate} duplicate{coverage}");
                break;
        }
        foreach (var (line, error) in r.Refusals.Take(RefusalsShown))
            messages.WriteLine($"  line {line}, {error.Column}: {error.Reason}");
        if (r.RefusalCount > RefusalsShown)
        {
            messages.WriteLine(r.RejectedWhole
                ? $"  … and {r.RefusalCount - RefusalsShown} more (not stored: the file was rejected)"
                : $"  … and {r.RefusalCount - RefusalsShown} more: monitor quarantine --file {Path.GetFileName(r.File)}");
        }
    }
}
