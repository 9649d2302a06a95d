package io.grantsmith.facade.userinfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.grantsmith.api.dto.UserInfoIssueRequest;
import io.grantsmith.api.dto.UserInfoIssueResponse;
import io.grantsmith.api.dto.UserInfoRequest;
import io.grantsmith.api.dto.UserInfoResponse;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.idtoken.IdTokenException;
import io.grantsmith.core.idtoken.PairwiseSubjects;
import io.grantsmith.core.idtoken.RequestedClaims;
import io.grantsmith.core.idtoken.UserClaimSource;
import io.grantsmith.core.jose.JwtSigner;
import io.grantsmith.core.jose.NoSigningKeyException;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.MalformedJsonException;
import io.grantsmith.core.userinfo.UserInfoCheck;
import io.grantsmith.core.userinfo.UserInfoRefusal;
import io.grantsmith.core.userinfo.UserInfoTokens;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.JacksonJsonReader;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.manage.Directory;
import io.grantsmith.facade.token.WireValues;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authlete's {@code /auth/userinfo} and {@code /auth/userinfo/issue} for one service (OpenID Connect Core §5.3).
 * The first checks the access token and says which claims the authorization server should collect for which
 * subject; the second checks the token again and builds the response body from the collected values: JSON, or a
 * JWT signed with the service's current key when the client registered {@code userinfo_signed_response_alg}.
 *
 * <p>{@code sub} is the token's subject, or the client's pairwise identifier for it when the client asked for
 * pairwise identifiers, so that it equals the ID token's {@code sub} as §5.3.2 requires.</p>
 */
public final class UserInfoApi {
    private static final JacksonJsonReader JSON = new JacksonJsonReader();

    private final Directory directory;
    private final UserInfoTokens tokens;
    private final PairwiseSubjects subjects;
    private final JwtSigner signer;
    private final UserClaimSource users;
    private final BearerChallenge challenges;
    private final Clock clock;

