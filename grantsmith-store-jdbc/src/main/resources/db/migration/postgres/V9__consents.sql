-- What each user of the built-in authorization server allowed each client on the login and consent page (the
-- PostgreSQL side of sqlite/V9): one row per allowed scope name, so that concurrent grants add up with plain
-- conditional inserts.
CREATE TABLE consents (
    service_id  BIGINT NOT NULL,
    subject     TEXT COLLATE "C" NOT NULL,
    client_id   BIGINT NOT NULL,
    scope       TEXT COLLATE "C" NOT NULL,
    granted_at  BIGINT NOT NULL,  -- epoch seconds
    PRIMARY KEY (service_id, subject, client_id, scope)
);
