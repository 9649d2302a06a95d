-- Grant records: one row per grant (token family) with what all its tokens share, and the flag that revokes
-- them all. Refresh tokens keep only their own fields and reference the grant by family; access tokens keep
-- their own (a refresh may narrow their scopes and resources, and client_credentials tokens have no grant).
--
-- Every refresh write first updates its grant row (WHERE revoked = 0), then the refresh token: revoking a grant
-- (UPDATE grants SET revoked = 1) and rotating one of its tokens therefore conflict on the grant row, and on a
-- multi-node store one of them waits for the other: no successor can stay live after a revocation.
--
-- The grant row outlives its tokens: expires_at is the latest expiry of any of them, raised by every refresh.

CREATE TABLE grants (
    id          BLOB    PRIMARY KEY,   -- the family, a 16-byte UUID
    service_id  INTEGER NOT NULL,
    client_id   INTEGER NOT NULL,
    subject     TEXT,
    scopes      TEXT    NOT NULL,      -- granted; a refresh may narrow an access token's, never these
    resources   TEXT,
    grant_type  TEXT    NOT NULL,
    claims      TEXT,                  -- the authorization's claims request (JSON), OpenID Connect
    auth_time   INTEGER,
    acr         TEXT,
    nonce       TEXT,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    revoked     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- For the janitor (purgeExpired).
CREATE INDEX grants_expires_at ON grants (expires_at);

-- Existing families: what their refresh tokens carried (the same in every token of a family), revoked if reuse
-- revoked them. The bare columns come from the row of MIN(issued_at), the family's first token.
INSERT INTO grants (id, service_id, client_id, subject, scopes, resources, grant_type, created_at, expires_at,
                    revoked)
SELECT family, service_id, client_id, subject, scopes, resources, grant_type, MIN(issued_at), 0, 0
FROM refresh_tokens
GROUP BY family;

UPDATE grants SET
    expires_at = (SELECT MAX(expires_at) FROM refresh_tokens WHERE family = grants.id),
    revoked = EXISTS (SELECT 1 FROM refresh_tokens WHERE family = grants.id AND state = 'REVOKED');

-- An access token may outlive its family's refresh tokens (lifetimes not linked): keep the grant until it expires.
UPDATE grants SET expires_at = (SELECT MAX(expires_at) FROM access_tokens WHERE family = grants.id)
WHERE (SELECT MAX(expires_at) FROM access_tokens WHERE family = grants.id) > expires_at;

-- A family whose refresh tokens were all purged while an access token lives on.
INSERT INTO grants (id, service_id, client_id, subject, scopes, resources, grant_type, created_at, expires_at,
                    revoked)
SELECT family, service_id, client_id, subject, scopes, resources, grant_type, MIN(issued_at), MAX(expires_at), 0
FROM access_tokens
WHERE family IS NOT NULL AND family NOT IN (SELECT id FROM grants)
GROUP BY family;

-- Refresh tokens now take these from their grant. Revocation marks the grant, so nothing looks refresh tokens
-- up by family any more: the index goes, and with it a random B-tree insert per refresh token.
DROP INDEX refresh_tokens_family;
ALTER TABLE refresh_tokens DROP COLUMN service_id;
ALTER TABLE refresh_tokens DROP COLUMN client_id;
ALTER TABLE refresh_tokens DROP COLUMN subject;
ALTER TABLE refresh_tokens DROP COLUMN scopes;
ALTER TABLE refresh_tokens DROP COLUMN resources;
ALTER TABLE refresh_tokens DROP COLUMN grant_type;
