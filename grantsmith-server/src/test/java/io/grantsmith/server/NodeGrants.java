package io.grantsmith.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture.ClientRef;

/**
 * One service and one confidential client created through a node's API, and the token requests the multi-node tests
 * send for them to any node: password grants through the Authlete API (the caller verifies the password, so no
 * Argon2 slows the test), refreshes, code redemptions, client credentials and introspection at {@code /as}.
 */
public record NodeGrants(long serviceId, String apiSecret, ClientRef client) {
    public static final String REDIRECT = "https://client.example/cb";
    /** RFC 7636 appendix B's verifier and its S256 challenge. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** A service (idempotent refresh as asked) and a client allowed every grant, created through {@code http}. */
    public static NodeGrants create(HttpTarget http, boolean refreshTokenIdempotent) {
        JsonNode service = http.post("/api/service/create").bearer(ServerNodes.ADMIN_TOKEN)
                .json("{\"serviceName\":\"nodes\",\"supportedScopes\":[{\"name\":\"read\",\"defaultEntry\":true}],"
                        + "\"refreshTokenIdempotent\":" + refreshTokenIdempotent + "}")
                .send().assertJson(200).json();
        long serviceId = service.get("apiKey").asLong();
        String apiSecret = service.get("apiSecret").asText();
        JsonNode client = http.post("/api/" + serviceId + "/client/create").bearer(apiSecret)
                .json("{\"grantTypes\":[\"AUTHORIZATION_CODE\",\"CLIENT_CREDENTIALS\",\"PASSWORD\",\"REFRESH_TOKEN\"],"
                        + "\"redirectUris\":[\"" + REDIRECT + "\"]}")
                .send().assertJson(200).json();
        return new NodeGrants(serviceId, apiSecret,
                new ClientRef(client.get("clientId").asText(), client.get("clientSecret").asText()));
    }

    /** {@code /auth/token} with {@code grant_type=password}: the ticket. */
    public String passwordTicket(HttpTarget http) {
        return http.post(api("/auth/token")).bearer(apiSecret)
                .json(HttpFixture.tokenRequest("grant_type=password&username=u&password=p", client, ""))
                .send().assertAction("PASSWORD", "A051001").text("ticket");
    }

    /** {@code /auth/token/issue} for the ticket, as the caller does once it has verified the password. */
    public Reply issue(HttpTarget http, String ticket) {
        return http.post(api("/auth/token/issue")).bearer(apiSecret)
                .json("{\"ticket\":" + Json.quote(ticket) + ",\"subject\":\"u\"}").send();
    }

    /** A password grant's tokens ({@code accessToken}, {@code refreshToken}) through {@code http}. */
    public JsonNode passwordTokens(HttpTarget http) {
        return issue(http, passwordTicket(http)).assertAction("OK", "A054001").json();
    }

    /** An authorization code for user {@code alice}, through the API's authorization and issue calls. */
    public String authorizationCode(HttpTarget http) {
        String parameters = "response_type=code&client_id=" + client.id() + "&redirect_uri=" + REDIRECT
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
        String ticket = http.post(api("/auth/authorization")).bearer(apiSecret)
                .json("{\"parameters\":" + Json.quote(parameters) + "}").send()
                .assertAction("INTERACTION", "A004001").text("ticket");
        return http.post(api("/auth/authorization/issue")).bearer(apiSecret)
                .json("{\"ticket\":" + Json.quote(ticket) + ",\"subject\":\"alice\"}").send()
                .assertAction("LOCATION", "A040001").text("authorizationCode");
    }

    public Reply redeem(HttpTarget http, String code) {
        return token(http, "grant_type=authorization_code&code=" + code + "&redirect_uri=" + REDIRECT
                + "&code_verifier=" + VERIFIER);
    }

    public Reply refresh(HttpTarget http, String refreshToken) {
        return token(http, "grant_type=refresh_token&refresh_token=" + refreshToken);
    }

    public Reply clientCredentials(HttpTarget http) {
        return token(http, "grant_type=client_credentials");
    }

    /** RFC 7662 at {@code /as/{id}/introspect}: whether the token (access or refresh) is active. */
    public boolean isActive(HttpTarget http, String token) {
        return http.post("/as/" + serviceId + "/introspect").basic(client.id(), client.secret())
                .form("token=" + token).send().assertJson(200).json().get("active").asBoolean();
    }

    private Reply token(HttpTarget http, String form) {
        return http.post("/as/" + serviceId + "/token").basic(client.id(), client.secret()).form(form).send();
    }

    private String api(String path) {
        return "/api/" + serviceId + path;
    }
}
