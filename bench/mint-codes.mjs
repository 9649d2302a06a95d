// Pre-mints authorization codes for bench/code-flow.sh: each is one /auth/authorization (response_type=code, PKCE
// S256, scope openid, nonce) and one /auth/authorization/issue, as an authorization server would send them after a
// login. Codes are single use, so the redeeming wrk run needs one per request; minting them beforehand keeps its
// cost out of the measured token step. Writes one code per line.
// Usage: node bench/mint-codes.mjs BASE SERVICE_ID API_SECRET CLIENT_ID REDIRECT_URI CHALLENGE COUNT OUT [CONCURRENCY=16: group commit batches the concurrent writes, so more is faster]
import { writeFileSync } from "node:fs";

const [base, service, secret, clientId, redirect, challenge, countArg, out, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg ?? 16);
const headers = { "Content-Type": "application/json", Authorization: `Bearer ${secret}` };
const parameters = new URLSearchParams({
  response_type: "code", client_id: clientId, redirect_uri: redirect, scope: "openid", state: "s", nonce: "n",
  code_challenge: challenge, code_challenge_method: "S256",
}).toString();

async function call(path, body) {
  const response = await fetch(`${base}/api/${service}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  const json = await response.json();
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function mintOne() {
  const authorization = await call("/auth/authorization", { parameters });
  if (authorization.action !== "INTERACTION" && authorization.action !== "NO_INTERACTION") {
    throw new Error(`/auth/authorization: ${JSON.stringify(authorization)}`);
  }
  const issued = await call("/auth/authorization/issue", { ticket: authorization.ticket, subject: "bench-user" });
  if (!issued.authorizationCode) throw new Error(`/auth/authorization/issue: ${JSON.stringify(issued)}`);
  return issued.authorizationCode;
}

const codes = [];
const started = Date.now();
let next = 0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < count) {
    next++;
    codes.push(await mintOne());
  }
}));
writeFileSync(out, codes.join("\n") + "\n");
const seconds = (Date.now() - started) / 1000;
console.log(`minted=${codes.length} seconds=${seconds.toFixed(1)} per_s=${(codes.length / seconds).toFixed(0)}`);
