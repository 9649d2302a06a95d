package io.grantsmith.server.http;

import io.grantsmith.api.dto.IDTokenReissueRequest;
import io.grantsmith.api.dto.IDTokenReissueResponse;
import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenFailResponse;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.facade.token.TokenApi;
import io.grantsmith.server.metrics.ServerMetrics;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Authlete's token API over HTTP: {@code /auth/token}, {@code /auth/token/issue}, {@code /auth/token/fail} and
 * {@code /idtoken/reissue},
 * on v3 paths ({@code /api/{serviceId}/…}, Bearer) and v2 paths ({@code /api/…}, Basic API key and secret).
 * A processed call is always HTTP 200; its {@code action} carries the outcome.
 */
final class TokenApiEndpoints {
    private static final Set<String> TOKEN_ARRAY_FIELDS = Set.of("clientCertificatePath");

    private final TokenApi tokens;
    private final ApiAuthentication authentication;
    private final ServerMetrics metrics;

    TokenApiEndpoints(TokenApi tokens, ApiAuthentication authentication, ServerMetrics metrics) {
        this.tokens = tokens;
        this.authentication = authentication;
        this.metrics = metrics;
    }

    void register(Router router) {
        new ApiRoutes(router, authentication)
                .post("/auth/token", this::token)
                .post("/auth/token/issue", this::issue)
                .post("/auth/token/fail", this::fail)
                .post("/idtoken/reissue", this::reissue);
    }

    /** Answered from the commit of the issued tokens (see {@link Exchange#respondWhen}). */
    private void token(Exchange exchange, long serviceId) throws IOException {
        TokenRequest request = ApiBodies.read(exchange, TokenRequest.class, TOKEN_ARRAY_FIELDS);
        Exchange.Responder<TokenResponse> respond = response -> {
            metrics.tokenAction("/auth/token", response.getAction().name());
            exchange.sendJson(200, ApiBodies.write(response));
        };
        CompletionStage<TokenResponse> answer = tokens.tokenAsync(serviceId, request, exchange.executor());
        if (CommitOnlyGrants.isCommitOnly(request.getParameters())) {
            exchange.respondWhenCommitted(answer, respond);
        } else {
            exchange.respondWhen(answer, respond);
        }
    }

    private void issue(Exchange exchange, long serviceId) throws IOException {
        TokenIssueRequest request = ApiBodies.read(exchange, TokenIssueRequest.class, Set.of());
        TokenIssueResponse response = tokens.issue(serviceId, request);
        metrics.tokenAction("/auth/token/issue", response.getAction().name());
        exchange.sendJson(200, ApiBodies.write(response));
    }

    private void reissue(Exchange exchange, long serviceId) throws IOException {
        IDTokenReissueRequest request = ApiBodies.read(exchange, IDTokenReissueRequest.class, Set.of());
        IDTokenReissueResponse response = tokens.reissueIdToken(serviceId, request);
        metrics.tokenAction("/idtoken/reissue", response.getAction().name());
        exchange.sendJson(200, ApiBodies.write(response));
    }

    private void fail(Exchange exchange, long serviceId) throws IOException {
        TokenFailRequest request = ApiBodies.read(exchange, TokenFailRequest.class, Set.of());
        TokenFailResponse response = tokens.fail(serviceId, request);
        metrics.tokenAction("/auth/token/fail", response.getAction().name());
        exchange.sendJson(200, ApiBodies.write(response));
    }
}
