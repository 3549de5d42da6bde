using System.CommandLine;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor imports</c>: the import log, every attempt with its counts.</summary>
public static class ImportsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json("the import records");
        var command = new Command("imports", "List every import attempt: file, SHA-256, format, source, status, row counts, coverage date, when.") { json };
        command.SetAction(parsed =>
        {
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            var records = store.Imports();
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target)
            {
                CommonOptions.WriteOutput(target, JsonDocuments.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("imports");
                    foreach (var r in records)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", r.Id);
                        w.WriteString("file", r.FileName);
                        w.WriteString("sha256", r.Sha256);
                        w.WriteString("format", r.Format);
                        w.WriteString("source", r.Source);
                        w.WriteBoolean("full", r.FullExtract);
                        w.WriteString("status", r.Status);
                        w.WriteNumber("rows_read", r.RowsRead);
                        w.WriteNumber("rows_accepted", r.RowsAccepted);
                        w.WriteNumber("rows_rejected", r.RowsRejected);
                        w.WriteNumber("rows_duplicate", r.RowsDuplicate);
                        w.WriteString("reason", r.Reason);
                        if (r.CoverageDate is { } coverage) w.WriteString("coverage_date", coverage.ToString("yyyy-MM-dd"));
                        else w.WriteNull("coverage_date");
                        w.WriteBoolean("coverage_date_given", r.CoverageGiven);
                        w.WriteString("started_at", r.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
                        w.WriteString("finished_at", r.FinishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }), output);
                return ExitCodes.Done;
            }
            if (records.Count == 0) output.WriteLine("No imports yet.");
            foreach (var r in records)
            {
                var coverage = r.CoverageDate is { } c ? $", covers up to {c:yyyy-MM-dd} ({(r.CoverageGiven ? "--extract-date" : "latest start")})" : "";
                var what = r.Status == ImportStatus.Imported
                    ? $"{r.RowsRead} read, {r.RowsAccepted} accepted, {r.RowsRejected} refused, {r.RowsDuplicate} duplicate{coverage}"
                    : r.Reason ?? "";
                var source = r.Source is null ? "" : $" source {r.Source}{(r.FullExtract ? " (full)" : "")}";
                output.WriteLine($"#{r.Id} {r.StartedAt:yyyy-MM-dd HH:mm}Z {r.FileName} [{r.Format ?? "?"}{source}] {r.Status}: {what}");
            }
            return ExitCodes.Done;
        });
        return command;
    }
}
