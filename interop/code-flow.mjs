// The authorization code flow as openid-client 6 (on oauth4webapi) runs it against the built-in provider:
//   discovery:  discovery() with the client's id_token_signed_response_alg (--algorithm) and redirect_uris;
//               enableNonRepudiationChecks, so that the library checks the ID token's signature with the
//               provider's jwks_uri (a code-flow ID token over TLS need not be, OpenID Connect Core §3.1.3.7)
//   authorize:  buildAuthorizationUrl with PKCE (S256), nonce and state
//   login:      what an authorization server does around its login page, through Grantsmith's Authlete-style API
//               (--api, the service's secret in INTEROP_API_SECRET): /auth/authorization with the URL's query, then
//               /auth/authorization/issue with the user (--username) as subject; its LOCATION is the redirect
//   token:      authorizationCodeGrant (state, PKCE verifier, expected nonce, the ID token required and checked:
//               signature from jwks_uri, iss, aud, exp, iat, nonce); at_hash is not checked by the library in the
//               code flow, so the script compares it with the access token's half hash itself
//   userinfo:   fetchUserInfo, expecting the ID token's sub
//   refresh:    refreshTokenGrant, whose new ID token the library checks again (signature, iss, aud, sub unchanged);
//               its at_hash, when present, is compared as above
// Prints {"authorize":…,"token":…,"userinfo":…,"refresh":…}.
//   node code-flow.mjs --issuer URL --api URL --client-id ID --redirect-uri URI --username U --algorithm ALG
//   [--scope S] (the client secret in INTEROP_CLIENT_SECRET, the API secret in INTEROP_API_SECRET)
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { describe, print, settings } from './lib/interop.mjs';

const config = settings(['issuer', 'api', 'api-secret', 'client-id', 'client-secret', 'redirect-uri', 'username',
  'algorithm']);
const result = {};

const oidc = await client.discovery(new URL(config.issuer), config['client-id'], {
  id_token_signed_response_alg: config.algorithm,
  redirect_uris: [config['redirect-uri']],
}, client.ClientSecretBasic(config['client-secret']), { execute: [client.allowInsecureRequests] });
client.enableNonRepudiationChecks(oidc);

const verifier = client.randomPKCECodeVerifier();
const nonce = client.randomNonce();
const state = client.randomState();
const authorizationUrl = client.buildAuthorizationUrl(oidc, {
  redirect_uri: config['redirect-uri'],
  scope: config.scope ?? 'openid email',
  code_challenge: await client.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  nonce,
  state,
});

/** One call of the Authlete-style API, as the authorization server's back end makes it. */
async function api(path, body) {
  const response = await fetch(`${config.api}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config['api-secret']}` },
    body: JSON.stringify(body),
  });
  return response.json();
}

const authorization = await api('/auth/authorization', { parameters: authorizationUrl.search.slice(1) });
const issued = authorization.ticket === undefined ? {}
  : await api('/auth/authorization/issue', { ticket: authorization.ticket, subject: config.username });
result.authorize = { action: authorization.action, issue: issued.action };
if (issued.action !== 'LOCATION') {
  result.authorize.detail = issued.resultMessage ?? authorization.resultMessage;
  print(result);
  process.exit(0);
}

/** base64url of the left half of the access token's hash: SHA-512 for EdDSA (Ed25519), SHA-256 otherwise. */
function halfHash(value, algorithm) {
  const digest = createHash(algorithm === 'EdDSA' ? 'sha512' : 'sha256').update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** What the library accepted: the ID token's header and the claims it validated, token values left out. */
function summarize(tokens) {
  const claims = tokens.claims();
  const header = JSON.parse(Buffer.from(tokens.id_token.split('.')[0], 'base64url').toString());
  return {
    outcome: 'token',
    alg: header.alg,
    kid: header.kid,
    sub: claims.sub,
    aud: claims.aud,
    nonce_matches: claims.nonce === nonce,
    at_hash: claims.at_hash === undefined ? 'absent'
      : claims.at_hash === halfHash(tokens.access_token, header.alg) ? 'matches' : 'differs',
    auth_time: typeof claims.auth_time === 'number',
    refresh_token: typeof tokens.refresh_token === 'string' && tokens.refresh_token.length > 0,
  };
}

let tokens;
try {
  tokens = await client.authorizationCodeGrant(oidc, new URL(issued.responseContent), {
    pkceCodeVerifier: verifier,
    expectedNonce: nonce,
    expectedState: state,
    idTokenExpected: true,
  });
  result.token = summarize(tokens);
  // the library fetched jwks_uri to check the signature: its cache now holds the provider's key set
  result.token.jwks_fetched = client.getJwksCache(oidc) !== undefined;
} catch (err) {
  result.token = await describe(err);
}

if (tokens) {
  try {
    result.userinfo = { outcome: 'userinfo', claims: await client.fetchUserInfo(oidc, tokens.access_token,
      tokens.claims().sub) };
  } catch (err) {
    result.userinfo = await describe(err);
  }
  try {
    const refreshed = await client.refreshTokenGrant(oidc, tokens.refresh_token);
    result.refresh = { ...summarize(refreshed), nonce_matches: undefined, same_sub: refreshed.claims().sub === tokens.claims().sub };
  } catch (err) {
    result.refresh = await describe(err);
  }
}
print(result);
