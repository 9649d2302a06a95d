-- The claims the user consented to share (the PostgreSQL side of sqlite/V10). NULL: every requested claim;
-- '[]': none; else a JSON array of names.
ALTER TABLE grants ADD COLUMN consented_claims TEXT;
