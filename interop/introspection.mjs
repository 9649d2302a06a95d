// Introspection (RFC 7662) and revocation (RFC 7009) as oauth4webapi does them, on tokens of the password grant:
//   discovery:  discoveryRequest + processDiscoveryResponse (introspection_endpoint, revocation_endpoint)
//   token:      genericTokenEndpointRequest('password') + processGenericTokenEndpointResponse
//   introspect: introspectionRequest + processIntrospectionResponse, of the access token
//   revoke:     revocationRequest + processRevocationResponse, of the refresh token (its whole grant)
//   after:      introspection of the access token and the refresh token once the grant is revoked
//   unknown:    introspection of a token the server never issued
// Prints {"token":…,"introspect":{"outcome":"introspection",…},"revoke":{"outcome":"revoked"},"after":…,…}.
//   node introspection.mjs --issuer URL --client-id ID --username U [--scope S] [--auth basic|post]
//   (the client secret in INTEROP_CLIENT_SECRET, the password in INTEROP_PASSWORD)
import * as oauth from 'oauth4webapi';
import { attempt, clientAuthentication, describe, INSECURE, print, settings } from './lib/interop.mjs';

const config = settings(['issuer', 'client-id', 'username', 'password']);
const issuer = new URL(config.issuer);
const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, INSECURE));
const client = { client_id: config['client-id'] };
const auth = clientAuthentication(config);

async function introspect(token, hint) {
  try {
    const options = hint === undefined ? INSECURE : { ...INSECURE, additionalParameters: { token_type_hint: hint } };
    const response = await oauth.introspectionRequest(as, client, auth, token, options);
    const body = await oauth.processIntrospectionResponse(as, client, response);
    const { active, client_id, sub, scope, token_type, exp, iat, iss } = body;
    return { outcome: 'introspection', active, client_id, sub, scope, token_type,
      exp: typeof exp === 'number', iat: typeof iat === 'number', iss };
  } catch (err) {
    return describe(err);
  }
}

async function revoke(token, hint) {
  try {
    const options = { ...INSECURE, additionalParameters: { token_type_hint: hint } };
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, token, options));
    return { outcome: 'revoked' };
  } catch (err) {
    return describe(err);
  }
}

const result = {
  endpoints: { introspection: as.introspection_endpoint, revocation: as.revocation_endpoint },
};
const token = await attempt(async () => {
  const parameters = { username: config.username, password: config.password, scope: config.scope ?? 'openid' };
  const response = await oauth.genericTokenEndpointRequest(as, client, auth, 'password', parameters, INSECURE);
  return oauth.processGenericTokenEndpointResponse(as, client, response);
});
result.token = token.outcome;
if (token.value?.access_token && token.value?.refresh_token) {
  result.introspect = await introspect(token.value.access_token);
  result.revoke = await revoke(token.value.refresh_token, 'refresh_token');
  result.after = {
    access: await introspect(token.value.access_token, 'access_token'),
    refresh: await introspect(token.value.refresh_token, 'refresh_token'),
  };
}
result.unknown = await introspect('a-token-this-server-never-issued');
result.revokeUnknown = await revoke('a-token-this-server-never-issued', 'access_token');
print(result);
