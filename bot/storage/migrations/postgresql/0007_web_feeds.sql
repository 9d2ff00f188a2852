-- PostgreSQL twin of ../0007_web_feeds.sql.
CREATE TABLE feed_entry (
    source        TEXT NOT NULL,
    domain        TEXT NOT NULL,
    first_listed  TEXT NOT NULL,
    last_listed   TEXT NOT NULL,
    label         TEXT,
    threat        TEXT NOT NULL CHECK (threat IN ('phishing', 'malware')),
    urls          INTEGER NOT NULL DEFAULT 1 CHECK (urls >= 0),
    PRIMARY KEY (source, domain)
);
CREATE INDEX feed_entry_domain ON feed_entry (domain);
CREATE INDEX feed_entry_current ON feed_entry (last_listed);

CREATE TABLE feed_state (
    source         TEXT PRIMARY KEY,
    url            TEXT,
    etag           TEXT,
    last_modified  TEXT,
    checked_at     TEXT,
    changed_at     TEXT,
    status         TEXT NOT NULL DEFAULT 'never',
    entries        INTEGER NOT NULL DEFAULT 0,
    lease_holder   TEXT,
    lease_until    TEXT
);

CREATE TABLE feed_generation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    generation  BIGINT NOT NULL
);
INSERT INTO feed_generation (id, generation) VALUES (1, 0);

CREATE TABLE guild_features (
    guild_id         BIGINT PRIMARY KEY,
    feed_external    INTEGER NOT NULL DEFAULT 0 CHECK (feed_external IN (0, 1)),
    share_pages      TEXT NOT NULL DEFAULT 'off' CHECK (share_pages IN ('off', 'chosen', 'all')),
    link_watch       TEXT NOT NULL DEFAULT 'off' CHECK (link_watch IN ('off', 'reply', 'hide', 'delete')),
    network_publish  INTEGER NOT NULL DEFAULT 0 CHECK (network_publish IN (0, 1)),
    network_receive  INTEGER NOT NULL DEFAULT 0 CHECK (network_receive IN (0, 1)),
    updated_at       TEXT
);
CREATE INDEX guild_features_publish ON guild_features (network_publish) WHERE network_publish = 1;

CREATE TABLE web_token (
    token_hash  TEXT PRIMARY KEY,
    guild_id    BIGINT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('feed', 'pages')),
    nonce       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    last_used   TEXT
);
CREATE UNIQUE INDEX web_token_active ON web_token (guild_id, kind) WHERE revoked_at IS NULL;

CREATE TABLE shared_campaign (
    guild_id     BIGINT NOT NULL,
    campaign_id  TEXT NOT NULL,
    shared_at    TEXT NOT NULL,
    PRIMARY KEY (guild_id, campaign_id)
);

CREATE INDEX report_domain_by_domain ON report_domain (domain) WHERE bad_candidate = 1;
