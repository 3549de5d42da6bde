-- Alarms that hold (issue 11): the columns and table of ../0003_run_alarms.sql. (Quartz never ran on PostgreSQL:
-- there are no QRTZ_ tables to drop.)
ALTER TABLE pipeline_run ADD COLUMN rows_read    bigint NOT NULL DEFAULT 0;
ALTER TABLE pipeline_run ADD COLUMN rows_refused bigint NOT NULL DEFAULT 0;

CREATE TABLE pipeline_ack (
    run_id          bigint PRIMARY KEY REFERENCES pipeline_run (id),
    acknowledged_at text   NOT NULL
);
