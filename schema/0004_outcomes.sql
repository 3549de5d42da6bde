-- Outcome data (docs/outcomes.md): population for rates per 1,000 youths, end-reason categories for
-- premature endings, questionnaire instruments and the ROM scores themselves.

CREATE TABLE population (
    municipality INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    youths       INTEGER NOT NULL CHECK (youths >= 0),   -- jeugdigen_0_17
    import_id    INTEGER NOT NULL REFERENCES import_file (id),
    PRIMARY KEY (municipality, year)
);

CREATE TABLE end_reason (
    code      TEXT NOT NULL PRIMARY KEY,
    category  TEXT NOT NULL CHECK (category IN ('volgens_plan', 'voortijdig', 'overig')),
    import_id INTEGER NOT NULL REFERENCES import_file (id)
);

CREATE TABLE instrument (
    name            TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    lower_is_better INTEGER NOT NULL,
    sd              REAL    NOT NULL,
    reliability     REAL    NOT NULL,
    cutoff          REAL    NOT NULL,
    minimum         REAL,
    maximum         REAL,
    import_id       INTEGER NOT NULL REFERENCES import_file (id)
);

-- Accepted rows of rom files, pseudonymised like segments.
CREATE TABLE rom_score (
    id         INTEGER PRIMARY KEY,
    import_id  INTEGER NOT NULL REFERENCES import_file (id),
    line       INTEGER NOT NULL,
    youth_id   INTEGER NOT NULL REFERENCES youth (id),
    instrument TEXT    NOT NULL COLLATE NOCASE,
    informant  TEXT    NOT NULL CHECK (informant IN ('ouder', 'jongere', 'professional')),
    date       INTEGER NOT NULL,                            -- yyyymmdd
    score      REAL    NOT NULL
);
-- The same score twice is a duplicate: counted, not stored again.
CREATE UNIQUE INDEX rom_score_same ON rom_score (youth_id, instrument, informant, date, score);

-- Crisis starts of cbs trajectories are few among millions of segments: a partial index finds them.
CREATE INDEX segment_crisis_start ON segment (youth_id) WHERE started_as_crisis = 1;
