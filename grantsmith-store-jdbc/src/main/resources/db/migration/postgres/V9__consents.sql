-- What each user of the built-in authorization server allowed each client on the login and consent page (the
-- PostgreSQL side of sqlite/V9): the scope names, sorted and separated by spaces.
CREATE TABLE consents (
    service_id  BIGINT NOT NULL,
    subject     TEXT COLLATE "C" NOT NULL,
    client_id   BIGINT NOT NULL,
    scopes      TEXT   NOT NULL,
    granted_at  BIGINT NOT NULL,  -- epoch seconds
    PRIMARY KEY (service_id, subject, client_id)
);
