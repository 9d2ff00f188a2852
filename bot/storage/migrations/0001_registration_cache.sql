-- Registration facts looked up by RDAP or WHOIS, cached with a TTL (positive 7 days, negative 1 hour).
-- Failures are not cached: the next report asks again.
CREATE TABLE registration_cache (
    domain          TEXT PRIMARY KEY,            -- a registrable domain, A-label form
    source          TEXT NOT NULL CHECK (source IN ('rdap', 'whois')),
    registered      TEXT,                        -- ISO 8601, UTC
    expires         TEXT,
    last_changed    TEXT,
    registrar       TEXT,
    statuses        TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    not_registered  INTEGER NOT NULL DEFAULT 0 CHECK (not_registered IN (0, 1)),
    fetched_at      TEXT NOT NULL,
    valid_until     TEXT NOT NULL
) STRICT;

CREATE INDEX registration_cache_valid_until ON registration_cache (valid_until);
