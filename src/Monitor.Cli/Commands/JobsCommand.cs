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
        var pipelines = PipelineCommand.PipelinesOption();
        var command = new Command("jobs", """
            List recent pipeline runs, newest first: pipeline, when (in the pipeline's time zone), who started it,
            status, files imported, already imported, rejected and waiting, rows refused, and why a run failed.
            'jobs show RUN' details one run; 'jobs health' says whether last night went as it should and what
            still needs someone; 'jobs ack RUN' says someone has dealt with what a run flagged.
            """) { pipeline, limit, json, pipelines };
        command.SetAction(parsed =>
        {
            var count = parsed.GetValue(limit);
            if (count < 1) throw new UsageException($"--limit must be at least 1 ({count})");
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            var zones = Zones.Load(PipelineCommand.PipelinesFolder(parsed, pipelines));
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
                output.WriteLine($"#{run.Id} {run.Pipeline} {ZonedTime.Format(run.StartedAt, zones.For(run.Pipeline), seconds: true)} {run.StartedBy} {run.Status}: {RunSummary.Files(run)}");
                if (run.Error is not null) output.WriteLine($"    {run.Error}");
                if (run.AcknowledgedAt is { } ack) output.WriteLine($"    acknowledged {ZonedTime.Format(ack, zones.For(run.Pipeline))}");
            }
            return ExitCodes.Done;
        });
        command.Subcommands.Add(Show());
        command.Subcommands.Add(HealthCommand());
        command.Subcommands.Add(Ack());
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("RUN") { Description = "The run's number, as 'monitor jobs' lists it." };
        var json = CommonOptions.Json("the run");
        var pipelines = PipelineCommand.PipelinesOption();
        var command = new Command("show", "One run in detail: its steps (status, tries, rows, output, error) and what became of each inbox file.") { id, json, pipelines };
        command.SetAction(parsed =>
        {
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            var runId = parsed.GetValue(id);
            var run = store.Run(runId) ?? throw new UsageException($"no run #{runId} in {store.Path} (monitor jobs lists them)");
            var zone = Zones.Load(PipelineCommand.PipelinesFolder(parsed, pipelines)).For(run.Pipeline);
            string Time(DateTime utc) => ZonedTime.Format(utc, zone, seconds: true);
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
            output.WriteLine($"  files: {RunSummary.Files(run)}");
            if (run.Error is not null) output.WriteLine($"  error: {run.Error}");
            if (run.AcknowledgedAt is { } ack) output.WriteLine($"  acknowledged {Time(ack)}");
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
            For a monitoring system: one line, "ok" (exit 0), or the problems (exit 3). For each enabled pipeline:
            its last run failed, was cancelled or cut off; a file rejected whole still lies in the failed folder
            (until it is moved away or its run acknowledged: monitor jobs ack RUN); a run refused more rows than
            health.max_refused_share (until acknowledged); the inbox holds files that match no pattern; or it is
            older than the schedule allows. A pipeline file that cannot be used is a problem too, and the others
            are still judged. Times are in each pipeline's time zone.
            """) { pipelines };
        command.SetAction(parsed =>
        {
            var folder = PipelineCommand.PipelinesFolder(parsed, pipelines);
            var (definitions, unusable) = PipelineCommand.Checked(() => PipelineLoader.LoadEach(folder, PipelineCommand.Steps));
            using var store = MonitorStore.OpenExisting(CommonOptions.DatabasePath(parsed));
            var report = Health.Check(definitions, unusable, store, DateTimeOffset.UtcNow);
            parsed.InvocationConfiguration.Output.WriteLine(report.ToString());
            return report.Healthy ? ExitCodes.Done : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Ack()
    {
        var id = new Argument<long>("RUN") { Description = "The run whose rejected files or refused rows someone has dealt with." };
        var pipelines = PipelineCommand.PipelinesOption();
        var command = new Command("ack", """
            Say that someone has dealt with what a run flagged: the files it moved to the failed folder (they may
            stay there for the record) and a share of refused rows above health.max_refused_share. 'jobs health'
            stops reporting them. A file moved out of the failed folder needs no acknowledgement.
            """) { id, pipelines };
        command.SetAction(parsed =>
        {
            var database = CommonOptions.DatabasePath(parsed);
            using var store = MonitorStore.OpenExisting(database);
            var runId = parsed.GetValue(id);
            var run = store.Run(runId) ?? throw new UsageException($"no run #{runId} in {Monitor.Store.StoreLocation.Redact(database)} (monitor jobs lists them)");
            var output = parsed.InvocationConfiguration.Output;
            var zone = Zones.Load(PipelineCommand.PipelinesFolder(parsed, pipelines)).For(run.Pipeline);
            if (run.FilesRejected == 0 && run.RowsRefused == 0)
                throw new UsageException($"run #{runId} rejected no file and refused no row: there is nothing to acknowledge");
            if (!store.Acknowledge(runId, DateTime.UtcNow))
            {
                output.WriteLine($"run #{runId} was acknowledged before ({ZonedTime.Format(run.AcknowledgedAt!.Value, zone)})");
                return ExitCodes.Done;
            }
            output.WriteLine($"run #{runId} of {run.Pipeline} acknowledged: its {run.FilesRejected} rejected file(s) and {run.RowsRefused} refused row(s) are no longer reported by 'jobs health'");
            return ExitCodes.Done;
        });
        return command;
    }

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
        w.WriteNumber("rows_read", r.RowsRead);
        w.WriteNumber("rows_refused", r.RowsRefused);
        w.WriteString("error", r.Error);
        w.WriteString("acknowledged_at", r.AcknowledgedAt is { } ack ? Iso(ack) : null);
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
