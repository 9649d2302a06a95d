-- The authorization-code flow's state between its steps (issue #8).
--
-- authorization_tickets: a validated authorization request waiting for /auth/authorization/issue or /fail;
-- authorization_codes: a code from /issue waiting for the token request. Both are keyed by the 32-byte SHA-256
-- of their value (the value is never stored) and used once: consumed_at / redeemed_at is set by one
-- conditional UPDATE. The request (and the user's approval) are JSON documents written field by field by
-- AuthorizationRows: nothing queries inside them.
--
-- A redeemed code is kept until it expires, with the grant its redemption issued (grant_id, a 16-byte family
-- UUID) and whether it was presented again (reused), so that a second redemption revokes that grant
-- (RFC 6749 §4.1.2) whichever of the two writes comes first.

CREATE TABLE authorization_tickets (
    hash        BLOB    NOT NULL,
    service_id  INTEGER NOT NULL,
    client_id   INTEGER NOT NULL,
    request     TEXT    NOT NULL,
    issued_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    consumed_at INTEGER             -- NULL while unused
) STRICT;

CREATE UNIQUE INDEX authorization_tickets_hash ON authorization_tickets (hash);
CREATE INDEX authorization_tickets_expires_at ON authorization_tickets (expires_at);

CREATE TABLE authorization_codes (
    hash        BLOB    NOT NULL,
    service_id  INTEGER NOT NULL,
    client_id   INTEGER NOT NULL,
    request     TEXT    NOT NULL,
    approval    TEXT    NOT NULL,
    issued_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    redeemed_at INTEGER,            -- NULL until redeemed
    grant_id    BLOB,               -- the family the redemption issued, once recorded
    reused      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE UNIQUE INDEX authorization_codes_hash ON authorization_codes (hash);
CREATE INDEX authorization_codes_expires_at ON authorization_codes (expires_at);
