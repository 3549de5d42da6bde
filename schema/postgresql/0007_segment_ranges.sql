-- Each import's segments by their id range instead of an index on segment.import_id: see ../0007_segment_ranges.sql.
-- (PostgreSQL has no 0006: it keeps the youth key as text.)
ALTER TABLE import_file ADD COLUMN first_segment_id bigint;
ALTER TABLE import_file ADD COLUMN last_segment_id  bigint;
UPDATE import_file SET
    first_segment_id = (SELECT min(id) FROM segment WHERE import_id = import_file.id),
    last_segment_id  = (SELECT max(id) FROM segment WHERE import_id = import_file.id);
DROP INDEX segment_import;
