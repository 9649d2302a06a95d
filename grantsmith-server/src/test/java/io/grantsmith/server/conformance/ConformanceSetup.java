package io.grantsmith.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The service, clients and checks the conformance plans' tests share. */
final class ConformanceSetup {
    /**
     * A service set up as its operator would for the Basic and Config OP plans: the standard scopes, code and
     * refresh grants, the claims its users have, and the authentication context class its password login stands
     * for.
     */
    static final String SERVICE = ",\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"profile\"},"
            + "{\"name\":\"email\"},{\"name\":\"address\"},{\"name\":\"phone\"},{\"name\":\"offline_access\"}],"
            + "\"supportedGrantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],"
            + "\"supportedAcrs\":[\"urn:grantsmith:acr:password\"],"
            + "\"supportedClaims\":[\"name\",\"given_name\",\"family_name\",\"middle_name\",\"nickname\","
            + "\"preferred_username\",\"profile\",\"picture\",\"website\",\"gender\",\"birthdate\",\"zoneinfo\","
            + "\"locale\",\"updated_at\",\"email\",\"email_verified\",\"address\",\"phone_number\","
            + "\"phone_number_verified\"]";

    /** The claims each scope stands for, as the suite's {@code AbstractVerifyScopesReturnedInClaims} lists them. */
    static final Map<String, List<String>> SCOPE_CLAIMS = Map.of(
            "openid", List.of("sub"),
            "profile", List.of("name", "given_name", "family_name", "middle_name", "nickname", "profile", "picture",
                    "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at", "preferred_username"),
            "email", List.of("email", "email_verified"),
            "address", List.of("address"),
            "phone", List.of("phone_number", "phone_number_verified"));

    private ConformanceSetup() {
    }

    /** A confidential static client (client_secret_basic, also allowed client_secret_post) for the code flow. */
    static String client(String redirectUri) {
        return ",\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"],\"responseTypes\":[\"CODE\"],"
                + "\"redirectUris\":[\"" + redirectUri + "\"]";
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The suite's {@code ValidateUserInfoStandardClaims}: each standard claim present has its standard type. */
    static void assertStandardClaimTypes(JsonNode claims) {
        for (String text : List.of("sub", "name", "given_name", "family_name", "middle_name", "nickname",
                "preferred_username", "profile", "picture", "website", "email", "gender", "birthdate", "zoneinfo",
                "locale", "phone_number")) {
            if (claims.has(text)) {
                assertThat(claims.get(text).isTextual()).as(text).isTrue();
            }
        }
        for (String bool : List.of("email_verified", "phone_number_verified")) {
            if (claims.has(bool)) {
                assertThat(claims.get(bool).isBoolean()).as(bool).isTrue();
            }
        }
        if (claims.has("updated_at")) {
            assertThat(claims.get("updated_at").isIntegralNumber()).isTrue();
        }
        if (claims.has("address")) {
            assertThat(claims.get("address").isObject()).isTrue();
        }
    }

    /** An unsigned request object ({@code alg: none}) holding {@code parameters}, as the suite serializes it. */
    static String unsignedJwt(Map<String, String> parameters, String clientId, String issuer) {
        StringBuilder json = new StringBuilder("{");
        parameters.forEach((name, value) -> json.append(Json.quote(name)).append(':').append(Json.quote(value))
                .append(','));
        json.append("\"iss\":").append(Json.quote(clientId)).append(",\"aud\":").append(Json.quote(issuer))
                .append('}');
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
