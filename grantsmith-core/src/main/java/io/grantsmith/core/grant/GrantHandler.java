package io.grantsmith.core.grant;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.result.TokenResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Handles the token requests of one grant type, after the client has been authenticated. Handlers come into the
 * engine from outside ({@link io.grantsmith.core.TokenEngineBuilder#grant}), each made by a {@link Factory}, so
 * a new grant (an extension grant such as {@code urn:ietf:params:oauth:grant-type:jwt-bearer}) is one class and
 * edits no engine code.
 */
public interface GrantHandler {
    /** The {@code grant_type} value this handler answers, e.g. {@code client_credentials} or an absolute URI. */
    String grantType();

    /** Which parameters may repeat, checked before the client is authenticated. */
    ParameterRules parameterRules();

    /** The result code that reports a store failure while handling this grant. */
    ResultCode storeFailure();

    /**
     * Whether {@code service} offers this grant. By default: Authlete's grant type of the same name is among the
     * service's {@code supportedGrantTypes}. A grant type Authlete does not name cannot be listed there, so its
     * handler must override this (and {@link #allowedFor}) or it is never offered.
     */
    default boolean offeredBy(Service service) {
        GrantType known = GrantType.fromWireValue(grantType());
        return known != null && service.supports(known);
    }

    /** Whether {@code client} may use this grant. By default: the client's {@code grantTypes} name it. */
    default boolean allowedFor(Client client) {
        GrantType known = GrantType.fromWireValue(grantType());
        return known != null && client.mayUse(known);
    }

    /**
     * Handles the request. Refusals are thrown as {@link io.grantsmith.core.error.OAuthException}; store
     * failures as {@link io.grantsmith.core.spi.StoreException}.
     */
    TokenResult handle(GrantContext context);

    /**
     * As {@link #handle}, without waiting for the store's writes: the stage completes once what the grant wrote is
     * durable. Refusals and store failures may be thrown at once or carried by the stage; the engine treats both
     * alike. By default the grant is handled on the calling thread; the grants of the hot path (client credentials,
     * refresh) write asynchronously.
     *
     * <p>A store completes its stages on a thread of its own (the group writer's completion thread), which must never
     * wait for a write: every answer behind it would wait too (the writer refuses a blocking write from there).
     * Whatever comes after a write and may block (a further write after a lost race, a revocation) goes to
     * {@code blockingWork}.
     */
    default CompletionStage<TokenResult> handleAsync(GrantContext context, Executor blockingWork) {
        return CompletableFuture.completedFuture(handle(context));
    }

    /** Makes a handler from the engine's services, once, when the engine is built (fosite's {@code compose}). */
    @FunctionalInterface
    interface Factory {
        GrantHandler create(EngineServices services);
    }
}
