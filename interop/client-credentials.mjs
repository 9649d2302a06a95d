// client_credentials with oauth4webapi: clientCredentialsGrantRequest + processClientCredentialsResponse.
//   node client-credentials.mjs --token-endpoint URL --client-id ID [--auth basic|post|none] [--scope S]
//   (the secret in INTEROP_CLIENT_SECRET or --client-secret)
import * as oauth from 'oauth4webapi';
import { attempt, authorizationServer, clientAuthentication, INSECURE, print, settings } from './lib/interop.mjs';

const config = settings(['token-endpoint', 'client-id']);
const as = authorizationServer(config['token-endpoint']);
const client = { client_id: config['client-id'] };
const parameters = config.scope === undefined ? {} : { scope: config.scope };

const { outcome } = await attempt(async () => {
  const response = await oauth.clientCredentialsGrantRequest(as, client, clientAuthentication(config), parameters,
    INSECURE);
  return oauth.processClientCredentialsResponse(as, client, response);
});
print(outcome);
