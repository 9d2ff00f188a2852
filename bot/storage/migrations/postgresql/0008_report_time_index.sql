-- PostgreSQL twin of ../0008_report_time_index.sql.
CREATE INDEX report_guild_time ON report (guild_id, created_at, verdict, brand);
