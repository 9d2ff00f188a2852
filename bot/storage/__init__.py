"""SQLite storage (aiosqlite): numbered plain-SQL migrations tracked with PRAGMA user_version."""
