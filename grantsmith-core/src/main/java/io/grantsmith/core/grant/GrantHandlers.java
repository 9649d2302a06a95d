package io.grantsmith.core.grant;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The registered grant handlers by {@code grant_type} value, and the refusals of a value none of them answers. */
public final class GrantHandlers {
    private final Map<String, GrantHandler> byGrantType;

    private GrantHandlers(Map<String, GrantHandler> byGrantType) {
        this.byGrantType = Map.copyOf(byGrantType);
    }

    /** Makes each factory's handler; two handlers of one grant type are a mistake of the embedder. */
    public static GrantHandlers create(Collection<GrantHandler.Factory> factories, EngineServices services) {
        Map<String, GrantHandler> handlers = new HashMap<>();
        for (GrantHandler.Factory factory : factories) {
            GrantHandler handler = factory.create(services);
            String grantType = handler.grantType();
            if (grantType == null || grantType.isEmpty()) {
                throw new IllegalArgumentException(handler.getClass().getName() + " declares no grant type");
            }
            GrantHandler earlier = handlers.putIfAbsent(grantType, handler);
            if (earlier != null) {
                throw new IllegalArgumentException("two handlers for grant type " + grantType + ": "
                        + earlier.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return new GrantHandlers(handlers);
    }

    /**
     * Checks that {@code service} offers {@code grantType} (a non-empty {@code grant_type} value), with Authlete's
     * refusals in its order: a value no one knows, {@code implicit}, a grant the service does not offer.
     *
     * @return Authlete's name of the grant type, or null for an extension grant Authlete does not name
     */
    public GrantType checkOffered(String grantType, Service service) {
        GrantType known = GrantType.fromWireValue(grantType);
        GrantHandler handler = byGrantType.get(grantType);
        if (handler != null) {
            if (!handler.offeredBy(service)) {
                throw notSupportedByService(grantType);
            }
            return known;
        }
        if (known == null) {
            throw OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_UNKNOWN,
                    Quoted.of(grantType));
        }
        if (known == GrantType.IMPLICIT) {
            throw OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_IMPLICIT);
        }
        if (!service.supports(known)) {
            throw notSupportedByService(grantType);
        }
        return known;
    }

    /** The handler of an offered {@code grantType}; refused when the service offers a grant no handler implements. */
    public GrantHandler handlerFor(String grantType) {
        GrantHandler handler = byGrantType.get(grantType);
        if (handler == null) {
            throw OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                    ResultCode.GRANT_TYPE_NOT_IMPLEMENTED, grantType);
        }
        return handler;
    }

    private static OAuthException notSupportedByService(String grantType) {
        return OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                ResultCode.GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE, grantType);
    }
}
