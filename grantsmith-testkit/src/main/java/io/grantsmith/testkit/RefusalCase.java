package io.grantsmith.testkit;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.TokenResult;

/** One row of a refusal table: a request, the service it goes to, and the refusal it must get. */
public record RefusalCase(String name, Service service, TokenRequest request, Class<? extends TokenResult> type,
        OAuthErrorCode error, ResultCode code) {

    public static RefusalCase badRequest(String name, TokenRequest request, OAuthErrorCode error, ResultCode code) {
        return new RefusalCase(name, EngineFixture.service(), request, TokenResult.BadRequest.class, error, code);
    }

    public static RefusalCase invalidRequest(String name, TokenRequest request, ResultCode code) {
        return badRequest(name, request, OAuthErrorCode.INVALID_REQUEST, code);
    }

    public static RefusalCase invalidClient(String name, TokenRequest request, ResultCode code) {
        return new RefusalCase(name, EngineFixture.service(), request, TokenResult.InvalidClient.class,
                OAuthErrorCode.INVALID_CLIENT, code);
    }

    public static RefusalCase serverError(String name, TokenRequest request, ResultCode code) {
        return new RefusalCase(name, EngineFixture.service(), request, TokenResult.InternalServerError.class,
                OAuthErrorCode.SERVER_ERROR, code);
    }

    /** This case, sent to {@code other} instead of the standard service. */
    public RefusalCase on(Service other) {
        return new RefusalCase(name, other, request, type, error, code);
    }

    /** Sends the request and checks the refusal; returns the result for further checks. */
    public TokenResult assertOn(EngineFixture fixture) {
        TokenResult result = fixture.process(service, request);
        EngineAssertions.refused(result, type, error, code);
        return result;
    }

    @Override
    public String toString() {
        return name;
    }
}
