using System.CommandLine;
using System.Text.Json;
using Monitor.Jobs;
using Monitor.Reporting.Json;
using Monitor.Store;

namespace Monitor.Cli.Commands;

/// <summary><c>monitor jobs</c>: the run history of the pipelines — recent runs, one run in detail, and health.</summary>
public static class JobsCommand
{
    public static Command Create()
    {
        var pipeline = new Option<string?>("--pipeline") { Description = "Only the runs of this pipeline." };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first (default 20).", DefaultValueFactory = _ => 20 };
        var json = CommonOptions.Json("the runs");
        var command = new Command("jobs", """
            List recent pipeline runs, newest first: pipeline, who started it, status, when, files imported,
            already imported, rejected and waiting, and why a run failed. 'jobs show RUN' details one run;
            'jobs health' says whether the last night went as it should.
            """) { pipeline, limit, json };
        command.SetAction(parsed =>
        {
            var count = parsed.GetValue(limit);
            if (count < 1) throw new UsageException($"--limit must be at least 1 ({count})");
            using var store = MonitorStore.Open(CommonOptions.DatabasePath(parsed));
            var runs = store.Runs(parsed.GetValue(pipeline), count);
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target)
            {
                CommonOptions.WriteOutput(target, JsonDocuments.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("runs");
                    foreach (var run in runs) WriteRun(w, run);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }), output);
                return ExitCodes.Done;
            }
            if (runs.Count == 0) output.WriteLine("No pipeline runs yet.");
            foreach (var run in runs)
            {
                output.WriteLine($"#{run.Id} {run.Pipeline} {Time(run.StartedAt)} {run.StartedBy} {run.Status}: {Files(run)}");
                if (run.Error is not null) output.WriteLine($"    {run.Error}");
            }
            return ExitCodes.Done;
        });
        command.Subcommands.Add(Show());
        command.Subcommands.Add(HealthCommand());
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("RUN") { Description = "The run's number, as 'monitor jobs' lists it." };
        var json = CommonOptions.Json("the run");
        var command = new Command("show", "One run in detail: its steps (status, tries, rows, output, error) and what became of each inbox file.") { id, json };
        command.SetAction(parsed =>
        {
            using var store = MonitorStore.Open(CommonOptions.DatabasePath(parsed));
            var runId = parsed.GetValue(id);
            var run = store.Run(runId) ?? throw new UsageException($"no run #{runId} in {CommonOptions.DatabasePath(parsed)} (monitor jobs lists them)");
            var steps = store.RunSteps(runId);
            var files = store.RunFiles(runId);
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json) is { } target)
            {
                CommonOptions.WriteOutput(target, JsonDocuments.Write(w => WriteRun(w, run, steps, files)), output);
                return ExitCodes.Done;
            }
            output.WriteLine($"run #{run.Id} of pipeline {run.Pipeline}: {run.Status}");
            var scheduled = run.ScheduledFor is { } s ? $", scheduled for {Time(s)}" : "";
            output.WriteLine($"  started {Time(run.StartedAt)} ({run.StartedBy}{scheduled}), finished {(run.FinishedAt is { } f ? Time(f) : "–")}");
            output.WriteLine($"  files: {Files(run)}");
            if (run.Error is not null) output.WriteLine($"  error: {run.Error}");
            foreach (var step in steps)
            {
                var rows = step.Step == StepDefinition.ImportName && step.Status != StepStatus.Skipped
                    ? $", {step.RowsRead} rows read, {step.RowsAccepted} accepted, {step.RowsRejected} refused, {step.RowsDuplicate} duplicate" : "";
                var tries = step.Attempts > 1 ? $", {step.Attempts} tries" : "";
                output.WriteLine($"  step {step.Position} {step.Step}: {step.Status}{tries}{rows}" +
                                 (step.Output is null ? "" : $" → {step.Output}") + (step.Error is null ? "" : $": {step.Error}"));
            }
            foreach (var file in files)
            {
                var tries = file.Attempts > 1 ? $" ({file.Attempts} tries)" : "";
                var detail = file.Outcome == FileOutcome.Imported
                    ? $": {file.RowsRead} rows read, {file.RowsAccepted} accepted, {file.RowsRejected} refused, {file.RowsDuplicate} duplicate" : "";
                output.WriteLine($"  file {file.FileName}: {file.Outcome}{tries}{detail}" + (file.Reason is null ? "" : $": {file.Reason}") +
                                 (file.MovedTo is null ? "" : $" → {file.MovedTo}"));
            }
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command HealthCommand()
    {
        var pipelines = PipelineCommand.PipelinesOption();
        var command = new Command("health", """
            For a monitoring system: one line, "ok" (exit 0), or for each enabled pipeline that is not healthy, why
            (exit 3): its last run failed, was cancelled or interrupted, or rejected a file; or it is older than
            the schedule allows (the latest scheduled time at least health.grace_minutes ago saw no run start).
            Pipeline files that cannot be used: exit 2.
            """) { pipelines };
        command.SetAction(parsed =>
        {
            var folder = PipelineCommand.PipelinesFolder(parsed, pipelines);
            var definitions = PipelineCommand.Checked(() => PipelineLoader.LoadAll(folder, PipelineCommand.Steps));
            var output = parsed.InvocationConfiguration.Output;
            if (!definitions.Any(p => p.Enabled))
            {
                output.WriteLine($"no enabled pipeline in {Path.GetFullPath(folder)}: nothing is scheduled");
                return ExitCodes.Failed;
            }
            using var store = MonitorStore.Open(CommonOptions.DatabasePath(parsed));
            var report = Health.Check(definitions, store, DateTimeOffset.UtcNow);
            output.WriteLine(report.ToString());
            return report.Healthy ? ExitCodes.Done : ExitCodes.Failed;
        });
        return command;
    }

    private static string Files(PipelineRun r) =>
        $"{r.FilesImported} imported, {r.FilesAlreadyImported} already imported, {r.FilesRejected} rejected, {r.FilesWaiting} waiting";

    private static string Time(DateTime utc) => $"{utc:yyyy-MM-dd HH:mm:ss}Z";

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static void WriteRun(Utf8JsonWriter w, PipelineRun r, IReadOnlyList<PipelineRunStep>? steps = null, IReadOnlyList<PipelineRunFile>? files = null)
    {
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteString("pipeline", r.Pipeline);
        w.WriteString("started_by", r.StartedBy);
        w.WriteString("scheduled_for", r.ScheduledFor is { } s ? Iso(s) : null);
        w.WriteString("status", r.Status);
        w.WriteString("started_at", Iso(r.StartedAt));
        w.WriteString("finished_at", r.FinishedAt is { } f ? Iso(f) : null);
        w.WriteNumber("files_imported", r.FilesImported);
        w.WriteNumber("files_already_imported", r.FilesAlreadyImported);
        w.WriteNumber("files_rejected", r.FilesRejected);
        w.WriteNumber("files_waiting", r.FilesWaiting);
        w.WriteString("error", r.Error);
        if (steps is not null)
        {
            w.WriteStartArray("steps");
            foreach (var step in steps)
            {
                w.WriteStartObject();
                w.WriteNumber("position", step.Position);
                w.WriteString("step", step.Step);
                w.WriteString("status", step.Status);
                w.WriteNumber("attempts", step.Attempts);
                w.WriteString("started_at", step.StartedAt is { } a ? Iso(a) : null);
                w.WriteString("finished_at", step.FinishedAt is { } b ? Iso(b) : null);
                w.WriteNumber("rows_read", step.RowsRead);
                w.WriteNumber("rows_accepted", step.RowsAccepted);
                w.WriteNumber("rows_rejected", step.RowsRejected);
                w.WriteNumber("rows_duplicate", step.RowsDuplicate);
                w.WriteString("output", step.Output);
                w.WriteString("error", step.Error);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (files is not null)
        {
            w.WriteStartArray("files");
            foreach (var file in files)
            {
                w.WriteStartObject();
                w.WriteString("file", file.FileName);
                w.WriteString("sha256", file.Sha256);
                w.WriteString("outcome", file.Outcome);
                w.WriteNumber("attempts", file.Attempts);
                w.WriteNumber("rows_read", file.RowsRead);
                w.WriteNumber("rows_accepted", file.RowsAccepted);
                w.WriteNumber("rows_rejected", file.RowsRejected);
                w.WriteNumber("rows_duplicate", file.RowsDuplicate);
                w.WriteString("moved_to", file.MovedTo);
                w.WriteString("reason", file.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
