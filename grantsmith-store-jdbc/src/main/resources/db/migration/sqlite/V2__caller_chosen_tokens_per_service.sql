-- Caller-chosen access-token values are unique per service, as in Authlete, not across services: two services may
-- each have a token with the same caller-chosen value, and each finds only its own. The lookup is
-- "WHERE service_id = ? AND hash = ? AND caller_chosen = 1", which this index serves.

DROP INDEX access_tokens_caller_chosen_hash;

CREATE UNIQUE INDEX access_tokens_caller_chosen ON access_tokens (service_id, hash) WHERE caller_chosen = 1;
