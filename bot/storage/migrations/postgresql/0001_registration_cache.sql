-- PostgreSQL twin of ../0001_registration_cache.sql (same tables, columns and meaning; times are the
-- same fixed-width UTC text as on SQLite, so that both stores compare and sort them alike).
CREATE TABLE registration_cache (
    domain          TEXT PRIMARY KEY,
    source          TEXT NOT NULL CHECK (source IN ('rdap', 'whois')),
    registered      TEXT,
    expires         TEXT,
    last_changed    TEXT,
    registrar       TEXT,
    statuses        TEXT NOT NULL DEFAULT '[]',
    not_registered  INTEGER NOT NULL DEFAULT 0 CHECK (not_registered IN (0, 1)),
    fetched_at      TEXT NOT NULL,
    valid_until     TEXT NOT NULL
);
CREATE INDEX registration_cache_valid_until ON registration_cache (valid_until);
