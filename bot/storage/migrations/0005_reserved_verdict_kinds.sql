-- Reserved: the detection engineer's verdict kinds (scam, malware) rebuild the report table's
-- verdict CHECK in their 0005 (branch detect). This placeholder keeps the numbering whole on the
-- community branch; the lead replaces it with theirs when both land.
SELECT 1;
