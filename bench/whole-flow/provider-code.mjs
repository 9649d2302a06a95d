// node oidc-provider configured for the authorization code flow, for bench/whole-flow.sh: one confidential client
// per ID token algorithm (RS256, ES256; client_secret_basic, PKCE S256, redirect https://client.example/cb), an
// account lookup that knows every id, and a scripted interaction route: /interaction/:uid logs in the account named
// by the `login_hint` parameter and grants the scopes asked for, so that a driver makes one session through it and
// then authorizes silently (prompt=none). In-memory adapter (the default), opaque access tokens, RS256 and ES256 keys.
// Env: PORT (3001), HOST (127.0.0.1), CLIENT_SECRET (bench-secret). Loopback only.
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';

const PORT = Number(process.env.PORT || 3001);
const HOST = process.env.HOST || '127.0.0.1';
const CLIENT_SECRET = process.env.CLIENT_SECRET || 'bench-secret';
const REDIRECT_URI = 'https://client.example/cb';

async function signingKey(alg, kid) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
}

const client = (alg) => ({
  client_id: `code-${alg}`,
  client_secret: CLIENT_SECRET,
  grant_types: ['authorization_code'],
  response_types: ['code'],
  redirect_uris: [REDIRECT_URI],
  token_endpoint_auth_method: 'client_secret_basic',
  id_token_signed_response_alg: alg,
});

const provider = new Provider(`http://${HOST}:${PORT}`, {
  jwks: { keys: [await signingKey('RS256', 'bench-rs256'), await signingKey('ES256', 'bench-es256')] },
  clients: [client('RS256'), client('ES256')],
  cookies: { keys: ['bench-cookie-key-not-a-secret'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, AccessToken: 3600, IdToken: 3600 },
});
provider.proxy = false;
provider.on('server_error', (ctx, err) => console.error('server_error', err));

// The scripted login and consent: what a login page does once a user has signed in and agreed.
provider.use(async (ctx, next) => {
  if (!ctx.path.startsWith('/interaction/')) {
    return next();
  }
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const { prompt, params, session } = details;
  let result;
  if (prompt.name === 'login') {
    result = { login: { accountId: String(params.login_hint || 'alice') } };
  } else if (prompt.name === 'consent') {
    const grant = details.grantId ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes || {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    result = { consent: { grantId: await grant.save() } };
  } else {
    ctx.status = 400;
    ctx.body = `unexpected prompt ${prompt.name}`;
    return undefined;
  }
  return provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
});

provider.listen(PORT, HOST, () => {
  console.log(`oidc-provider (code flow) listening on http://${HOST}:${PORT} pid=${process.pid}`);
});
