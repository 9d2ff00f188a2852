-- PostgreSQL twin of ../0005_verdict_kinds.sql: PostgreSQL alters a CHECK in place (SQLite rebuilds
-- the table).
ALTER TABLE report DROP CONSTRAINT report_verdict_check;
ALTER TABLE report ADD CONSTRAINT report_verdict_check
    CHECK (verdict IN ('phishing', 'scam', 'malware', 'spam', 'suspicious', 'no_signs'));
