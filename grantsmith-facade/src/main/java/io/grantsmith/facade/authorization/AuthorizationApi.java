package io.grantsmith.facade.authorization;

import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationRequest;
import io.grantsmith.api.dto.AuthorizationResponse;
import io.grantsmith.core.authorization.AuthorizationFlow;
import io.grantsmith.core.model.Service;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.manage.Directory;

/**
 * Authlete's {@code /auth/authorization}, {@code /auth/authorization/issue} and {@code /auth/authorization/fail}
 * for one service. A processed call always answers with its DTO; the {@code action} carries the outcome.
 */
public final class AuthorizationApi {
    private final Directory directory;
    private final AuthorizationFlow flow;
    private final AuthorizationResponses responses;

    public AuthorizationApi(Directory directory, AuthorizationFlow flow, AuthorizationResponses responses) {
        this.directory = directory;
        this.flow = flow;
        this.responses = responses;
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public AuthorizationResponse authorization(long serviceId, AuthorizationRequest request) {
        return responses.toResponse(flow.authorize(service(serviceId), request.getParameters()));
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public AuthorizationIssueResponse issue(long serviceId, AuthorizationIssueRequest request) {
        return responses.toResponse(flow.issue(service(serviceId), request));
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public AuthorizationFailResponse fail(long serviceId, AuthorizationFailRequest request) {
        return responses.toResponse(flow.fail(service(serviceId), request));
    }

    private Service service(long serviceId) {
        return directory.findService(serviceId)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }
}
