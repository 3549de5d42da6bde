-- Scheduled pipelines (monitor pipeline run, monitor scheduler run): every run, its steps and the inbox
-- files it handled, so that each morning the analyst sees what ran last night and, where something
-- failed, what and why. Applied once, in a transaction, by the store on open.
-- The scheduler (Hangfire) keeps its own storage in a file beside the store, <store>.hangfire.db.

-- One run of one pipeline, started by hand (monitor pipeline run) or by the scheduler.
CREATE TABLE pipeline_run (
    id                     INTEGER PRIMARY KEY,
    pipeline               TEXT    NOT NULL,        -- the pipeline's name: pipelines/NAME.json
    started_by             TEXT    NOT NULL CHECK (started_by IN ('manual', 'schedule')),
    scheduled_for          TEXT,                    -- the fire time the schedule meant; a catch-up run starts later
    status                 TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'succeeded_with_rejections',
                                                              'failed', 'cancelled', 'interrupted')),
    started_at             TEXT    NOT NULL,        -- ISO 8601, UTC
    finished_at            TEXT,                    -- null while running, and for a run whose process died
    files_imported         INTEGER NOT NULL DEFAULT 0,
    files_already_imported INTEGER NOT NULL DEFAULT 0,
    files_rejected         INTEGER NOT NULL DEFAULT 0,
    files_waiting          INTEGER NOT NULL DEFAULT 0, -- still being written: left for the next run
    error                  TEXT                     -- why the run failed, one line
);
CREATE INDEX pipeline_run_pipeline ON pipeline_run (pipeline, id);

-- The steps of a run, in the pipeline's order; a step after a failed one is recorded as skipped.
CREATE TABLE pipeline_step (
    run_id         INTEGER NOT NULL REFERENCES pipeline_run (id),
    position       INTEGER NOT NULL,                -- 1, 2, … as listed in the pipeline file
    step           TEXT    NOT NULL,                -- import, measure, report
    status         TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped', 'cancelled',
                                                      'interrupted')),
    attempts       INTEGER NOT NULL DEFAULT 0,      -- tries (import: the most any one file needed)
    started_at     TEXT,
    finished_at    TEXT,
    rows_read      INTEGER NOT NULL DEFAULT 0,      -- import: summed over the files it imported
    rows_accepted  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    rows_duplicate INTEGER NOT NULL DEFAULT 0,
    output         TEXT,                            -- the file a measure or report step wrote
    error          TEXT,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- What the import step did with each inbox file.
CREATE TABLE pipeline_file (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL REFERENCES pipeline_run (id),
    file_name      TEXT    NOT NULL,                -- its name in the inbox
    sha256         TEXT,                            -- joins import_file (null when never read)
    outcome        TEXT    NOT NULL CHECK (outcome IN ('imported', 'already_imported', 'rejected', 'waiting', 'failed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_accepted  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    rows_duplicate INTEGER NOT NULL DEFAULT 0,
    moved_to       TEXT,                            -- its path in the archive or failed folder
    reason         TEXT                             -- why it was rejected, is waiting, or failed
);
CREATE INDEX pipeline_file_run ON pipeline_file (run_id);
