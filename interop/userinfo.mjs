// Userinfo as oauth4webapi does it, on a token of the password grant:
//   discovery:  discoveryRequest + processDiscoveryResponse (the userinfo endpoint and its signing algorithms)
//   token:      genericTokenEndpointRequest('password') + processGenericTokenEndpointResponse
//   userinfo:   userInfoRequest (GET, Bearer) + processUserInfoResponse, expecting `sub` to be the username;
//               with --algorithm ALG the client registered userinfo_signed_response_alg ALG and the library
//               insists on a JWT response
//   unknown:    userInfoRequest with a token the server never issued
// Prints {"token":…,"userinfo":{"outcome":"userinfo","claims":{…}}|…,"unknown":…}.
//   node userinfo.mjs --issuer URL --client-id ID --username U [--scope S] [--algorithm ALG]
//   (the client secret in INTEROP_CLIENT_SECRET, the password in INTEROP_PASSWORD)
import * as oauth from 'oauth4webapi';
import { attempt, clientAuthentication, describe, INSECURE, print, settings } from './lib/interop.mjs';

const config = settings(['issuer', 'client-id', 'username', 'password']);
const issuer = new URL(config.issuer);
const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, INSECURE));
const client = { client_id: config['client-id'] };
if (config.algorithm !== undefined) {
  client.userinfo_signed_response_alg = config.algorithm;
}
const auth = clientAuthentication(config);

async function userinfo(accessToken) {
  try {
    const response = await oauth.userInfoRequest(as, client, accessToken, INSECURE);
    return { outcome: 'userinfo', claims: await oauth.processUserInfoResponse(as, client, config.username, response) };
  } catch (err) {
    return describe(err);
  }
}

const result = {};
const token = await attempt(async () => {
  const parameters = { username: config.username, password: config.password, scope: config.scope ?? 'openid' };
  const response = await oauth.genericTokenEndpointRequest(as, client, auth, 'password', parameters, INSECURE);
  return oauth.processGenericTokenEndpointResponse(as, client, response);
});
result.token = token.outcome;
if (token.value?.access_token) {
  result.userinfo = await userinfo(token.value.access_token);
}
result.unknown = await userinfo('a-token-this-server-never-issued');
print(result);
