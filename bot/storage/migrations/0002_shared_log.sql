-- The shared log (SPEC §6): reports, their domains, campaigns, known-bad domain decisions,
-- registered addresses (keyed HMAC + masked form only), leak-source registrations, votes.
-- Every table is scoped by guild. No address is ever stored in clear.

CREATE TABLE guild_settings (
    guild_id            INTEGER PRIMARY KEY,
    language            TEXT CHECK (language IN ('ja', 'en')),
    keep_raw            INTEGER NOT NULL DEFAULT 0 CHECK (keep_raw IN (0, 1)),
    raw_retention_days  INTEGER NOT NULL DEFAULT 30 CHECK (raw_retention_days > 0),
    auto_delete         INTEGER NOT NULL DEFAULT 0 CHECK (auto_delete IN (0, 1)),
    lookups_enabled     INTEGER NOT NULL DEFAULT 1 CHECK (lookups_enabled IN (0, 1)),
    report_channels     TEXT NOT NULL DEFAULT '[]',
    left_at             TEXT
) STRICT;

CREATE TABLE campaign (
    id          TEXT PRIMARY KEY,             -- C-xxxx, stable
    guild_id    INTEGER NOT NULL,
    brand       TEXT,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
) STRICT;
CREATE INDEX campaign_guild ON campaign (guild_id, last_seen);

CREATE TABLE report (
    id                INTEGER PRIMARY KEY,
    public_id         TEXT NOT NULL UNIQUE,   -- R-xxxxxxxxxx
    guild_id          INTEGER NOT NULL,
    member_id         INTEGER,                -- NULL once the member asked to be forgotten
    created_at        TEXT NOT NULL,
    mail_time         TEXT NOT NULL,          -- first Received date, or created_at for pasted text
    verdict           TEXT NOT NULL CHECK (verdict IN ('phishing', 'suspicious', 'no_signs')),
    score             INTEGER NOT NULL,
    brand             TEXT,
    subject_key       TEXT,                   -- normalised, masked subject (campaign joins)
    envelope_domain   TEXT,
    handoff_ip        TEXT,
    message_id_hash   TEXT,                   -- sha256 of the Message-ID (it may hold an address)
    input_sha256      TEXT NOT NULL,
    recipient_key     TEXT,                   -- HMAC of the recipient address
    recipient_masked  TEXT,
    findings          TEXT NOT NULL,          -- JSON [[rule, severity], ...]
    campaign_id       TEXT REFERENCES campaign (id),
    raw               BLOB,                   -- only when the guild keeps raw mail
    raw_expires_at    TEXT
) STRICT;
CREATE UNIQUE INDEX report_input ON report (guild_id, input_sha256);
CREATE UNIQUE INDEX report_message ON report (guild_id, message_id_hash) WHERE message_id_hash IS NOT NULL;
CREATE INDEX report_campaign ON report (campaign_id);
CREATE INDEX report_envelope ON report (guild_id, envelope_domain) WHERE envelope_domain IS NOT NULL;
CREATE INDEX report_handoff ON report (guild_id, handoff_ip) WHERE handoff_ip IS NOT NULL;
CREATE INDEX report_subject ON report (guild_id, subject_key) WHERE subject_key IS NOT NULL;
CREATE INDEX report_member ON report (guild_id, member_id);
CREATE INDEX report_raw_expiry ON report (raw_expires_at) WHERE raw IS NOT NULL;

CREATE TABLE report_domain (
    report_id   INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    guild_id    INTEGER NOT NULL,
    domain      TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('link', 'envelope', 'dkim', 'from', 'reply_to')),
    bad_candidate INTEGER NOT NULL CHECK (bad_candidate IN (0, 1)),  -- may count as known-bad
    age_days    INTEGER,
    PRIMARY KEY (report_id, domain, role)
) STRICT;
CREATE INDEX report_domain_lookup ON report_domain (guild_id, domain);

CREATE TABLE domain_decision (
    guild_id      INTEGER NOT NULL,
    domain        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('confirmed', 'cleared')),
    moderator_id  INTEGER,
    decided_at    TEXT NOT NULL,
    PRIMARY KEY (guild_id, domain)
) STRICT;

CREATE TABLE registered_address (
    guild_id     INTEGER NOT NULL,
    address_key  TEXT NOT NULL,               -- HMAC-SHA256 of the normalised address
    member_id    INTEGER NOT NULL,
    masked       TEXT NOT NULL,
    PRIMARY KEY (guild_id, address_key)
) STRICT;
CREATE INDEX registered_address_member ON registered_address (guild_id, member_id);

CREATE TABLE registration (
    guild_id      INTEGER NOT NULL,
    address_key   TEXT NOT NULL,
    service       TEXT NOT NULL,              -- slug
    service_name  TEXT NOT NULL,              -- display name as typed, for unknown services
    registered    INTEGER NOT NULL CHECK (registered IN (0, 1)),  -- 0: "not registered with"
    member_id     INTEGER NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (guild_id, address_key, service)
) STRICT;
CREATE INDEX registration_member ON registration (guild_id, member_id);

CREATE TABLE vote (
    guild_id     INTEGER NOT NULL,
    campaign_id  TEXT NOT NULL REFERENCES campaign (id),
    member_id    INTEGER NOT NULL,
    service      TEXT NOT NULL,
    voted_at     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, member_id)
) STRICT;
