using System.CommandLine;
using Monitor.Jobs;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor quarantine</c>: the refused rows by import — which delivery, when, where the file went — and where and why.</summary>
public static class QuarantineCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "Only the rows of this file (its name as imported, or its base name)." };
        var import = new Option<long?>("--import") { Description = "Only the rows of this import (its number, as 'monitor imports' and this list show it)." };
        var json = CommonOptions.Json("the refused rows");
        var pipelines = PipelineCommand.PipelinesOption();
        var command = new Command("quarantine", """
            List refused rows by import: the import's number and date (in the pipeline's time zone), the file as
            imported and, for a pipeline's import, where it was archived; then each row's line, column and reason.
            Values are never shown: they may be citizen numbers.
            """) { file, import, json, pipelines };
        command.SetAction(parsed =>
        {
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            var imports = store.QuarantineByImport(parsed.GetValue(file), parsed.GetValue(import));
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target)
            {
                CommonOptions.WriteOutput(target, JsonDocuments.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("rejected_rows");
                    foreach (var i in imports)
                    foreach (var e in i.Rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("file", e.File);
                        w.WriteNumber("line", e.Line);
                        w.WriteString("column", e.Column);
                        w.WriteString("reason", e.Reason);
                        w.WriteNumber("import_id", i.ImportId);
                        w.WriteString("imported_at", i.ImportedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
                        w.WriteString("archived_as", i.ArchivedAs);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }), output);
                return ExitCodes.Done;
            }
            if (imports.Count == 0) output.WriteLine("No refused rows.");
            var zones = Zones.Load(PipelineCommand.PipelinesFolder(parsed, pipelines));
            foreach (var i in imports)
            {
                var by = i.Pipeline is null ? "" : $" by pipeline {i.Pipeline}";
                var archived = i.ArchivedAs is null ? "" : $", archived as {i.ArchivedAs}";
                output.WriteLine($"import #{i.ImportId} of {i.FileName}, {ZonedTime.Format(i.ImportedAt, zones.For(i.Pipeline))}{by}{archived}: " +
                                 $"{i.RowsRefused} row{(i.RowsRefused == 1 ? "" : "s")} refused");
                foreach (var e in i.Rows) output.WriteLine($"  line {e.Line}, {e.Column}: {e.Reason}");
            }
            return ExitCodes.Done;
        });
        return command;
    }
}
