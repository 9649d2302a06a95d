// What every interop script shares: its settings, the hand-built authorization server metadata, and one JSON
// line describing what the library made of each exchange. Nothing here looks at the HTTP response itself: the
// point is what the client library accepts, rejects and surfaces.
import { parseArgs } from 'node:util';
import * as oauth from 'oauth4webapi';

const NAMES = ['token-endpoint', 'issuer', 'api', 'api-secret', 'algorithm', 'client-id', 'client-secret',
  'redirect-uri', 'login', 'auth', 'scope', 'username', 'password'];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The settings: `--name value` on the command line, else the environment variable INTEROP_NAME (secrets and
 * passwords are best passed there, out of process listings). `required` names must be present.
 */
export function settings(required) {
  const { values } = parseArgs({
    options: Object.fromEntries(NAMES.map((name) => [name, { type: 'string' }])),
    strict: true,
  });
  const result = {};
  for (const name of NAMES) {
    const value = values[name] ?? process.env[`INTEROP_${name.toUpperCase().replaceAll('-', '_')}`];
    if (value !== undefined && value !== '') {
      result[name] = value;
    }
  }
  const missing = required.filter((name) => result[name] === undefined);
  if (missing.length) {
    usage(`missing ${missing.map((name) => `--${name}`).join(', ')}`);
  }
  // Plain HTTP is allowed below (allowInsecureRequests), so only ever talk to this machine.
  for (const name of ['token-endpoint', 'issuer', 'api']) {
    if (result[name] !== undefined) {
      const url = new URL(result[name]);
      if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
        usage(`--${name} must be http:// on a loopback address, not ${url.origin}`);
      }
    }
  }
  return result;
}

function usage(message) {
  process.stderr.write(`${message}\nsettings: ${NAMES.map((name) => `--${name}`).join(' ')} `
    + '(or INTEROP_TOKEN_ENDPOINT, INTEROP_CLIENT_ID, ...)\n');
  process.exit(2);
}

/** Authorization server metadata built by hand: no discovery, just the token endpoint. */
export function authorizationServer(tokenEndpoint) {
  return { issuer: tokenEndpoint.replace(/\/token$/, ''), token_endpoint: tokenEndpoint };
}

/** oauth4webapi's client authentication for `--auth basic|post|none`. */
export function clientAuthentication(config) {
  const auth = config.auth ?? 'basic';
  if (auth !== 'none' && config['client-secret'] === undefined) {
    usage(`--auth ${auth} needs --client-secret`);
  }
  switch (auth) {
    case 'basic':
      return oauth.ClientSecretBasic(config['client-secret']);
    case 'post':
      return oauth.ClientSecretPost(config['client-secret']);
    case 'none':
      return oauth.None();
    default:
      return usage(`--auth must be basic, post or none, not ${auth}`);
  }
}

/** Request options for plain HTTP on loopback. */
export const INSECURE = { [oauth.allowInsecureRequests]: true };

/**
 * Runs one exchange (request and the library's processing of its response) and describes the outcome:
 * - `token`: the library accepted a token response (what it returned, tokens themselves left out);
 * - `error`: the library surfaced an OAuth error body (ResponseBodyError);
 * - `challenge`: the library surfaced a WWW-Authenticate challenge (WWWAuthenticateChallengeError);
 * - `rejected`: the library refused the response as non-conforming: the server broke the protocol;
 * - `failed`: anything else (the server could not be reached, say).
 * `value` is the token response when there is one (for scripts that go on with its refresh token).
 */
export async function attempt(exchange) {
  try {
    const token = await exchange();
    return { value: token, outcome: summarize(token) };
  } catch (err) {
    return { value: undefined, outcome: await describe(err) };
  }
}

function summarize(token) {
  const outcome = {
    outcome: 'token',
    token_type: token.token_type,
    expires_in: token.expires_in,
    access_token: typeof token.access_token === 'string' && token.access_token.length > 0,
    refresh_token: typeof token.refresh_token === 'string' && token.refresh_token.length > 0,
  };
  if (token.scope !== undefined) {
    outcome.scope = token.scope;
  }
  return outcome;
}

/** What the library made of a failed exchange: an OAuth error, a challenge, a refusal or another failure. */
export async function describe(err) {
  if (err instanceof oauth.ResponseBodyError) {
    return { outcome: 'error', status: err.status, error: err.error, error_description: err.error_description };
  }
  if (err instanceof oauth.WWWAuthenticateChallengeError) {
    // The library stops at the challenge and leaves the body unread; read it for the error code.
    let body;
    try {
      body = await err.response.json();
    } catch {
      body = {};
    }
    return {
      outcome: 'challenge',
      status: err.status,
      challenges: err.cause.map(({ scheme, parameters }) => ({ scheme, ...parameters })),
      error: body.error,
    };
  }
  // oauth4webapi's refusals, and openid-client's wrapping of them
  if (err instanceof oauth.OperationProcessingError || err instanceof oauth.UnsupportedOperationError
    || err?.name === 'ClientError') {
    return { outcome: 'rejected', name: err.name, code: err.code, message: err.message };
  }
  return { outcome: 'failed', name: err?.name, message: err?.message, cause: err?.cause?.message };
}

/** The script's answer: one JSON line on stdout. */
export function print(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
