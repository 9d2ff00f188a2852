-- Verdict kinds (issue 11): a report's verdict is one of phishing, scam, malware, spam, suspicious,
-- no_signs. The report table is STRICT with a CHECK on verdict, so it is rebuilt (SQLite cannot
-- alter a CHECK); every row keeps its verdict and its id. Dropping the old table deletes its
-- report_domain rows through ON DELETE CASCADE (foreign keys are on and cannot be switched off
-- inside the migration's transaction): they are kept aside first and put back afterwards.

CREATE TABLE report_domain_keep AS SELECT * FROM report_domain;

CREATE TABLE report_new (
    id                INTEGER PRIMARY KEY,
    public_id         TEXT NOT NULL UNIQUE,   -- R-xxxxxxxxxx
    guild_id          INTEGER NOT NULL,
    member_id         INTEGER,                -- NULL once the member asked to be forgotten
    created_at        TEXT NOT NULL,
    mail_time         TEXT NOT NULL,          -- first Received date, or created_at for pasted text
    verdict           TEXT NOT NULL CHECK (verdict IN ('phishing', 'scam', 'malware', 'spam', 'suspicious', 'no_signs')),
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

INSERT INTO report_new (id, public_id, guild_id, member_id, created_at, mail_time, verdict, score, brand, subject_key,
                        envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key, recipient_masked,
                        findings, campaign_id, raw, raw_expires_at)
    SELECT id, public_id, guild_id, member_id, created_at, mail_time, verdict, score, brand, subject_key,
           envelope_domain, handoff_ip, message_id_hash, input_sha256, recipient_key, recipient_masked,
           findings, campaign_id, raw, raw_expires_at
    FROM report;

DROP TABLE report;
ALTER TABLE report_new RENAME TO report;

CREATE UNIQUE INDEX report_input ON report (guild_id, input_sha256);
CREATE UNIQUE INDEX report_message ON report (guild_id, message_id_hash) WHERE message_id_hash IS NOT NULL;
CREATE INDEX report_campaign ON report (campaign_id);
CREATE INDEX report_envelope ON report (guild_id, envelope_domain) WHERE envelope_domain IS NOT NULL;
CREATE INDEX report_handoff ON report (guild_id, handoff_ip) WHERE handoff_ip IS NOT NULL;
CREATE INDEX report_subject ON report (guild_id, subject_key) WHERE subject_key IS NOT NULL;
CREATE INDEX report_member ON report (guild_id, member_id);
CREATE INDEX report_raw_expiry ON report (raw_expires_at) WHERE raw IS NOT NULL;

INSERT INTO report_domain SELECT * FROM report_domain_keep;
DROP TABLE report_domain_keep;
