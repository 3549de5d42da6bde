-- Each import's segments by their id range instead of an index on segment.import_id (issue 14). An import hands
-- out its segments' ids one after the other while it holds the store's write lock, and no segment is ever deleted,
-- so an import's segments are the ids first_segment_id..last_segment_id (null: it stored none). Queries still ask
-- import_id as well, so the range only has to hold every row of its import. The index cost an import about a tenth
-- of its time at two million rows (docs/benchmarks.md); everything that went through it now reads the range.
ALTER TABLE import_file ADD COLUMN first_segment_id INTEGER;
ALTER TABLE import_file ADD COLUMN last_segment_id  INTEGER;
UPDATE import_file SET
    first_segment_id = (SELECT min(id) FROM segment WHERE import_id = import_file.id),
    last_segment_id  = (SELECT max(id) FROM segment WHERE import_id = import_file.id);
DROP INDEX segment_import;
