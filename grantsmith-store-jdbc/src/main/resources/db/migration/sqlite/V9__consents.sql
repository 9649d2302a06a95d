-- What each user of the built-in authorization server allowed each client on the login and consent page: one row
-- per allowed scope name. A later request of the client for scopes within them passes a browser session without
-- the page. One row per scope (not a list in one row) so that concurrent grants add up with plain conditional
-- inserts, on SQLite and PostgreSQL alike, never read-then-write. Rows of deleted clients are never read again
-- (client IDs are not reused).
CREATE TABLE consents (
    service_id  INTEGER NOT NULL,
    subject     TEXT    NOT NULL,
    client_id   INTEGER NOT NULL,
    scope       TEXT    NOT NULL,
    granted_at  INTEGER NOT NULL,  -- epoch seconds
    PRIMARY KEY (service_id, subject, client_id, scope)
) WITHOUT ROWID;
