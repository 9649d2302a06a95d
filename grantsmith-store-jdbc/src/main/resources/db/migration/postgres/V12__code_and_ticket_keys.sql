-- Authorization codes, authorization tickets and password tickets carry an increasing row key, as access and
-- refresh tokens do (see TokenIds and TokenFormat: 8 key bytes and 256 random bits, 54 characters), and are found
-- by it: token_key = ? AND hash = ?. New rows are then appended to a key index instead of scattered through a
-- unique index on a random hash (StoreGrowthBench: 3-4x the insert rate and a fraction of the bytes written per
-- code once the table holds a code lifetime's worth of rows).
--
-- Codes and tickets minted before this version carry no key: their rows keep token_key NULL and are still found by
-- hash, through a partial unique index that holds only such rows (token_key IS NULL AND hash = ?). Once every such
-- row has expired (one code or ticket lifetime after the upgrade) the partial indexes are empty, and a later
-- version can drop them with the fallback. SQLite and PostgreSQL both treat NULLs as distinct in a unique index,
-- so the rows without a key do not conflict on token_key.

ALTER TABLE authorization_codes ADD COLUMN token_key BIGINT;
DROP INDEX authorization_codes_hash;
CREATE UNIQUE INDEX authorization_codes_token_key ON authorization_codes (token_key);
CREATE UNIQUE INDEX authorization_codes_legacy_hash ON authorization_codes (hash) WHERE token_key IS NULL;

ALTER TABLE authorization_tickets ADD COLUMN token_key BIGINT;
DROP INDEX authorization_tickets_hash;
CREATE UNIQUE INDEX authorization_tickets_token_key ON authorization_tickets (token_key);
CREATE UNIQUE INDEX authorization_tickets_legacy_hash ON authorization_tickets (hash) WHERE token_key IS NULL;

ALTER TABLE tickets ADD COLUMN token_key BIGINT;
DROP INDEX tickets_hash;
CREATE UNIQUE INDEX tickets_token_key ON tickets (token_key);
CREATE UNIQUE INDEX tickets_legacy_hash ON tickets (hash) WHERE token_key IS NULL;
