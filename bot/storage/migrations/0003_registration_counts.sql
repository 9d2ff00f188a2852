-- Per-service answer counts, kept with every registration write, so that a campaign's leak ranking
-- reads a few rows instead of every registration of the guild (bench/store.py).
CREATE INDEX registration_service ON registration (guild_id, service, registered);

CREATE TABLE registration_count (
    guild_id    INTEGER NOT NULL,
    service     TEXT NOT NULL,
    registered  INTEGER NOT NULL CHECK (registered IN (0, 1)),
    n           INTEGER NOT NULL,
    PRIMARY KEY (guild_id, service, registered)
) STRICT;

INSERT INTO registration_count (guild_id, service, registered, n)
    SELECT guild_id, service, registered, count(*) FROM registration GROUP BY guild_id, service, registered;
