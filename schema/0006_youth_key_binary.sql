-- The youth key as its 32 bytes (a BLOB) instead of its 64 hex characters (issue 14): the youth table and its
-- unique index are half the size, and an import compares half as many bytes per youth it looks up. The column
-- keeps its declared type: SQLite stores a BLOB as given in a TEXT column, and the unique index stays valid
-- because unhex is one-to-one. The store turns the bytes back into the hex text everywhere a key leaves it
-- (exports, lineage). PostgreSQL keeps the text (schema/postgresql/).
UPDATE youth SET youth_key = unhex(youth_key) WHERE typeof(youth_key) = 'text';