    public UserInfoApi(Directory directory, UserInfoTokens tokens, PairwiseSubjects subjects, JwtSigner signer,
            UserClaimSource users, String errorUriBase, Clock clock) {
        this.directory = directory;
        this.tokens = tokens;
        this.subjects = subjects;
        this.signer = signer;
        this.users = users;
        this.challenges = new BearerChallenge(errorUriBase);
        this.clock = clock;
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public UserInfoResponse userInfo(long serviceId, UserInfoRequest request) {
        Service service = service(serviceId);
        UserInfoResponse response = new UserInfoResponse();
        UserInfoCheck check = tokens.check(service, request.getToken(), UserInfoTokens.Stage.USERINFO);
        if (check instanceof UserInfoCheck.Refused refused) {
            result(response, refused.result());
            return response.setAction(action(refused.refusal()))
                    .setResponseContent(challenges.of(service, refused.refusal().error(), refused.result()));
        }
        UserInfoCheck.Valid valid = (UserInfoCheck.Valid) check;
        AccessTokenRecord token = valid.token();
        Client client = valid.client();
        result(response, ResultCode.USERINFO_OK.message());
        return response.setAction(UserInfoResponse.Action.OK)
                .setClientId(client.id())
                .setClientIdAlias(client.alias())
                .setClientIdAliasUsed(token.clientIdAliasUsed())
                .setSubject(token.subject())
                .setScopes(WireValues.scopes(token.scopes()))
                .setClaims(WireValues.strings(RequestedClaims.consented(RequestedClaims.forUserInfo(token.scopes(),
                        valid.claims(), service.authorization()), valid.consentedClaims())))
                .setConsentedClaims(valid.consentedClaims() == null ? null
                        : valid.consentedClaims().toArray(String[]::new))
                .setToken(request.getToken())
                .setProperties(WireValues.properties(token.properties()))
                .setServiceAttributes(WireValues.attributes(service.attributes()))
                .setClientAttributes(WireValues.attributes(client.attributes()));
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public UserInfoIssueResponse issue(long serviceId, UserInfoIssueRequest request) {
        Service service = service(serviceId);
        UserInfoIssueResponse response = new UserInfoIssueResponse();
        UserInfoCheck check = tokens.check(service, request.getToken(), UserInfoTokens.Stage.ISSUE);
        if (check instanceof UserInfoCheck.Refused refused) {
            return refuse(response, service, refused.refusal(), refused.result());
        }
        UserInfoCheck.Valid valid = (UserInfoCheck.Valid) check;
        Map<String, Object> claims;
        try {
            claims = claims(request.getClaims());
        } catch (MalformedJsonException e) {
            return refuse(response, service, UserInfoRefusal.INTERNAL_SERVER_ERROR,
                    ResultCode.USERINFO_ISSUE_CLAIMS_MALFORMED.message());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("sub", request.getSub() != null && !request.getSub().isEmpty() ? request.getSub()
                    : subjects.subjectFor(valid.client(), valid.token().subject()));
        } catch (IdTokenException e) {
            return refuse(response, service, UserInfoRefusal.INTERNAL_SERVER_ERROR, e.result());
        }
        claims.forEach((name, value) -> {
            if (!name.equals("sub")) {
                body.put(name, value);
            }
        });
        String signAlg = valid.client().metadata().userInfoSignAlg();
        if (signAlg == null) {
            result(response, ResultCode.USERINFO_ISSUE_OK.message());
            return response.setAction(UserInfoIssueResponse.Action.JSON).setResponseContent(write(body));
        }
        return signed(response, service, valid, signAlg, body);
    }

    /**
     * The values of the claims a successful {@code /auth/userinfo} names, from the built-in user directory, as the
     * JSON text {@code /auth/userinfo/issue} takes: what the built-in authorization server sends for its users.
     */
    public String directoryClaims(long serviceId, UserInfoResponse response) {
        List<String> names = response.getClaims() == null ? List.of() : List.of(response.getClaims());
        Map<String, Object> values = names.isEmpty() ? Map.of() : users.claims(serviceId, response.getSubject());
        return write(RequestedClaims.select(values, names));
    }

    private UserInfoIssueResponse signed(UserInfoIssueResponse response, Service service, UserInfoCheck.Valid valid,
            String signAlg, Map<String, Object> body) {
        Client client = valid.client();
        SigningAlgorithm algorithm = SigningAlgorithm.ofWireName(signAlg).orElse(null);
        if (algorithm == null) {
            return refuse(response, service, UserInfoRefusal.INTERNAL_SERVER_ERROR,
                    ResultCode.USERINFO_SIGN_ALG_UNSUPPORTED.message(signAlg, client.id()));
        }
        // §5.3.2: a signed response SHOULD carry iss and aud
        Map<String, Object> claims = new LinkedHashMap<>();
        if (service.authorization().issuer() != null) {
            claims.put("iss", service.authorization().issuer());
        }
        claims.put("aud", valid.token().clientIdAliasUsed() && client.alias() != null ? client.alias()
                : Long.toString(client.id()));
        claims.put("iat", clock.instant().getEpochSecond());
        body.forEach(claims::putIfAbsent);
        try {
            String jwt = signer.sign(service.id(), algorithm, Map.of(), claims).compact();
            result(response, ResultCode.USERINFO_ISSUE_OK.message());
            return response.setAction(UserInfoIssueResponse.Action.JWT).setResponseContent(jwt);
        } catch (NoSigningKeyException e) {
            return refuse(response, service, UserInfoRefusal.INTERNAL_SERVER_ERROR,
                    ResultCode.USERINFO_SIGNING_KEY_MISSING.message(algorithm.wireName()));
        }
    }

    private UserInfoIssueResponse refuse(UserInfoIssueResponse response, Service service, UserInfoRefusal refusal,
            ResultMessage result) {
        result(response, result);
        return response.setAction(issueAction(refusal))
                .setResponseContent(challenges.of(service, refusal.error(), result));
    }

    private static UserInfoResponse.Action action(UserInfoRefusal refusal) {
        return switch (refusal) {
            case BAD_REQUEST -> UserInfoResponse.Action.BAD_REQUEST;
            case UNAUTHORIZED -> UserInfoResponse.Action.UNAUTHORIZED;
            case FORBIDDEN -> UserInfoResponse.Action.FORBIDDEN;
            case INTERNAL_SERVER_ERROR -> UserInfoResponse.Action.INTERNAL_SERVER_ERROR;
        };
    }

    private static UserInfoIssueResponse.Action issueAction(UserInfoRefusal refusal) {
        return switch (refusal) {
            case BAD_REQUEST -> UserInfoIssueResponse.Action.BAD_REQUEST;
            case UNAUTHORIZED -> UserInfoIssueResponse.Action.UNAUTHORIZED;
            case FORBIDDEN -> UserInfoIssueResponse.Action.FORBIDDEN;
            case INTERNAL_SERVER_ERROR -> UserInfoIssueResponse.Action.INTERNAL_SERVER_ERROR;
        };
    }

    /** The {@code claims} of {@code /issue}: a JSON object's text, or null for none. */
    private static Map<String, Object> claims(String text) throws MalformedJsonException {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        if (!(JSON.parse(text) instanceof Map<?, ?> map)) {
            throw new MalformedJsonException("not a JSON object");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        map.forEach((name, value) -> claims.put((String) name, value));
        return claims;
    }

    private static String write(Map<String, ?> body) {
        try {
            return WireJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain JSON values always write", e);
        }
    }

    private static void result(io.grantsmith.api.dto.ApiResponse response, ResultMessage result) {
        response.setResultCode(result.code().code());
        response.setResultMessage(result.formatted());
    }

    private Service service(long serviceId) {
        return directory.findService(serviceId)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }
}
