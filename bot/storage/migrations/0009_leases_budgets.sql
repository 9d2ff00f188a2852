-- Several processes over one database (issue 15): work done once for all of them runs in the
-- holder of a lease, taken and renewed by one conditional INSERT ... ON CONFLICT DO UPDATE ... WHERE
-- (the row changes only when it is free, expired, or already the taker's). ``leader`` is the lease
-- of the periodic work (purges, feed fetches); ``lookup:NAME`` rows mark a registry lookup under way
-- in some process, so that another waits for its answer in the cache instead of asking again.
-- holder: host:pid:random. expires_at: UTC, the stores' fixed-width text form (text order is time order).
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- The per-guild hourly lookup budget, shared by the processes: one row per guild and UTC hour,
-- ``asked`` the lookups asked for in that hour (granted: up to the budget). One atomic
-- INSERT ... ON CONFLICT DO UPDATE SET asked = asked + n RETURNING asked per request.
CREATE TABLE lookup_budget (
    guild_id INTEGER NOT NULL,
    hour TEXT NOT NULL,
    asked INTEGER NOT NULL,
    PRIMARY KEY (guild_id, hour)
);
