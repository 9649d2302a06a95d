// The whole authorization code flow with an existing browser session, at a fixed concurrency, for
// bench/whole-flow.sh: log in once (a new session per phase), then per iteration GET the authorization endpoint with
// prompt=none and the session cookie (a redirect with a code), and POST the code with the PKCE verifier to the token
// endpoint (HTTP Basic; the answer must carry an id_token). Loopback only; bounded by time.
//   node drive.mjs --peer grantsmith|oidc-provider --authorize URL --token URL --client-id ID --concurrency N
//        --warmup S --duration S [--server-pid PID]   (the client secret in CLIENT_SECRET, the password in PASSWORD)
// Prints one line per phase: RESULT phase=… iterations=… duration_s=… rps=… errors=… p50_ms=… p99_ms=…
// [server_cpu_s=… server_sys_s=…]
import http from 'node:http';
import { readFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) =>
  (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const REDIRECT_URI = 'https://client.example/cb';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const concurrency = Number(args.concurrency ?? 16);
const authorizeUrl = new URL(args.authorize);
const tokenUrl = new URL(args.token);
for (const url of [authorizeUrl, tokenUrl]) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`not loopback: ${url}`);
}
const basic = `Basic ${Buffer.from(`${encodeURIComponent(args['client-id'])}:${encodeURIComponent(process.env.CLIENT_SECRET)}`).toString('base64')}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * 2 });

/** One request; resolves with status, headers and body text. */
function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/** Cookies by name, as a browser would keep them for one host (paths are ignored: the peers accept extras). */
class Jar {
  cookies = new Map();
  take(response) {
    for (const line of [response.headers['set-cookie'] ?? []].flat()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name); else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function authorizationRequest(prompt) {
  const url = new URL(authorizeUrl);
  const query = { response_type: 'code', client_id: args['client-id'], redirect_uri: REDIRECT_URI, scope: 'openid',
    state: 'bench-state', nonce: 'bench-nonce', code_challenge: CHALLENGE, code_challenge_method: 'S256',
    login_hint: 'alice' };
  if (prompt) query.prompt = prompt;
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (text) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
const attribute = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** Follows redirects (keeping cookies) until one goes to the client's redirect URI; answers its code. */
async function follow(jar, first) {
  let response = first;
  let base = authorizeUrl;
  for (let hop = 0; hop < 12; hop++) {
    jar.take(response);
    const location = response.headers.location;
    if (location === undefined) return { response };
    const next = new URL(location, base);
    if (next.href.startsWith(REDIRECT_URI)) return { code: next.searchParams.get('code'), error: next.searchParams.get('error') };
    base = next;
    response = await request(next, { headers: { cookie: jar.header() } });
  }
  throw new Error('too many redirects');
}

/** Makes a browser session: the peer's login (Grantsmith's login page form; oidc-provider's scripted interaction). */
async function login() {
  const jar = new Jar();
  const url = authorizationRequest();
  let outcome = await follow(jar, await request(url));
  if (args.peer === 'grantsmith' && outcome.response?.status === 200) {
    const html = outcome.response.body;
    const form = html.match(/<form\b[^>]*\bmethod="post"[^>]*>/i)?.[0];
    const fields = new URLSearchParams();
    for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
      const name = attribute(input, 'name');
      if (attribute(input, 'type') === 'hidden' && name !== undefined) fields.append(name, unescape(attribute(input, 'value') ?? ''));
    }
    fields.append('username', 'alice');
    fields.append('password', process.env.PASSWORD);
    const action = new URL(unescape(attribute(form, 'action') ?? url.pathname), url);
    outcome = await follow(jar, await request(action, { method: 'POST', body: fields.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() } }));
  }
  if (!outcome.code) throw new Error(`login made no code: ${JSON.stringify(outcome.error ?? outcome.response?.status)}`);
  await redeem(outcome.code); // the first code too must make tokens
  return jar;
}

async function redeem(code) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI,
    code_verifier: VERIFIER }).toString();
  const response = await request(tokenUrl, { method: 'POST', body, headers: {
    'content-type': 'application/x-www-form-urlencoded', authorization: basic } });
  const answer = response.status === 200 ? JSON.parse(response.body) : {};
  if (!answer.id_token || !answer.access_token) throw new Error(`token ${response.status}: ${response.body.slice(0, 200)}`);
}

/** One silent authorization and its token request. */
async function iteration(cookie) {
  const response = await request(authorizationRequest('none'), { headers: { cookie } });
  const location = response.headers.location ? new URL(response.headers.location, authorizeUrl) : undefined;
  const code = location?.href.startsWith(REDIRECT_URI) ? location.searchParams.get('code') : null;
  if (!code) throw new Error(`authorize ${response.status} ${location?.search ?? response.body.slice(0, 200)}`);
  await redeem(code);
}

function cpu() {
  if (!args['server-pid']) return undefined;
  const fields = readFileSync(`/proc/${args['server-pid']}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]), sys: Number(fields[12]) }; // utime, stime in clock ticks (100/s here)
}

async function phase(name, seconds) {
  const jar = await login(); // a new session per phase: oidc-provider's grant index grows with its tokens
  const cookie = jar.header();
  const latencies = [];
  let errors = 0;
  let firstError;
  const cpu0 = cpu();
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await iteration(cookie);
        latencies.push(performance.now() - t0);
      } catch (e) {
        errors++;
        firstError ??= e.message;
      }
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  const cpu1 = cpu();
  latencies.sort((a, b) => a - b);
  const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN);
  let line = `RESULT phase=${name} iterations=${latencies.length} duration_s=${elapsed.toFixed(2)} `
    + `rps=${(latencies.length / elapsed).toFixed(1)} errors=${errors} p50_ms=${at(0.5).toFixed(2)} p99_ms=${at(0.99).toFixed(2)}`;
  if (cpu0) line += ` server_cpu_s=${((cpu1.user - cpu0.user + cpu1.sys - cpu0.sys) / 100).toFixed(2)} server_sys_s=${((cpu1.sys - cpu0.sys) / 100).toFixed(2)}`;
  console.log(line);
  if (firstError) console.log(`# first error: ${firstError}`);
}

await phase('warmup', Number(args.warmup ?? 10));
await phase('measured', Number(args.duration ?? 10));
agent.destroy();
