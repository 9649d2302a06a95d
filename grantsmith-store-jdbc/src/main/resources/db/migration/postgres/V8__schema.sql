-- Grantsmith schema, PostgreSQL dialect: the SQLite schema as its migrations V1-V8 leave it, in one step.
--
-- A PostgreSQL store starts at this version: there is no earlier PostgreSQL database to migrate, and the Java
-- migration V3 (resealing format-1 client secrets) has nothing to do on one. From here on, a schema change is a
-- migration of the same number in both locations (db/migration/sqlite and db/migration/postgres), so that a
-- version names one schema whatever the database; SchemaParityTest compares the two.
--
-- The store's SQL is shared by both databases, so the types follow what it binds: times are BIGINT milliseconds
-- since the epoch (from the engine's clock, never the database's: nodes must keep their clocks in sync), hashes,
-- families and sealed secrets are BYTEA, flags are INTEGER 0/1 (the statements say "revoked = 0"), JSON documents
-- are TEXT (nothing queries inside them). Text that is compared or sorted uses the "C" collation, so that order and
-- uniqueness are bytewise, as on SQLite, whatever the database's locale.
--
-- No FOREIGN KEY constraints, as on SQLite: the store deletes dependent rows itself.

CREATE TABLE services (
    id              BIGINT PRIMARY KEY,
    api_secret_hash BYTEA  NOT NULL,
    document        TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    modified_at     BIGINT NOT NULL
);

CREATE TABLE clients (
    client_id     BIGINT PRIMARY KEY,      -- client IDs are unique across services
    service_id    BIGINT NOT NULL,
    alias         TEXT COLLATE "C",
    sealed_secret BYTEA,                   -- AES-256-GCM, bound to service and client; NULL for public clients
    document      TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    modified_at   BIGINT NOT NULL
);

-- NULL aliases do not clash (NULLs are distinct in unique indexes).
CREATE UNIQUE INDEX clients_service_alias ON clients (service_id, alias);
CREATE INDEX clients_service ON clients (service_id, client_id);

CREATE TABLE users (
    service_id    BIGINT NOT NULL,
    username      TEXT COLLATE "C" NOT NULL,
    subject       TEXT COLLATE "C" NOT NULL,
    password_hash TEXT   NOT NULL,         -- PHC string of a slow KDF, never a password
    created_at    BIGINT NOT NULL,
    claims        TEXT   NOT NULL DEFAULT '{}',
    PRIMARY KEY (service_id, username)
);

CREATE INDEX users_service_subject ON users (service_id, subject, created_at, username);

CREATE TABLE settings (
    name  TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
);

-- Tokens are keyed by the increasing row key their value carries (see TokenFormat): new rows append at the
-- right edge of the primary key's B-tree. The hash is checked on lookup; only caller-chosen access tokens, whose
-- values carry no key, are indexed by hash.
CREATE TABLE access_tokens (
    token_key            BIGINT PRIMARY KEY,
    hash                 BYTEA   NOT NULL,
    caller_chosen        INTEGER NOT NULL,
    service_id           BIGINT  NOT NULL,
    client_id            BIGINT  NOT NULL,
    subject              TEXT,
    scopes               TEXT    NOT NULL,
    resources            TEXT,
    grant_type           TEXT    NOT NULL,
    issued_at            BIGINT  NOT NULL,
    expires_at           BIGINT  NOT NULL,
    family               BYTEA,             -- NULL for tokens issued without a refresh token
    properties           TEXT,
    client_id_alias_used INTEGER NOT NULL
);

CREATE UNIQUE INDEX access_tokens_caller_chosen ON access_tokens (service_id, hash) WHERE caller_chosen = 1;
CREATE INDEX access_tokens_expires_at ON access_tokens (expires_at);
CREATE INDEX access_tokens_family ON access_tokens (family) WHERE family IS NOT NULL;

