-- What each user of the built-in authorization server allowed each client on the login and consent page: the
-- scope names, sorted and separated by spaces. A later request of the client for scopes within them passes a
-- browser session without the page. Rows of deleted clients are never read again (client IDs are not reused).
CREATE TABLE consents (
    service_id  INTEGER NOT NULL,
    subject     TEXT    NOT NULL,
    client_id   INTEGER NOT NULL,
    scopes      TEXT    NOT NULL,
    granted_at  INTEGER NOT NULL,  -- epoch seconds
    PRIMARY KEY (service_id, subject, client_id)
) WITHOUT ROWID;
