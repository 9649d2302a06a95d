-- A database written by release 0.1 (schema V1; client secrets sealed in format 1, bound to the client ID only),
-- dumped with sqlite3 .dump. Sealing key: TestStores.KEY. Client 5001's secret is secret-of-5001, 5002's is
-- secret-of-5002, 5003 is public. Access token 1099511627778 is caller-chosen (value chosen-by-caller) in service 1001.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "flyway_schema_history" (
    "installed_rank" INT NOT NULL PRIMARY KEY,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INT,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    "execution_time" INT NOT NULL,
    "success" BOOLEAN NOT NULL
);
INSERT INTO flyway_schema_history VALUES(1,'1','initial schema','SQL','V1__initial_schema.sql',-1542110444,'','2026-12-02 16:00:23.939',67,1);
CREATE TABLE services (
    id              INTEGER PRIMARY KEY,
    api_secret_hash BLOB    NOT NULL,
    document        TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    modified_at     INTEGER NOT NULL
) STRICT;
INSERT INTO services VALUES(1001,X'4773142640e5950274fc598dcce828e07a6ee94c0ef44e9b8cb0a3fb9a62c4a7','{"serviceName":"one"}',1772359200000,1772359200000);
INSERT INTO services VALUES(1002,X'dca058b6895d6aaac2c3e8f7623e3acad295cadbc92c6bb5833249374f865451','{"serviceName":"two"}',1772359200000,1772359200000);
CREATE TABLE clients (
    client_id     INTEGER PRIMARY KEY,  -- client IDs are unique across services
    service_id    INTEGER NOT NULL,
    alias         TEXT,
    sealed_secret BLOB,                 -- AES-256-GCM, bound to client_id; NULL for public clients
    document      TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    modified_at   INTEGER NOT NULL
) STRICT;
INSERT INTO clients VALUES(5001,1001,'web',X'018f0773749e6322494404e57d7ef59792fb1dff305be1d741fb1847cb8a12c41d07fb9fda95c331c2735a','{"clientId":5001}',1772359200000,1772359200000);
INSERT INTO clients VALUES(5002,1002,NULL,X'01ef1bc1ef19bebd30b8f75fbe04850e9a8b46f94cb5e373619300c886418d90cbb0b13c4b6219894e455e','{"clientId":5002}',1772359200000,1772359200000);
INSERT INTO clients VALUES(5003,1001,NULL,NULL,'{"clientId":5003}',1772359200000,1772359200000);
CREATE TABLE users (
    service_id    INTEGER NOT NULL,
    username      TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,     -- PHC string of a slow KDF, never a password
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (service_id, username)
) STRICT;
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE access_tokens (
    token_key            INTEGER PRIMARY KEY,
    hash                 BLOB    NOT NULL,
    caller_chosen        INTEGER NOT NULL,
    service_id           INTEGER NOT NULL,
    client_id            INTEGER NOT NULL,
    subject              TEXT,
    scopes               TEXT    NOT NULL,
    resources            TEXT,
    grant_type           TEXT    NOT NULL,
    issued_at            INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    family               BLOB,              -- NULL for tokens issued without a refresh token
    properties           TEXT,
    client_id_alias_used INTEGER NOT NULL
) STRICT;
INSERT INTO access_tokens VALUES(1099511627778,X'f4927b757ee3e58ead631d6bc7c947bd53e1a50dad5feb4552c94cae19701c63',1,1001,5001,NULL,'read write','["https://api.example.com/"]','CLIENT_CREDENTIALS',1772359200000,4925959200000,NULL,'[{"key":"tenant","value":"acme","hidden":false},{"key":"secret","value":"s","hidden":true}]',0);
CREATE TABLE refresh_tokens (
    token_key            INTEGER PRIMARY KEY,
    hash                 BLOB    NOT NULL,
    family               BLOB    NOT NULL,
    service_id           INTEGER NOT NULL,
    client_id            INTEGER NOT NULL,
    subject              TEXT,
    scopes               TEXT    NOT NULL,
    resources            TEXT,
    grant_type           TEXT    NOT NULL,
    issued_at            INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    properties           TEXT,
    client_id_alias_used INTEGER NOT NULL,
    state                TEXT    NOT NULL,  -- ACTIVE, ROTATED or REVOKED
    rotated_at           INTEGER,
    successor_key        INTEGER NOT NULL   -- the token that replaced it; 0 while ACTIVE
) STRICT;
CREATE TABLE tickets (
    hash                 BLOB    NOT NULL,
    service_id           INTEGER NOT NULL,
    client_id            INTEGER NOT NULL,
    client_id_alias_used INTEGER NOT NULL,
    client_auth_method   TEXT,
    scopes               TEXT    NOT NULL,
    resources            TEXT,
    issued_at            INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    consumed_at          INTEGER             -- NULL while unused
) STRICT;
CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");
CREATE UNIQUE INDEX clients_service_alias ON clients (service_id, alias);
CREATE INDEX clients_service ON clients (service_id, client_id);
CREATE UNIQUE INDEX access_tokens_caller_chosen_hash ON access_tokens (hash) WHERE caller_chosen = 1;
CREATE INDEX access_tokens_expires_at ON access_tokens (expires_at);
CREATE INDEX access_tokens_family ON access_tokens (family) WHERE family IS NOT NULL;
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
CREATE UNIQUE INDEX tickets_hash ON tickets (hash);
CREATE INDEX tickets_expires_at ON tickets (expires_at);
COMMIT;
