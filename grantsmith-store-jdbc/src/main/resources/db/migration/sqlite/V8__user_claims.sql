-- Claims of the built-in users (OpenID Connect Core §5.1: name, email, email_verified, ...) for ID tokens and the
-- userinfo endpoint: the text of a JSON object, checked by the directory before it is stored. Existing users have
-- none.
ALTER TABLE users ADD COLUMN claims TEXT NOT NULL DEFAULT '{}';

-- ID tokens and userinfo know a user by subject only. Not unique: databases of earlier releases may hold two
-- users with one subject (the directory now refuses that; the lookup then takes the one created first).
CREATE INDEX users_service_subject ON users (service_id, subject, created_at, username);
