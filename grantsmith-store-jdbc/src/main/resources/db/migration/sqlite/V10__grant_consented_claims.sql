-- The claims the user consented to share (Authlete's consentedClaims of /auth/authorization/issue), kept with the
-- grant so that userinfo and introspection can honour and report them for every token of the grant.
-- NULL: the authorization server did not say (every requested claim); '[]': none; else a JSON array of names.
ALTER TABLE grants ADD COLUMN consented_claims TEXT;
