-- Alarms that hold (issue 11). Number 3 was free: Quartz, the scheduler before Hangfire, created its own
-- tables. Hangfire keeps its storage in a file of its own beside the store (<store>.hangfire.db), so it
-- has no tables here either.

-- The rows a run read and refused (of the files it imported), for the refused share in every summary.
ALTER TABLE pipeline_run ADD COLUMN rows_read    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pipeline_run ADD COLUMN rows_refused INTEGER NOT NULL DEFAULT 0;

-- A run's counts follow its files as they are recorded (MonitorStore.RecordFile), so a run that was killed
-- still says what it did. Earlier runs are counted once here; a killed one had read 0 until now.
UPDATE pipeline_run SET
    files_imported         = (SELECT count(*) FROM pipeline_file f WHERE f.run_id = pipeline_run.id AND f.outcome = 'imported'),
    files_already_imported = (SELECT count(*) FROM pipeline_file f WHERE f.run_id = pipeline_run.id AND f.outcome = 'already_imported'),
    files_rejected         = (SELECT count(*) FROM pipeline_file f WHERE f.run_id = pipeline_run.id AND f.outcome = 'rejected'),
    files_waiting          = (SELECT count(*) FROM pipeline_file f WHERE f.run_id = pipeline_run.id AND f.outcome = 'waiting'),
    rows_read              = (SELECT coalesce(sum(f.rows_read), 0) FROM pipeline_file f WHERE f.run_id = pipeline_run.id AND f.outcome = 'imported'),
    rows_refused           = (SELECT coalesce(sum(f.rows_rejected), 0) FROM pipeline_file f WHERE f.run_id = pipeline_run.id AND f.outcome = 'imported');

-- `monitor jobs ack RUN`: someone has dealt with what the run flagged (files it moved to the failed folder,
-- a refused share above the pipeline's threshold), and `jobs health` stops reporting it.
CREATE TABLE pipeline_ack (
    run_id          INTEGER PRIMARY KEY REFERENCES pipeline_run (id),
    acknowledged_at TEXT    NOT NULL             -- ISO 8601, UTC
);

-- Quartz's tables, left in stores the Quartz scheduler ran on: Hangfire has its own file, and nothing reads them.
-- Children before parents, as their foreign keys ask.
DROP TABLE IF EXISTS QRTZ_SIMPLE_TRIGGERS;
DROP TABLE IF EXISTS QRTZ_SIMPROP_TRIGGERS;
DROP TABLE IF EXISTS QRTZ_CRON_TRIGGERS;
DROP TABLE IF EXISTS QRTZ_BLOB_TRIGGERS;
DROP TABLE IF EXISTS QRTZ_FIRED_TRIGGERS;
DROP TABLE IF EXISTS QRTZ_PAUSED_TRIGGER_GRPS;
DROP TABLE IF EXISTS QRTZ_CALENDARS;
DROP TABLE IF EXISTS QRTZ_SCHEDULER_STATE;
DROP TABLE IF EXISTS QRTZ_LOCKS;
DROP TABLE IF EXISTS QRTZ_TRIGGERS;
DROP TABLE IF EXISTS QRTZ_JOB_DETAILS;
