-- The coverage date of an extract (PROTOCOL.md 3.4, version 2): the day its picture was taken. A segment
-- still open in the file is only known to be open up to that day. Given with --extract-date, else the
-- latest segment start among the file's rows that pass the checks. Null for reference files and for
-- attempts that stored nothing.
ALTER TABLE import_file ADD COLUMN coverage_date INTEGER;                 -- yyyymmdd
ALTER TABLE import_file ADD COLUMN coverage_given INTEGER NOT NULL DEFAULT 0; -- 1: --extract-date, 0: derived
