-- What the Discord bot keeps beside the shared log.

-- The ready-to-send report text behind a report's button (headers included, addresses masked),
-- one per member who reported the mail: two members' copies of one mail (same Message-ID)
-- carry each its own headers, and neither may read or replace the other's.
-- It expires with the guild's raw-mail retention and goes with /privacy forget.
CREATE TABLE report_text (
    guild_id    INTEGER NOT NULL,
    public_id   TEXT NOT NULL,
    member_id   INTEGER NOT NULL,
    text        TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, public_id, member_id)
) STRICT;
CREATE INDEX report_text_member ON report_text (guild_id, member_id);
CREATE INDEX report_text_expiry ON report_text (expires_at);

-- Guilds the bot has been in (seen at start, on joining, when available). Only these can be marked
-- as left when the bot finds itself no longer in them; guild ids used only from the CLI never are.
ALTER TABLE guild_settings ADD COLUMN bot_seen INTEGER NOT NULL DEFAULT 0 CHECK (bot_seen IN (0, 1));
CREATE INDEX guild_settings_left ON guild_settings (left_at) WHERE left_at IS NOT NULL;
