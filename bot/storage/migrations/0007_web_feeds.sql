-- Beyond the report channel (issue 14): threat feeds in, blocklist feeds and campaign pages out,
-- link watch, sharing between servers. Nothing here holds personal data: tokens are kept only as
-- SHA-256 hashes (the token itself is derived again from the address key when an admin asks).

-- Listings of the threat feeds, one row per source and listed name (a registrable domain, or a
-- shared platform's customer name such as foo.duckdns.org). Apart from the community's reports:
-- shown beside them, never counted with them.
CREATE TABLE feed_entry (
    source        TEXT NOT NULL,              -- jpcert | openphish | phishtank | urlhaus | a local list's id
    domain        TEXT NOT NULL,
    first_listed  TEXT NOT NULL,              -- ISO 8601 UTC: the first time the feed listed it
    last_listed   TEXT NOT NULL,              -- the last time it did (a fetch that still lists it)
    label         TEXT,                       -- what it imitates, as the feed says (JPCERT/CC: the brand)
    threat        TEXT NOT NULL CHECK (threat IN ('phishing', 'malware')),
    urls          INTEGER NOT NULL DEFAULT 1 CHECK (urls >= 0),  -- listed URLs on it, as last counted
    PRIMARY KEY (source, domain)
) STRICT;
CREATE INDEX feed_entry_domain ON feed_entry (domain);
CREATE INDEX feed_entry_current ON feed_entry (last_listed);

-- One row per feed: what the last fetch or import found, the validators for the next conditional
-- request, and a lease so that one process of a deployment fetches a feed, not each of them.
CREATE TABLE feed_state (
    source         TEXT PRIMARY KEY,
    url            TEXT,
    etag           TEXT,
    last_modified  TEXT,
    checked_at     TEXT,                      -- the last fetch or import attempt
    changed_at     TEXT,                      -- the last one that brought entries
    status         TEXT NOT NULL DEFAULT 'never',  -- ok | not_modified | error code
    entries        INTEGER NOT NULL DEFAULT 0,
    lease_holder   TEXT,
    lease_until    TEXT
) STRICT;

-- Bumped on every write to the feeds: other processes reload their in-memory index when it moves.
CREATE TABLE feed_generation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    generation  INTEGER NOT NULL
) STRICT;
INSERT INTO feed_generation (id, generation) VALUES (1, 0);

-- What a guild turned on beyond its report channels (/setup, phishbot setup).
CREATE TABLE guild_features (
    guild_id         INTEGER PRIMARY KEY,
    feed_external    INTEGER NOT NULL DEFAULT 0 CHECK (feed_external IN (0, 1)),  -- feeds out carry threat-feed and network entries too
    share_pages      TEXT NOT NULL DEFAULT 'off' CHECK (share_pages IN ('off', 'chosen', 'all')),
    link_watch       TEXT NOT NULL DEFAULT 'off' CHECK (link_watch IN ('off', 'reply', 'hide', 'delete')),
    network_publish  INTEGER NOT NULL DEFAULT 0 CHECK (network_publish IN (0, 1)),
    network_receive  INTEGER NOT NULL DEFAULT 0 CHECK (network_receive IN (0, 1)),
    updated_at       TEXT
) STRICT;
CREATE INDEX guild_features_publish ON guild_features (network_publish) WHERE network_publish = 1;

-- Web tokens: 'feed' opens the blocklist feeds, 'pages' the shared campaign pages. One active
-- token of each kind per guild; a rotated or revoked one stays (revoked_at set) and answers 404.
CREATE TABLE web_token (
    token_hash  TEXT PRIMARY KEY,             -- hex SHA-256 of the token
    guild_id    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('feed', 'pages')),
    nonce       TEXT NOT NULL,                -- with the address key, derives the token again
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    last_used   TEXT
) STRICT;
CREATE UNIQUE INDEX web_token_active ON web_token (guild_id, kind) WHERE revoked_at IS NULL;

-- Campaigns a guild chose to share one by one (share_pages = 'chosen').
CREATE TABLE shared_campaign (
    guild_id     INTEGER NOT NULL,
    campaign_id  TEXT NOT NULL,
    shared_at    TEXT NOT NULL,
    PRIMARY KEY (guild_id, campaign_id)
) STRICT;

-- Sharing between servers asks "which guilds list this domain" without a guild id.
CREATE INDEX report_domain_by_domain ON report_domain (domain) WHERE bad_candidate = 1;
