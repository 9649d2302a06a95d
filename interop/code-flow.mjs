// The authorization code flow as openid-client 6 (on oauth4webapi) runs it against the built-in provider:
//   discovery:  discovery() with the client's id_token_signed_response_alg (--algorithm) and redirect_uris;
//               enableNonRepudiationChecks, so that the library checks the ID token's signature with the
//               provider's jwks_uri (a code-flow ID token over TLS need not be, OpenID Connect Core §3.1.3.7)
//   authorize:  buildAuthorizationUrl with PKCE (S256), nonce and state
//   login:      --login page (default): the built-in login page at the authorization URL, its form posted back with
//               its hidden fields (page state, CSRF token; the CSRF cookie sent back), --username and the password
//               (INTEROP_PASSWORD), and the redirect read; --login api: what an authorization server does around
//               its own login page, through Grantsmith's Authlete-style API (--api, the service's secret in
//               INTEROP_API_SECRET): /auth/authorization with the URL's query, /auth/authorization/issue with the
//               user as subject, whose LOCATION is the redirect
//   token:      authorizationCodeGrant (state, PKCE verifier, expected nonce, the ID token required and checked:
//               signature from jwks_uri, iss, aud, exp, iat, nonce); at_hash is not checked by the library in the
//               code flow, so the script compares it with the access token's half hash itself
//   userinfo:   fetchUserInfo, expecting the ID token's sub
//   refresh:    refreshTokenGrant, in a later second than the first ID token's iat; the new ID token the library
//               checks again (signature, iss, aud, sub unchanged), its at_hash is compared as above, and the script
//               compares it with the first (OpenID Connect Core §12.2: same iss, sub, aud, auth_time; newer iat)
//   introspect: tokenIntrospection of the newest access token, tokenRevocation of its refresh token (RFC 7009: the
//               grant with it), tokenIntrospection again (inactive)
// Prints {"authorize":…,"token":…,"userinfo":…,"refresh":…,"introspection":…}.
//   node code-flow.mjs --issuer URL --client-id ID --redirect-uri URI --username U --algorithm ALG [--scope S]
//   [--login page|api] [--api URL] (secrets in INTEROP_CLIENT_SECRET, INTEROP_PASSWORD, INTEROP_API_SECRET)
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { describe, print, settings } from './lib/interop.mjs';

const config = settings(['issuer', 'client-id', 'client-secret', 'redirect-uri', 'username', 'algorithm']);
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

/** --login api: what an authorization server does around its own login page. Answers the callback URL. */
async function loginThroughApi() {
  const authorization = await api('/auth/authorization', { parameters: authorizationUrl.search.slice(1) });
  const issued = authorization.ticket === undefined ? {}
    : await api('/auth/authorization/issue', { ticket: authorization.ticket, subject: config.username,
      authTime: Math.floor(Date.now() / 1000) });
  result.authorize = { outcome: issued.action === 'LOCATION' ? 'redirect' : 'refused', action: authorization.action,
    issue: issued.action, detail: issued.resultMessage ?? authorization.resultMessage };
  return issued.action === 'LOCATION' ? new URL(issued.responseContent) : undefined;
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (text) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
const attribute = (tag, name) => {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? unescape(match[1]) : undefined;
};

/**
 * --login page (the default): a browser robot on the built-in login page. GET the authorization URL, keep its
 * cookies, POST the page's form back with every hidden field it holds (page state, CSRF token) and the user's
 * username and password, and read the redirect.
 */
async function loginThroughPage() {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  const cookies = page.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  const html = await page.text();
  const form = html.match(/<form\b[^>]*\bmethod="post"[^>]*>/i)?.[0];
  if (page.status !== 200 || form === undefined) {
    result.authorize = { outcome: 'no-form', status: page.status, location: page.headers.get('location') };
    return undefined;
  }
  const fields = new URLSearchParams();
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    if (attribute(input, 'type') === 'hidden' && attribute(input, 'name') !== undefined) {
      fields.append(attribute(input, 'name'), attribute(input, 'value') ?? '');
    }
  }
  fields.append('username', config.username);
  fields.append('password', config.password);
  const answer = await fetch(new URL(attribute(form, 'action') ?? authorizationUrl.pathname, authorizationUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies },
    body: fields,
  });
  const location = answer.headers.get('location');
  result.authorize = { outcome: location ? 'redirect' : 'no-redirect', status: answer.status,
    hidden_fields: [...new Set(fields.keys())].filter((name) => name !== 'username' && name !== 'password') };
  return location ? new URL(location) : undefined;
}

const callback = config.login === 'api' ? await loginThroughApi() : await loginThroughPage();
if (callback === undefined || callback.searchParams.has('error')) {
  result.authorize.error = callback?.searchParams.get('error');
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
  if (tokens.id_token === undefined) {
    return { outcome: 'token', id_token: false, access_token: typeof tokens.access_token === 'string' };
  }
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
    id_token: true,
  };
}

/**
 * What OpenID Connect Core §12.2 requires of an ID token issued on refresh, compared with the first one: the same
 * iss, sub and aud, auth_time still the time of the original authentication, and a newer iat.
 */
function consistency(first, refreshed) {
  if (refreshed.id_token === undefined) {
    return {};
  }
  const before = first.claims();
  const after = refreshed.claims();
  return {
    same_iss: after.iss === before.iss,
    same_sub: after.sub === before.sub,
    same_aud: JSON.stringify([after.aud].flat().sort()) === JSON.stringify([before.aud].flat().sort()),
    same_auth_time: typeof after.auth_time === 'number' && after.auth_time === before.auth_time,
    iat_newer: after.iat > before.iat,
  };
}

let tokens;
try {
  tokens = await client.authorizationCodeGrant(oidc, callback, {
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
  let latest = tokens;
  try {
    // iat has a resolution of seconds: refresh in a later second than the first ID token's, so that a reissued
    // token's iat can be seen to be newer
    const firstIat = tokens.claims().iat;
    while (Date.now() / 1000 < firstIat + 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const refreshed = await client.refreshTokenGrant(oidc, tokens.refresh_token);
    result.refresh = { ...summarize(refreshed), nonce_matches: undefined, ...consistency(tokens, refreshed) };
    latest = refreshed;
  } catch (err) {
    result.refresh = await describe(err);
  }
  try {
    const before = await client.tokenIntrospection(oidc, latest.access_token);
    await client.tokenRevocation(oidc, latest.refresh_token);
    const after = await client.tokenIntrospection(oidc, latest.access_token);
    result.introspection = { outcome: 'introspection', active: before.active, sub: before.sub,
      client_id: before.client_id, revoked: true, active_after_revocation: after.active };
  } catch (err) {
    result.introspection = await describe(err);
  }
}
print(result);
