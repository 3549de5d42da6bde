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
            INSERT INTO pipeline_step (run_id, position, step, status, attempts, started_at, finished_at,
                rows_read, rows_accepted, rows_rejected, rows_duplicate, output, error)
            VALUES (@RunId, @Position, @Step, @Status, @Attempts, @startedAt, @finishedAt,
                @RowsRead, @RowsAccepted, @RowsRejected, @RowsDuplicate, @Output, @Error)
            ON CONFLICT (run_id, position) DO UPDATE SET step = excluded.step, status = excluded.status, attempts = excluded.attempts,
                started_at = excluded.started_at, finished_at = excluded.finished_at, rows_read = excluded.rows_read,
                rows_accepted = excluded.rows_accepted, rows_rejected = excluded.rows_rejected, rows_duplicate = excluded.rows_duplicate,
                output = excluded.output, error = excluded.error
            """,
            new
            {
                s.RunId, s.Position, s.Step, s.Status, s.Attempts, startedAt = IsoOrNull(s.StartedAt), finishedAt = IsoOrNull(s.FinishedAt),
                s.RowsRead, s.RowsAccepted, s.RowsRejected, s.RowsDuplicate, s.Output, s.Error,
            });

    /// <summary>Records what became of an inbox file and, in the same transaction, counts it in its run: a run
    /// that is killed afterwards still says what it did.</summary>
    public long RecordFile(PipelineRunFile f)
    {
        using var transaction = Connection.BeginTransaction();
        var id = Connection.ExecuteScalar<long>("""
            INSERT INTO pipeline_file (run_id, file_name, sha256, outcome, attempts, rows_read, rows_accepted, rows_rejected,
                rows_duplicate, moved_to, reason)
            VALUES (@RunId, @FileName, @Sha256, @Outcome, @Attempts, @RowsRead, @RowsAccepted, @RowsRejected,
                @RowsDuplicate, @MovedTo, @Reason)
            RETURNING id
            """, f, transaction);
        Connection.Execute("""
            UPDATE pipeline_run SET
                files_imported         = (SELECT count(*) FROM pipeline_file WHERE run_id = @RunId AND outcome = 'imported'),
                files_already_imported = (SELECT count(*) FROM pipeline_file WHERE run_id = @RunId AND outcome = 'already_imported'),
                files_rejected         = (SELECT count(*) FROM pipeline_file WHERE run_id = @RunId AND outcome = 'rejected'),
                files_waiting          = (SELECT count(*) FROM pipeline_file WHERE run_id = @RunId AND outcome = 'waiting'),
                rows_read              = (SELECT coalesce(sum(rows_read), 0) FROM pipeline_file WHERE run_id = @RunId AND outcome = 'imported'),
                rows_refused           = (SELECT coalesce(sum(rows_rejected), 0) FROM pipeline_file WHERE run_id = @RunId AND outcome = 'imported')
            WHERE id = @RunId
            """, new { f.RunId }, transaction);
        transaction.Commit();
        return id;
    }

    /// <summary>Writes the final status of a run (its counts follow its files: <see cref="RecordFile"/>).</summary>
    public void FinishRun(PipelineRun r) =>
        Connection.Execute("UPDATE pipeline_run SET status = @Status, finished_at = @finishedAt, error = @Error WHERE id = @Id",
            new { r.Id, r.Status, finishedAt = IsoOrNull(r.FinishedAt), r.Error });

    /// <summary>The latest runs, newest first; of one pipeline when <paramref name="pipeline"/> is given.</summary>
    public IReadOnlyList<PipelineRun> Runs(string? pipeline = null, int limit = 20) =>
        Connection.Query<RunRow>(RunColumns + " WHERE @pipeline IS NULL OR r.pipeline = @pipeline ORDER BY r.id DESC LIMIT @limit",
            new { pipeline, limit }).Select(r => r.ToRecord()).ToList();

    public PipelineRun? Run(long id) =>
        Connection.QuerySingleOrDefault<RunRow>(RunColumns + " WHERE r.id = @id", new { id })?.ToRecord();

    /// <summary>Records that someone has dealt with what run <paramref name="runId"/> flagged; false if it already was.</summary>
    public bool Acknowledge(long runId, DateTime at) =>
        Connection.Execute("INSERT INTO pipeline_ack (run_id, acknowledged_at) VALUES (@runId, @at) ON CONFLICT DO NOTHING", new { runId, at = Iso(at) }) == 1;

    /// <summary>Files the runs of <paramref name="pipeline"/> moved to the failed folder, oldest first; only those of
    /// runs not acknowledged unless <paramref name="acknowledgedToo"/>.</summary>
    public IReadOnlyList<RejectedFile> RejectedFiles(string pipeline, bool acknowledgedToo = false) =>
        Connection.Query<(long RunId, string Pipeline, string StartedAt, string FileName, string? MovedTo, string? Reason)>("""
            SELECT f.run_id, r.pipeline, r.started_at, f.file_name, f.moved_to, f.reason
            FROM pipeline_file f JOIN pipeline_run r ON r.id = f.run_id LEFT JOIN pipeline_ack a ON a.run_id = f.run_id
            WHERE r.pipeline = @pipeline AND f.outcome = 'rejected' AND (@acknowledgedToo OR a.run_id IS NULL)
            ORDER BY f.id
            """, new { pipeline, acknowledgedToo })
            .Select(x => new RejectedFile(x.RunId, x.Pipeline, ParseIso(x.StartedAt)!.Value, x.FileName, x.MovedTo, x.Reason)).ToList();

    /// <summary>Runs of <paramref name="pipeline"/> not acknowledged that refused more than <paramref name="maxShare"/> of the rows they read.</summary>
    public IReadOnlyList<PipelineRun> RunsRefusingMoreThan(string pipeline, double maxShare) =>
        Connection.Query<RunRow>(RunColumns + """
             WHERE r.pipeline = @pipeline AND a.run_id IS NULL AND r.rows_read > 0 AND r.rows_refused > @maxShare * r.rows_read
            ORDER BY r.id
            """, new { pipeline, maxShare }).Select(r => r.ToRecord()).ToList();

    private const string RunColumns = """
        SELECT r.id, r.pipeline, r.started_by, r.scheduled_for, r.status, r.started_at, r.finished_at, r.files_imported,
               r.files_already_imported, r.files_rejected, r.files_waiting, r.rows_read, r.rows_refused, r.error, a.acknowledged_at
        FROM pipeline_run r LEFT JOIN pipeline_ack a ON a.run_id = r.id
        """;

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
        long files_waiting, long rows_read, long rows_refused, string? error, string? acknowledged_at)
    {
        public PipelineRun ToRecord() => new()
        {
            Id = id, Pipeline = pipeline, StartedBy = started_by, ScheduledFor = ParseIso(scheduled_for), Status = status,
            StartedAt = ParseIso(started_at)!.Value, FinishedAt = ParseIso(finished_at), FilesImported = (int)files_imported,
            FilesAlreadyImported = (int)files_already_imported, FilesRejected = (int)files_rejected,
            FilesWaiting = (int)files_waiting, RowsRead = (int)rows_read, RowsRefused = (int)rows_refused, Error = error,
            AcknowledgedAt = ParseIso(acknowledged_at),
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
