using System.Globalization;
using Dapper;

namespace Monitor.Store;

/// <summary>The run history of scheduled pipelines (schema/0002_runs.sql). Each write is one statement,
/// committed at once: a run is recorded as it goes, so a killed run leaves what it had done.</summary>
public sealed partial class MonitorStore
{
    public long StartRun(string pipeline, string startedBy, DateTime? scheduledFor, DateTime startedAt) =>
        Connection.ExecuteScalar<long>("""
            INSERT INTO pipeline_run (pipeline, started_by, scheduled_for, status, started_at)
            VALUES (@pipeline, @startedBy, @scheduledFor, 'running', @startedAt)
            RETURNING id
            """, new { pipeline, startedBy, scheduledFor = IsoOrNull(scheduledFor), startedAt = Iso(startedAt) });

    /// <summary>Marks the runs of <paramref name="pipeline"/> still recorded as running, and their running
    /// steps, as interrupted. Only call this while holding the pipeline's lock: then no such run is alive.</summary>
    public int MarkInterrupted(string pipeline)
    {
        using var transaction = Connection.BeginTransaction();
        Connection.Execute("""
            UPDATE pipeline_step SET status = 'interrupted', error = 'the process ended before the step finished'
            WHERE status = 'running' AND run_id IN (SELECT id FROM pipeline_run WHERE pipeline = @pipeline AND status = 'running')
            """, new { pipeline }, transaction);
        var runs = Connection.Execute("""
            UPDATE pipeline_run SET status = 'interrupted', error = 'the process ended before the run finished (killed, or the machine stopped)'
            WHERE pipeline = @pipeline AND status = 'running'
            """, new { pipeline }, transaction);
        transaction.Commit();
        return runs;
    }

    /// <summary>Inserts the step, or replaces it as it progresses.</summary>
    public void RecordStep(PipelineRunStep s) =>
        Connection.Execute("""
            INSERT OR REPLACE INTO pipeline_step (run_id, position, step, status, attempts, started_at, finished_at,
                rows_read, rows_accepted, rows_rejected, rows_duplicate, output, error)
            VALUES (@RunId, @Position, @Step, @Status, @Attempts, @startedAt, @finishedAt,
                @RowsRead, @RowsAccepted, @RowsRejected, @RowsDuplicate, @Output, @Error)
            """,
            new
            {
                s.RunId, s.Position, s.Step, s.Status, s.Attempts, startedAt = IsoOrNull(s.StartedAt), finishedAt = IsoOrNull(s.FinishedAt),
                s.RowsRead, s.RowsAccepted, s.RowsRejected, s.RowsDuplicate, s.Output, s.Error,
            });

    public long RecordFile(PipelineRunFile f) =>
        Connection.ExecuteScalar<long>("""
            INSERT INTO pipeline_file (run_id, file_name, sha256, outcome, attempts, rows_read, rows_accepted, rows_rejected,
                rows_duplicate, moved_to, reason)
            VALUES (@RunId, @FileName, @Sha256, @Outcome, @Attempts, @RowsRead, @RowsAccepted, @RowsRejected,
                @RowsDuplicate, @MovedTo, @Reason)
            RETURNING id
            """, f);

    /// <summary>Writes the final status and counts of a run.</summary>
    public void FinishRun(PipelineRun r) =>
        Connection.Execute("""
            UPDATE pipeline_run SET status = @Status, finished_at = @finishedAt, files_imported = @FilesImported,
                files_already_imported = @FilesAlreadyImported, files_rejected = @FilesRejected,
                files_waiting = @FilesWaiting, error = @Error
            WHERE id = @Id
            """,
            new
            {
                r.Id, r.Status, finishedAt = IsoOrNull(r.FinishedAt), r.FilesImported, r.FilesAlreadyImported,
                r.FilesRejected, r.FilesWaiting, r.Error,
            });

    /// <summary>The latest runs, newest first; of one pipeline when <paramref name="pipeline"/> is given.</summary>
    public IReadOnlyList<PipelineRun> Runs(string? pipeline = null, int limit = 20) =>
        Connection.Query<RunRow>("""
            SELECT * FROM pipeline_run WHERE @pipeline IS NULL OR pipeline = @pipeline ORDER BY id DESC LIMIT @limit
            """, new { pipeline, limit }).Select(r => r.ToRecord()).ToList();

    public PipelineRun? Run(long id) =>
        Connection.QuerySingleOrDefault<RunRow>("SELECT * FROM pipeline_run WHERE id = @id", new { id })?.ToRecord();

    public IReadOnlyList<PipelineRunStep> RunSteps(long runId) =>
        Connection.Query<StepRow>("SELECT * FROM pipeline_step WHERE run_id = @runId ORDER BY position", new { runId })
            .Select(r => r.ToRecord()).ToList();

    public IReadOnlyList<PipelineRunFile> RunFiles(long runId) =>
        Connection.Query<PipelineRunFile>("""
            SELECT id AS Id, run_id AS RunId, file_name AS FileName, sha256 AS Sha256, outcome AS Outcome, attempts AS Attempts,
                   rows_read AS RowsRead, rows_accepted AS RowsAccepted, rows_rejected AS RowsRejected,
                   rows_duplicate AS RowsDuplicate, moved_to AS MovedTo, reason AS Reason
            FROM pipeline_file WHERE run_id = @runId ORDER BY id
            """, new { runId }).ToList();

    private static string? IsoOrNull(DateTime? time) => time is { } t ? Iso(t) : null;

    private static DateTime? ParseIso(string? text) =>
        text is null ? null : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <summary>The shape of a <c>pipeline_run</c> row as Dapper reads it.</summary>
    private sealed record RunRow(long id, string pipeline, string started_by, string? scheduled_for, string status,
        string started_at, string? finished_at, long files_imported, long files_already_imported, long files_rejected,
        long files_waiting, string? error)
    {
        public PipelineRun ToRecord() => new()
        {
            Id = id, Pipeline = pipeline, StartedBy = started_by, ScheduledFor = ParseIso(scheduled_for), Status = status,
            StartedAt = ParseIso(started_at)!.Value, FinishedAt = ParseIso(finished_at), FilesImported = (int)files_imported,
            FilesAlreadyImported = (int)files_already_imported, FilesRejected = (int)files_rejected,
            FilesWaiting = (int)files_waiting, Error = error,
        };
    }

    /// <summary>The shape of a <c>pipeline_step</c> row as Dapper reads it.</summary>
    private sealed record StepRow(long run_id, long position, string step, string status, long attempts, string? started_at,
        string? finished_at, long rows_read, long rows_accepted, long rows_rejected, long rows_duplicate, string? output, string? error)
    {
        public PipelineRunStep ToRecord() => new()
        {
            RunId = run_id, Position = (int)position, Step = step, Status = status, Attempts = (int)attempts,
            StartedAt = ParseIso(started_at), FinishedAt = ParseIso(finished_at), RowsRead = (int)rows_read,
            RowsAccepted = (int)rows_accepted, RowsRejected = (int)rows_rejected, RowsDuplicate = (int)rows_duplicate,
            Output = output, Error = error,
        };
    }
}
