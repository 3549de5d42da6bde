using System.CommandLine;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor quarantine</c>: the refused rows, where and why.</summary>
public static class QuarantineCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "Only the rows of this file (its name as imported, or its base name)." };
        var json = CommonOptions.Json("the refused rows");
        var command = new Command("quarantine", "List refused rows: file, line, column and reason. Values are never shown: they may be citizen numbers.") { file, json };
        command.SetAction(parsed =>
        {
            using var store = MonitorStore.Open(CommonOptions.DatabasePath(parsed));
            var entries = store.Quarantine(parsed.GetValue(file));
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target)
            {
                CommonOptions.WriteOutput(target, JsonDocuments.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("rejected_rows");
                    foreach (var e in entries)
                    {
                        w.WriteStartObject();
                        w.WriteString("file", e.File);
                        w.WriteNumber("line", e.Line);
                        w.WriteString("column", e.Column);
                        w.WriteString("reason", e.Reason);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }), output);
                return ExitCodes.Done;
            }
            if (entries.Count == 0) output.WriteLine("No refused rows.");
            foreach (var e in entries) output.WriteLine($"{e.File}:{e.Line}: {e.Column}: {e.Reason}");
            return ExitCodes.Done;
        });
        return command;
    }
}
