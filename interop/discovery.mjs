// Discovery as strict clients do it: oauth4webapi's discoveryRequest + processDiscoveryResponse, which insists that
// the document's issuer is exactly the issuer asked for, and openid-client's discovery(), which checks the same and
// builds a Configuration from the document. --algorithm oidc (default) fetches <issuer>/.well-known/openid-configuration,
// oauth2 the RFC 8414 URL /.well-known/oauth-authorization-server/<issuer path>.
//   node discovery.mjs --issuer URL [--algorithm oidc|oauth2]
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { describe, INSECURE, print, settings } from './lib/interop.mjs';

const config = settings(['issuer']);
const issuer = new URL(config.issuer);
const algorithm = config.algorithm ?? 'oidc';

/** The members the tests look at; `outcome` is `metadata` when the library accepted the document. */
function summarize(metadata) {
  return {
    outcome: 'metadata',
    issuer: metadata.issuer,
    authorization_endpoint: metadata.authorization_endpoint,
    token_endpoint: metadata.token_endpoint,
    jwks_uri: metadata.jwks_uri,
    id_token_signing_alg_values_supported: metadata.id_token_signing_alg_values_supported,
    code_challenge_methods_supported: metadata.code_challenge_methods_supported,
  };
}

async function attempt(discover) {
  try {
    return await discover();
  } catch (err) {
    return describe(err);
  }
}

const result = {
  oauth4webapi: await attempt(async () => {
    const response = await oauth.discoveryRequest(issuer, { algorithm, ...INSECURE });
    return summarize(await oauth.processDiscoveryResponse(issuer, response));
  }),
  openidClient: await attempt(async () => {
    const configuration = await client.discovery(issuer, 'discovery-check', undefined, undefined,
      { algorithm, execute: [client.allowInsecureRequests] });
    const metadata = configuration.serverMetadata();
    return { ...summarize(metadata), supportsPKCE: metadata.supportsPKCE() };
  }),
};
print(result);
