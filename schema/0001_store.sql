-- The store of Verblijfsmonitor (PROTOCOL.md 3). Applied once, in a transaction, by the store on open.
-- Dates are INTEGER yyyymmdd (20200131): readable in the sqlite3 shell, ordered like dates, and cheap
-- to read back by the million. Codes are INTEGER: municipality 193 is '0193', provider 6000015 is
-- '06000015'. Money is INTEGER in 1/10,000 euro, so sums are exact.

-- Every import attempt: what ran, and what became of it.
CREATE TABLE import_file (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT    NOT NULL,               -- as given on the command line
    sha256         TEXT    NOT NULL,               -- of the bytes: the same content imports once
    format         TEXT,                           -- null when it could not be told
    source         TEXT,                           -- --source NAME
    full_extract   INTEGER NOT NULL DEFAULT 0,     -- --full: supersedes the source's earlier imports
    status         TEXT    NOT NULL CHECK (status IN ('imported', 'already_imported', 'rejected')),
    reason         TEXT,                           -- why a file was rejected whole
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_accepted  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    rows_duplicate INTEGER NOT NULL DEFAULT 0,
    started_at     TEXT    NOT NULL,               -- ISO 8601, UTC
    finished_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX import_file_content ON import_file (sha256) WHERE status = 'imported';
CREATE INDEX import_file_source ON import_file (source) WHERE source IS NOT NULL;

-- The canonical care types (PROTOCOL.md 1); the numbers are those of Monitor.Core's CareType.
CREATE TABLE care_type (
    id   INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE
);
INSERT INTO care_type (id, word) VALUES
    (1, 'verblijf'), (2, 'gezinshuis'), (3, 'gesloten'), (4, 'crisis'),
    (5, 'pleegzorg'), (6, 'kortdurend_verblijf'), (7, 'ambulant');

-- Pseudonymised youths: the key is HMAC-SHA256 of the BSN or client id (PROTOCOL.md 3.3). No BSN anywhere.
CREATE TABLE youth (
    id        INTEGER PRIMARY KEY,
    youth_key TEXT NOT NULL UNIQUE
);

-- Accepted rows of rijm and cbs extracts.
CREATE TABLE segment (
    id                INTEGER PRIMARY KEY,
    import_id         INTEGER NOT NULL REFERENCES import_file (id),
    line              INTEGER NOT NULL,            -- physical line in the file, header = 1
    youth_id          INTEGER NOT NULL REFERENCES youth (id),
    birth_date        INTEGER NOT NULL,
    sex               TEXT CHECK (sex IN ('M', 'V', 'X')),
    municipality      INTEGER NOT NULL,
    provider          INTEGER NOT NULL,
    provider_name     TEXT,
    product_code      TEXT,
    care_code         TEXT    NOT NULL,            -- zorgsoort or hulpvorm as written
    care_type         INTEGER NOT NULL REFERENCES care_type (id),
    start_date        INTEGER NOT NULL,
    end_date          INTEGER,                     -- null: still running
    amount            INTEGER,                     -- bedrag; null: none in the row (a tariff may apply)
    started_as_crisis INTEGER,                     -- cbs gestart_met_crisis: 1 J, 0 N
    end_reason        TEXT,                        -- cbs reden_beeindiging
    referrer          TEXT,                        -- cbs verwijzer
    superseded_by     INTEGER REFERENCES import_file (id)  -- a later full extract of the same source
);
-- Duplicate detection looks up (youth, start); the index grows in youth order, so it stays cheap.
CREATE INDEX segment_youth_start ON segment (youth_id, start_date);
CREATE INDEX segment_import ON segment (import_id);

-- Rows counted as duplicates (PROTOCOL.md 3.1): not stored again, but traceable.
CREATE TABLE duplicate_row (
    import_id    INTEGER NOT NULL REFERENCES import_file (id),
    line         INTEGER NOT NULL,
    duplicate_of INTEGER NOT NULL REFERENCES segment (id),
    PRIMARY KEY (import_id, line)
) WITHOUT ROWID;

-- Refused rows: where and why, never the values (a refused cell may hold a citizen number).
CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES import_file (id),
    line        INTEGER NOT NULL,
    column_name TEXT    NOT NULL,
    reason      TEXT    NOT NULL
);
CREATE INDEX quarantine_import ON quarantine (import_id, line);

-- Reference data (PROTOCOL.md 2.3): updated by key, the newest row wins.
CREATE TABLE provider (
    agb_code  INTEGER PRIMARY KEY,
    name      TEXT,
    sector    TEXT NOT NULL CHECK (sector IN ('GGZ', 'JO', 'LVB', 'overig')),
    import_id INTEGER NOT NULL REFERENCES import_file (id)
);
CREATE TABLE municipality (
    code      INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    region    TEXT NOT NULL,
    import_id INTEGER NOT NULL REFERENCES import_file (id)
);
CREATE TABLE tariff (
    care_type INTEGER NOT NULL REFERENCES care_type (id),
    year      INTEGER NOT NULL,
    per_day   TEXT    NOT NULL,                    -- exact decimal, invariant culture
    import_id INTEGER NOT NULL REFERENCES import_file (id),
    PRIMARY KEY (care_type, year)
);
CREATE TABLE care_type_code (
    code      TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    care_type INTEGER NOT NULL REFERENCES care_type (id),
    import_id INTEGER NOT NULL REFERENCES import_file (id)
);
