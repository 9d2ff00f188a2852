-- /stats and its chart count a guild's reports by week, verdict and brand over a period: an index
-- that holds every column those counts read, so they never visit the report rows (at a million
-- reports in one guild: ~1 s without it, ~0.16 s with it; docs/BENCHMARKS.md).
CREATE INDEX report_guild_time ON report (guild_id, created_at, verdict, brand);
