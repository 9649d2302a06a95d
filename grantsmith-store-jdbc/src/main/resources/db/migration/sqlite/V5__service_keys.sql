-- Services' signing keys (their JWK Sets), one row per key.
--
-- The private JWK is sealed with AES-256-GCM under the master-derived sealing key, bound to (service_id, kid):
-- a dump of the database yields no private key. The public JWK is kept in clear, as it is published anyway.
-- States move NEXT -> CURRENT -> RETIRED; a retired key stays published until publish_until, when every token
-- it signed has expired, and is then purged. Deleting a service deletes its keys (the store does it, as for
-- clients and users: no FOREIGN KEY constraints).

CREATE TABLE service_keys (
    service_id         INTEGER NOT NULL,
    kid                TEXT    NOT NULL,
    alg                TEXT    NOT NULL,  -- RS256, PS256, ES256 or EdDSA
    state              TEXT    NOT NULL,  -- NEXT, CURRENT or RETIRED
    sealed_private_jwk BLOB    NOT NULL,
    public_jwk         TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    activated_at       INTEGER,
    retired_at         INTEGER,
    publish_until      INTEGER,           -- NULL unless RETIRED
    PRIMARY KEY (service_id, kid)
) STRICT;

-- For the janitor (purgeRetired); only retired keys have a publish_until.
CREATE INDEX service_keys_publish_until ON service_keys (publish_until) WHERE publish_until IS NOT NULL;
