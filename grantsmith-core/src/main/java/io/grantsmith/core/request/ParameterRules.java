package io.grantsmith.core.request;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameter declarations of one grant: which parameters may repeat, and which result code reports a
 * forbidden repetition. RFC 6749 §3.2: parameters must not be included more than once, so every parameter
 * not declared multi-valued is single-valued, including ones the grant does not know.
 */
public final class ParameterRules {
    private static final Map<String, ResultCode> COMMON_REPEAT_CODES = Map.of(
            "grant_type", ResultCode.GRANT_TYPE_REPEATED,
            "client_id", ResultCode.CLIENT_ID_REPEATED,
            "client_secret", ResultCode.CLIENT_SECRET_REPEATED);

    private final Map<String, ResultCode> repeatCodes;
    private final Set<String> multiValued;

    private ParameterRules(Map<String, ResultCode> repeatCodes, Set<String> multiValued) {
        this.repeatCodes = repeatCodes;
        this.multiValued = multiValued;
    }

    /**
     * @param repeatCodes result codes for the grant's own single-valued parameters
     * @param multiValued parameters that may appear several times (e.g. {@code resource})
     */
    public static ParameterRules of(Map<String, ResultCode> repeatCodes, Set<String> multiValued) {
        Map<String, ResultCode> all = new HashMap<>(COMMON_REPEAT_CODES);
        all.putAll(repeatCodes);
        return new ParameterRules(Map.copyOf(all), Set.copyOf(multiValued));
    }

    /** Refuses the request if a single-valued parameter appears more than once. */
    public void check(FormParameters parameters) {
        for (String name : parameters.names()) {
            if (parameters.count(name) > 1 && !multiValued.contains(name)) {
                ResultCode code = repeatCodes.get(name);
                throw code != null
                        ? OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code)
                        : OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.PARAMETER_REPEATED,
                                Quoted.of(name));
            }
        }
    }
}
