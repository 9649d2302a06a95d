// client_credentials with openid-client: a Configuration built from hand-made metadata and the client secret
// (so openid-client picks its default client authentication, client_secret_post), then clientCredentialsGrant.
// Besides the token it reports openid-client's expiresIn() helper.
//   node openid-client.mjs --token-endpoint URL --client-id ID [--scope S]   (secret in INTEROP_CLIENT_SECRET)
import * as client from 'openid-client';
import { attempt, authorizationServer, print, settings } from './lib/interop.mjs';

const config = settings(['token-endpoint', 'client-id', 'client-secret']);
const configuration = new client.Configuration(authorizationServer(config['token-endpoint']), config['client-id'],
  config['client-secret']);
client.allowInsecureRequests(configuration);
const parameters = config.scope === undefined ? {} : { scope: config.scope };

const { value, outcome } = await attempt(() => client.clientCredentialsGrant(configuration, parameters));
if (value !== undefined) {
  outcome.expires_in_helper = value.expiresIn();
}
print(outcome);
