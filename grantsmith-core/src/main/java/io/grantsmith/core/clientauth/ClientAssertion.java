package io.grantsmith.core.clientauth;

import java.util.Objects;

/**
 * A client assertion presented in the body (RFC 7521 §4.2), for {@code client_secret_jwt} and
 * {@code private_key_jwt} (RFC 7523 §2.2). Carried as presented: whoever authenticates with it checks it.
 *
 * @param value the {@code client_assertion} parameter, never empty
 * @param type  the {@code client_assertion_type} parameter, or null when absent
 */
public record ClientAssertion(String value, String type) {
    /** The {@code client_assertion_type} of a JWT assertion (RFC 7523 §2.2). */
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public ClientAssertion {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty client_assertion counts as absent");
        }
    }

    /** The assertion is a credential: logs and error reports show its type only. */
    @Override
    public String toString() {
        return "ClientAssertion[type=" + type + "]";
    }
}
