package io.grantsmith.core.authorization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code claims} parameter of an authorization request (OpenID Connect Core §5.5), parsed: the claims asked
 * for in the ID token and at the userinfo endpoint, by name (names may carry a language tag:
 * {@code name#ja-Kana-JP}), in request order. Other members of the parameter are ignored.
 *
 * @param present  whether the request had a {@code claims} parameter at all
 * @param idToken  the members of {@code id_token}; empty when absent
 * @param userInfo the members of {@code userinfo}; empty when absent
 */
public record ClaimsRequest(boolean present, Map<String, ClaimRequest> idToken, Map<String, ClaimRequest> userInfo) {
    /** A request without a {@code claims} parameter. */
    public static final ClaimsRequest NONE = new ClaimsRequest(false, Map.of(), Map.of());

    public ClaimsRequest {
        idToken = Collections.unmodifiableMap(new LinkedHashMap<>(idToken));
        userInfo = Collections.unmodifiableMap(new LinkedHashMap<>(userInfo));
    }
}
