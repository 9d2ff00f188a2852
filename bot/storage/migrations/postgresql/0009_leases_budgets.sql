-- PostgreSQL twin of ../0009_leases_budgets.sql: the leases of work done once for all processes,
-- and the per-guild hourly lookup budget they share (the same upserts serve both stores; here the
-- row lock of INSERT ... ON CONFLICT makes each atomic between processes).
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE lookup_budget (
    guild_id BIGINT NOT NULL,
    hour TEXT NOT NULL,
    asked INTEGER NOT NULL,
    PRIMARY KEY (guild_id, hour)
);
