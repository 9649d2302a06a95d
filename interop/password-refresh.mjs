// The password grant, then refresh_token, with oauth4webapi:
//   password:   genericTokenEndpointRequest + processGenericTokenEndpointResponse
//   refresh:    refreshTokenGrantRequest + processRefreshTokenResponse with the password grant's refresh token
//   replay:     the same refresh again with the password grant's (by now rotated-away) refresh token
//   afterReplay: a refresh with the token `refresh` returned
// Prints {"password":…,"refresh":…,"rotated":bool,"replay":…,"afterReplay":…}; stops at the first step
// that gives no refresh token.
//   node password-refresh.mjs --token-endpoint URL --client-id ID --username U [--auth …] [--scope S]
//   (the client secret in INTEROP_CLIENT_SECRET, the password in INTEROP_PASSWORD)
import * as oauth from 'oauth4webapi';
import { attempt, authorizationServer, clientAuthentication, INSECURE, print, settings } from './lib/interop.mjs';

const config = settings(['token-endpoint', 'client-id', 'username', 'password']);
const as = authorizationServer(config['token-endpoint']);
const client = { client_id: config['client-id'] };
const auth = clientAuthentication(config);
const result = {};

function refresh(refreshToken) {
  return attempt(async () => {
    const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, INSECURE);
    return oauth.processRefreshTokenResponse(as, client, response);
  });
}

const password = await attempt(async () => {
  const parameters = { username: config.username, password: config.password };
  if (config.scope !== undefined) {
    parameters.scope = config.scope;
  }
  const response = await oauth.genericTokenEndpointRequest(as, client, auth, 'password', parameters, INSECURE);
  return oauth.processGenericTokenEndpointResponse(as, client, response);
});
result.password = password.outcome;

if (password.value?.refresh_token) {
  const first = password.value.refresh_token;
  const renewed = await refresh(first);
  result.refresh = renewed.outcome;
  if (renewed.value?.refresh_token) {
    result.rotated = renewed.value.refresh_token !== first;
    result.replay = (await refresh(first)).outcome;
    result.afterReplay = (await refresh(renewed.value.refresh_token)).outcome;
  }
}
print(result);
