package io.grantsmith.core.authorization;

import java.util.List;

/**
 * How one claim is requested in the {@code claims} parameter (OpenID Connect Core §5.5.1): {@code null} in the
 * request (a voluntary claim with no constraint) or an object with {@code essential}, {@code value} and
 * {@code values}. Values are JSON values as {@link io.grantsmith.core.spi.JsonReader} reads them, immutable.
 *
 * @param essential whether the client marked the claim essential
 * @param value     the value the claim is requested to have, or null
 * @param values    the values the claim is requested to have one of; empty when not given
 */
public record ClaimRequest(boolean essential, Object value, List<Object> values) {
    /** A claim requested as {@code null}: voluntary, no value constraint. */
    public static final ClaimRequest VOLUNTARY = new ClaimRequest(false, null, List.of());

    public ClaimRequest {
        values = JsonValues.immutableList(values);
        value = JsonValues.immutable(value);
    }

    /** The requested values: {@code values}, else {@code value} alone, else none. */
    public List<Object> requestedValues() {
        if (!values.isEmpty()) {
            return values;
        }
        return value == null ? List.of() : List.of(value);
    }
}
