-- A segment row's parents are vouched for by the import that writes it, as on SQLite since issue 14 (see
-- docs/decisions.md, "Store"): its import is the import_file row written first in the same transaction, its youth
-- the one the import just looked up or copied in, its care type one the writer found in care_type, and superseded_by
-- a full extract's own import. PostgreSQL's four checks per row (each an index lookup and a row lock on the parent)
-- were two thirds of a server import's time. The import checks its rows' parents once, as a set, before it commits
-- (PostgresSegmentWriter), and nothing in the product deletes a parent.
ALTER TABLE segment
    DROP CONSTRAINT IF EXISTS segment_import_id_fkey,
    DROP CONSTRAINT IF EXISTS segment_youth_id_fkey,
    DROP CONSTRAINT IF EXISTS segment_care_type_fkey,
    DROP CONSTRAINT IF EXISTS segment_superseded_by_fkey;
