package io.grantsmith.facade.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.authorization.ScopeClaims;
import io.grantsmith.core.spi.MalformedJsonException;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.JacksonJsonReader;
import io.grantsmith.facade.json.WireJson;
import java.util.Map;
import java.util.Set;

/**
 * The claims of a built-in user, checked before they are stored: a JSON object whose standard claims (OpenID
 * Connect Core §5.1) have their standard types, so that an ID token or userinfo response never carries, say,
 * {@code "email_verified": "yes"} that a relying party would reject. Other claims may hold any JSON value. A
 * claim may carry a language tag ({@code name#ja-Kana-JP}, §5.2) and then has its base claim's type. Claims the
 * server sets itself ({@code sub}, {@code iss}, {@code aud}, ...) are refused: {@code sub} is the user's subject.
 */
public final class UserClaims {
    /** Far more than a person's profile takes; the claims go into every ID token that asks for them. */
    public static final int MAX_LENGTH = 16_384;

    private static final Set<String> STRINGS = Set.of("name", "given_name", "family_name", "middle_name", "nickname",
            "preferred_username", "profile", "picture", "website", "email", "gender", "birthdate", "zoneinfo",
            "locale", "phone_number");
    private static final Set<String> BOOLEANS = Set.of("email_verified", "phone_number_verified");
    private static final Set<String> ADDRESS_MEMBERS = Set.of("formatted", "street_address", "locality", "region",
            "postal_code", "country");
    private static final JacksonJsonReader READER = new JacksonJsonReader();

    private UserClaims() {
    }

    /**
     * The claims as compact JSON text, ready to store.
     *
     * @throws ApiFailure {@code A192203} naming the claim that is wrong, or when {@code claims} is not an object
     */
    public static String checked(JsonNode claims) {
        if (claims == null || claims.isNull()) {
            return io.grantsmith.registry.StoredUser.NO_CLAIMS;
        }
        if (!(claims instanceof ObjectNode object)) {
            throw invalid("The user's claims must be a JSON object.");
        }
        for (Map.Entry<String, JsonNode> claim : object.properties()) {
            check(claim.getKey(), claim.getValue());
        }
        String text;
        try {
            text = WireJson.mapper().writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("The user's claims are longer than " + MAX_LENGTH + " characters.");
        }
        return text;
    }

    /** Parses claims as they were stored (checked then) into plain values for ID tokens and userinfo. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String stored) {
        try {
            return READER.parse(stored) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (MalformedJsonException e) {
            return Map.of(); // written by this class, so never; a hand-edited row must not break token issuance
        }
    }

    private static void check(String name, JsonNode value) {
        int hash = name.indexOf('#');
        String base = hash < 0 ? name : name.substring(0, hash);
        if (base.isEmpty() || name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("A claim name must not be empty or hold control characters.");
        }
        if (ScopeClaims.SET_BY_SERVER.contains(base)) {
            throw invalid("The claim '" + base + "' is set by the server and cannot be given to a user.");
        }
        if (value.isNull()) {
            throw invalid("The claim '" + name + "' is null: leave it out instead.");
        }
        if (STRINGS.contains(base) && !value.isTextual()) {
            throw invalid("The claim '" + name + "' must be a string.");
        }
        if (BOOLEANS.contains(base) && !value.isBoolean()) {
            throw invalid("The claim '" + name + "' must be true or false.");
        }
        if (base.equals("updated_at") && !(value.isIntegralNumber() && value.canConvertToLong()
                && value.longValue() >= 0)) {
            throw invalid("The claim 'updated_at' must be a number of seconds since 1970-01-01T00:00:00Z.");
        }
        if (base.equals("address")) {
            checkAddress(name, value);
        }
    }

    private static void checkAddress(String name, JsonNode value) {
        if (!value.isObject()) {
            throw invalid("The claim '" + name + "' must be a JSON object (OpenID Connect Core §5.1.1).");
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (ADDRESS_MEMBERS.contains(member.getKey()) && !member.getValue().isTextual()) {
                throw invalid("The member '" + member.getKey() + "' of the claim '" + name + "' must be a string.");
            }
        }
    }

    private static ApiFailure invalid(String message) {
        return new ApiFailure(ApiResultCode.INVALID_VALUE, message);
    }
}
