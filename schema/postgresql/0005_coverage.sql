-- The coverage date of an extract (PROTOCOL.md 3.4, version 2): the columns of ../0005_coverage.sql.
ALTER TABLE import_file ADD COLUMN coverage_date  bigint;                   -- yyyymmdd
ALTER TABLE import_file ADD COLUMN coverage_given bigint NOT NULL DEFAULT 0; -- 1: --extract-date, 0: derived
