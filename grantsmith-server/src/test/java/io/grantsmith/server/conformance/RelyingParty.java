package io.grantsmith.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpTarget;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.net.URI;
import java.security.Key;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The conformance suite's side of a module for one static client: it builds authorization URLs as the suite's
 * {@code CreateAuthorizationEndpointRequestFromClientInformation} does (response type, client, redirect URI,
 * scope, random state and nonce), reads the callback, calls the token and userinfo endpoints, and checks each ID
 * token as {@code PerformStandardIdTokenChecks} does: signature by the {@code kid} found in {@code jwks_uri},
 * {@code iss}, {@code aud}, {@code exp}, {@code iat}, {@code sub}, and the {@code nonce} that was sent.
 */
final class RelyingParty {
    /** For {@link #idToken}: do not check the nonce (an ID token from a refresh). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String ANY_NONCE = new String("any nonce");

    final HttpFixture server;
    final String issuer;
    final ClientRef client;
    final String redirectUri;
    final JsonNode discovery;
    private final String path;

    RelyingParty(HttpFixture server, long serviceId, ClientRef client, String redirectUri) {
        this.server = server;
        this.path = "/as/" + serviceId;
        this.issuer = server.baseUrl() + path;
        this.client = client;
        this.redirectUri = redirectUri;
        Reply configuration = server.get(path + "/.well-known/openid-configuration").send();
        assertThat(configuration.status()).as(configuration.body()).isEqualTo(200);
        this.discovery = configuration.json();
    }

    /** An authorization request's parameters: the suite's defaults, then {@code extra} (null values remove). */
    Map<String, String> request(String state, String nonce, String... extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", client.id());
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", "openid");
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        parameters.put("response_type", "code");
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                parameters.remove(extra[i]);
            } else {
                parameters.put(extra[i], extra[i + 1]);
            }
        }
        return parameters;
    }

    String authorizationUrl(Map<String, String> parameters) {
        return discovery.path("authorization_endpoint").asText() + "?" + form(parameters);
    }

    static String form(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        for (Entry<String, String> parameter : parameters.entrySet()) {
            query.append(query.length() == 0 ? "" : "&").append(Browser.encode(parameter.getKey())).append('=')
                    .append(Browser.encode(parameter.getValue()));
        }
        return query.toString();
    }

    /** The parameters of the redirect back to the client: a 302 to the registered redirect URI. */
    Map<String, String> callback(Browser.Page page) {
        assertThat(page.status()).as("a redirect back to the client, not: %s", page.body()).isEqualTo(302);
        assertThat(page.location()).startsWith(redirectUri + "?");
        return query(URI.create(page.location()).getRawQuery());
    }

    static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = Browser.decode(equals < 0 ? pair : pair.substring(0, equals));
            assertThat(parameters).as("parameter %s repeated", name).doesNotContainKey(name);
            parameters.put(name, equals < 0 ? "" : Browser.decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    /** A successful callback: {@code code}, the same {@code state}, and {@code iss} (RFC 9207) equal to the issuer. */
    String code(Map<String, String> callback, String state) {
        assertThat(callback).as("%s", callback).doesNotContainKey("error").containsKey("code")
                .containsEntry("state", state);
        assertThat(callback.get("iss")).isEqualTo(issuer);
        return callback.get("code");
    }

    /** An error callback: the error, the same {@code state}, {@code iss}, and nothing the suite warns about. */
    String error(Map<String, String> callback, String state) {
        assertThat(callback).as("%s", callback).containsKey("error").doesNotContainKey("code")
                .containsEntry("state", state).containsEntry("iss", issuer);
        assertThat(callback.keySet()).as("CheckForUnexpectedParametersInErrorResponseFromAuthorizationEndpoint")
                .isSubsetOf("error", "error_description", "error_uri", "state", "session_state", "iss");
        String description = callback.getOrDefault("error_description", "");
        assertThat(description).as("RFC 6749 §4.1.2.1 error_description characters")
                .matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*");
        return callback.get("error");
    }

    /** {@code POST /token} with {@code client_secret_basic} (or {@code client_secret_post}). */
    Reply token(String form, boolean secretPost) {
        HttpTarget.Call call = server.post(URI.create(discovery.path("token_endpoint").asText()).getPath());
        if (secretPost) {
            return call.form(form + "&client_id=" + Browser.encode(client.id()) + "&client_secret="
                    + Browser.encode(client.secret())).send();
        }
        return call.basic(Browser.encode(client.id()), Browser.encode(client.secret())).form(form).send();
    }

    /** The code exchange as the suite checks it: 200 JSON, no-store, Bearer, an access token and an ID token. */
    JsonNode exchange(String code, boolean secretPost) {
        Reply reply = token("grant_type=authorization_code&code=" + Browser.encode(code) + "&redirect_uri="
                + Browser.encode(redirectUri), secretPost);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        // CheckTokenEndpointCacheHeaders
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Pragma")).isIn(null, "no-cache");
        JsonNode tokens = reply.json();
        assertThat(tokens.path("token_type").asText()).isEqualToIgnoringCase("Bearer");
        assertThat(tokens.path("access_token").asText()).isNotEmpty().matches("[\\x20-\\x7E]+");
        assertThat(tokens.path("expires_in").isIntegralNumber()).isTrue();
        assertThat(tokens.path("id_token").isTextual()).as("an ID token: %s", tokens).isTrue();
        return tokens;
    }

    /** The checked claims of an ID token (see the class comment); {@code nonce} null when none was sent. */
    JsonNode idToken(String idToken, String nonce, long now) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            String kid = jwt.getHeader().getKeyID();
            assertThat(kid).as("ValidateIdTokenSignatureUsingKid: a kid in the header").isNotNull();
            assertThat(discovery.path("id_token_signing_alg_values_supported").toString())
                    .contains('"' + jwt.getHeader().getAlgorithm().getName() + '"');
            Reply keys = server.get(URI.create(discovery.path("jwks_uri").asText()).getPath()).send();
            JWK key = JWKSet.parse(keys.body()).getKeyByKeyId(kid);
            assertThat(key).as("the kid %s is in jwks_uri", kid).isNotNull();
            assertThat(key.isPrivate()).as("EnsureServerJwksDoesNotContainPrivateOrSymmetricKeys").isFalse();
            Key publicKey = key.getKeyType().getValue().equals("OKP") ? null
                    : key.getKeyType().getValue().equals("RSA") ? key.toRSAKey().toPublicKey()
                    : key.toECKey().toPublicKey();
            JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
            assertThat(jwt.verify(verifier)).as("ValidateIdTokenSignature").isTrue();
            JsonNode claims = Json.parse(jwt.getPayload().toString());
            assertThat(claims.path("iss").asText()).isEqualTo(issuer);
            JsonNode aud = claims.path("aud");
            assertThat(aud.isArray() ? aud.toString() : aud.asText()).contains(client.id());
            if (aud.isArray() && aud.size() > 1) {
                assertThat(claims.path("azp").asText()).isEqualTo(client.id());
            }
            assertThat(claims.path("sub").isTextual()).isTrue();
            assertThat(claims.path("iat").asLong()).isBetween(now - 300, now + 300);
            assertThat(claims.path("exp").asLong()).isGreaterThan(now);
            if (nonce == ANY_NONCE) {
                // a refreshed ID token: OpenID Connect Core §12.2 leaves its nonce to the provider
            } else if (nonce == null) {
                assertThat(claims.has("nonce")).as("no nonce when none was sent").isFalse();
            } else {
                assertThat(claims.path("nonce").asText()).isEqualTo(nonce);
            }
            if (claims.has("auth_time")) {
                assertThat(claims.path("auth_time").isIntegralNumber()).isTrue();
            }
            return claims;
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError("the ID token does not parse or verify: " + idToken, e);
        }
    }

    Reply userInfoGet(String accessToken) {
        return server.get(userInfoPath()).bearer(accessToken).send();
    }

    Reply userInfoPostHeader(String accessToken) {
        return server.post(userInfoPath()).bearer(accessToken).form("").send();
    }

    Reply userInfoPostBody(String accessToken) {
        return server.post(userInfoPath()).form("access_token=" + Browser.encode(accessToken)).send();
    }

    private String userInfoPath() {
        return URI.create(discovery.path("userinfo_endpoint").asText()).getPath();
    }
}
