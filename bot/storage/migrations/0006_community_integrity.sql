-- The shared log's integrity (issue 10).
--
-- 1. A report has reporters: the same mail (input hash / Message-ID) from a second member is the
--    same report with a second reporter, who counts as a second member (SPEC §6: one report;
--    issue 10: two members). Each reporter's copy has its own recipient (the hit address).
CREATE TABLE report_reporter (
    id                INTEGER PRIMARY KEY,
    report_id         INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    guild_id          INTEGER NOT NULL,
    member_id         INTEGER,                -- NULL once the member asked to be forgotten
    reported_at       TEXT NOT NULL,          -- UTC
    recipient_key     TEXT,                   -- HMAC of the address this member's copy reached
    recipient_masked  TEXT
) STRICT;
CREATE UNIQUE INDEX report_reporter_once ON report_reporter (report_id, member_id);
CREATE INDEX report_reporter_member ON report_reporter (guild_id, member_id);
CREATE INDEX report_reporter_recipient ON report_reporter (guild_id, recipient_key) WHERE recipient_key IS NOT NULL;
INSERT INTO report_reporter (report_id, guild_id, member_id, reported_at, recipient_key, recipient_masked)
    SELECT id, guild_id, member_id, created_at, recipient_key, recipient_masked FROM report;

-- 2. Each member's claims about an address are their own: two members may register one address
--    (its owner, and someone who typed it first), and neither replaces or blocks the other.
CREATE TABLE registered_address_claims (
    guild_id     INTEGER NOT NULL,
    address_key  TEXT NOT NULL,               -- HMAC-SHA256 of the normalised address
    member_id    INTEGER NOT NULL,
    masked       TEXT NOT NULL,
    PRIMARY KEY (guild_id, address_key, member_id)
) STRICT;
INSERT INTO registered_address_claims (guild_id, address_key, member_id, masked)
    SELECT guild_id, address_key, member_id, masked FROM registered_address;
DROP TABLE registered_address;
ALTER TABLE registered_address_claims RENAME TO registered_address;
CREATE INDEX registered_address_member ON registered_address (guild_id, member_id);

CREATE TABLE registration_claims (
    guild_id      INTEGER NOT NULL,
    address_key   TEXT NOT NULL,
    member_id     INTEGER NOT NULL,
    service       TEXT NOT NULL,              -- slug
    service_name  TEXT NOT NULL,              -- display name as typed, for unknown services
    registered    INTEGER NOT NULL CHECK (registered IN (0, 1)),  -- 0: "not registered with"
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (guild_id, address_key, member_id, service)
) STRICT;
INSERT INTO registration_claims (guild_id, address_key, member_id, service, service_name, registered, updated_at)
    SELECT guild_id, address_key, member_id, service, service_name, registered, updated_at FROM registration;
DROP TABLE registration;
ALTER TABLE registration_claims RENAME TO registration;
CREATE INDEX registration_member ON registration (guild_id, member_id);
CREATE INDEX registration_service ON registration (guild_id, service, registered);
-- registration_count keeps its meaning per address: "registered" = addresses some claim says
-- are registered, "not registered" = addresses with a "no" and no "yes" (one claim per address
-- and service before this version: the counts stand as they are). Its row with the empty service
-- holds the number of distinct addresses with answers (a campaign view reads it every time).
INSERT INTO registration_count (guild_id, service, registered, n)
    SELECT guild_id, '', 1, count(DISTINCT address_key) FROM registered_address GROUP BY guild_id;

-- 3. A private /analyze is not in the shared log; what it would record waits here (no raw mail)
--    until the member shares it, or expires.
CREATE TABLE pending_report (
    guild_id    INTEGER NOT NULL,
    public_id   TEXT NOT NULL,
    member_id   INTEGER NOT NULL,
    payload     TEXT NOT NULL,                -- JSON of the report as it would be recorded
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, public_id, member_id)
) STRICT;
CREATE INDEX pending_report_expiry ON pending_report (expires_at);
CREATE INDEX pending_report_member ON pending_report (guild_id, member_id);

-- 4. Every stored time in UTC, one fixed-width form (text order = time order): rows written with
--    the mail's own offset (+09:00) or without microseconds are rewritten. A value SQLite cannot
--    read as a time is left as it was.
UPDATE campaign SET first_seen = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', first_seen), first_seen),
                    last_seen = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', last_seen), last_seen);
UPDATE report SET created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', created_at), created_at),
                  mail_time = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', mail_time), mail_time),
                  raw_expires_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', raw_expires_at), raw_expires_at);
UPDATE report_reporter SET reported_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', reported_at), reported_at);
UPDATE domain_decision SET decided_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', decided_at), decided_at);
UPDATE registration SET updated_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', updated_at), updated_at);
UPDATE vote SET voted_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', voted_at), voted_at);
UPDATE report_text SET expires_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', expires_at), expires_at);
UPDATE guild_settings SET left_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', left_at), left_at);
UPDATE registration_cache SET fetched_at = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', fetched_at), fetched_at),
                              valid_until = coalesce(strftime('%Y-%m-%dT%H:%M:%f000+00:00', valid_until), valid_until);
