-- PostgreSQL twin of ../0003_registration_counts.sql.
CREATE INDEX registration_service ON registration (guild_id, service, registered);

CREATE TABLE registration_count (
    guild_id    BIGINT NOT NULL,
    service     TEXT NOT NULL,
    registered  INTEGER NOT NULL CHECK (registered IN (0, 1)),
    n           BIGINT NOT NULL,
    PRIMARY KEY (guild_id, service, registered)
);

INSERT INTO registration_count (guild_id, service, registered, n)
    SELECT guild_id, service, registered, count(*) FROM registration GROUP BY guild_id, service, registered;