-- Grant records: what all tokens of a family share, and the flag that revokes them all. Every refresh write first
-- updates its grant row (WHERE revoked = 0): a revocation and a rotation of the same family conflict on that row,
-- so one waits for the other and no successor stays live after a revocation.
CREATE TABLE grants (
    id          BYTEA   PRIMARY KEY,       -- the family, a 16-byte UUID
    service_id  BIGINT  NOT NULL,
    client_id   BIGINT  NOT NULL,
    subject     TEXT,
    scopes      TEXT    NOT NULL,
    resources   TEXT,
    grant_type  TEXT    NOT NULL,
    claims      TEXT,
    auth_time   BIGINT,
    acr         TEXT,
    nonce       TEXT,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    revoked     INTEGER NOT NULL
);

CREATE INDEX grants_expires_at ON grants (expires_at);

CREATE TABLE refresh_tokens (
    token_key            BIGINT  PRIMARY KEY,
    hash                 BYTEA   NOT NULL,
    family               BYTEA   NOT NULL,
    issued_at            BIGINT  NOT NULL,
    expires_at           BIGINT  NOT NULL,
    properties           TEXT,
    client_id_alias_used INTEGER NOT NULL,
    state                TEXT    NOT NULL,  -- ACTIVE, ROTATED or REVOKED
    rotated_at           BIGINT,
    successor_key        BIGINT  NOT NULL   -- the token that replaced it; 0 while ACTIVE
);

CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

CREATE TABLE tickets (
    hash                 BYTEA   NOT NULL,
    service_id           BIGINT  NOT NULL,
    client_id            BIGINT  NOT NULL,
    client_id_alias_used INTEGER NOT NULL,
    client_auth_method   TEXT,
    scopes               TEXT    NOT NULL,
    resources            TEXT,
    issued_at            BIGINT  NOT NULL,
    expires_at           BIGINT  NOT NULL,
    consumed_at          BIGINT              -- NULL while unused
);

CREATE UNIQUE INDEX tickets_hash ON tickets (hash);
CREATE INDEX tickets_expires_at ON tickets (expires_at);

CREATE TABLE service_keys (
    service_id         BIGINT NOT NULL,
    kid                TEXT COLLATE "C" NOT NULL,
    alg                TEXT   NOT NULL,    -- RS256, PS256, ES256 or EdDSA
    state              TEXT   NOT NULL,    -- NEXT, CURRENT or RETIRED
    sealed_private_jwk BYTEA  NOT NULL,
    public_jwk         TEXT   NOT NULL,
    created_at         BIGINT NOT NULL,
    activated_at       BIGINT,
    retired_at         BIGINT,
    publish_until      BIGINT,             -- NULL unless RETIRED
    PRIMARY KEY (service_id, kid)
);

CREATE INDEX service_keys_publish_until ON service_keys (publish_until) WHERE publish_until IS NOT NULL;

CREATE TABLE authorization_tickets (
    hash        BYTEA  NOT NULL,
    service_id  BIGINT NOT NULL,
    client_id   BIGINT NOT NULL,
    request     TEXT   NOT NULL,
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    consumed_at BIGINT                     -- NULL while unused
);

CREATE UNIQUE INDEX authorization_tickets_hash ON authorization_tickets (hash);
CREATE INDEX authorization_tickets_expires_at ON authorization_tickets (expires_at);

CREATE TABLE authorization_codes (
    hash        BYTEA   NOT NULL,
    service_id  BIGINT  NOT NULL,
    client_id   BIGINT  NOT NULL,
    request     TEXT    NOT NULL,
    approval    TEXT    NOT NULL,
    issued_at   BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    redeemed_at BIGINT,                    -- NULL until redeemed
    grant_id    BYTEA,                     -- the family the redemption issued, once recorded
    reused      INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX authorization_codes_hash ON authorization_codes (hash);
CREATE INDEX authorization_codes_expires_at ON authorization_codes (expires_at);
