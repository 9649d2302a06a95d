package io.grantsmith.core.authorization;

import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.api.dto.AuthzDetails;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.StoreFailure;
import io.grantsmith.core.grant.SubjectRules;
import io.grantsmith.core.grant.TokenProperties;
import io.grantsmith.core.idtoken.CallerHeaderMembers;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /auth/authorization/issue}: the authorization server has authenticated the user and obtained consent;
 * the ticket becomes an authorization code (only its hash is stored) and the response that carries it to the
 * client. The caller's own mistakes are reported before the ticket is used, so that it can correct them and
 * retry; refusals are thrown.
 */
final class CodeIssuance {
    /** The longest {@code acr} accepted: it is copied into every ID token of the grant. */
    static final int MAX_ACR_LENGTH = 256;
    /** The longest {@code idtHeaderParams} accepted: it is copied into the header of every ID token of the grant. */
    static final int MAX_HEADER_PARAMS_LENGTH = 2048;

    private static final TicketUser.Codes TICKET_CODES = new TicketUser.Codes(
            ResultCode.AUTHORIZATION_ISSUE_TICKET_NOT_FOUND, ResultCode.AUTHORIZATION_ISSUE_TICKET_EXPIRED,
            ResultCode.AUTHORIZATION_ISSUE_TICKET_USED, ResultCode.AUTHORIZATION_ISSUE_TICKET_USE_FAILED,
            ResultCode.AUTHORIZATION_ISSUE_CLIENT_LOOKUP_FAILED, ResultCode.AUTHORIZATION_ISSUE_CLIENT_NOT_FOUND);

    private final TicketUser tickets;
    private final AuthorizationCodeStore codes;
    private final JsonReader json;
    private final TokenValues values;

    CodeIssuance(TicketUser tickets, AuthorizationCodeStore codes, JsonReader json, TokenValues values) {
        this.tickets = tickets;
        this.codes = codes;
        this.json = json;
        this.values = values;
    }

    AuthorizationIssueResult.Issued issue(Service service, AuthorizationIssueRequest request, Instant now) {
        String ticketValue = request.getTicket();
        if (ticketValue == null || ticketValue.isEmpty()) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_TICKET_MISSING);
        }
        UserApproval approval = approval(request);

        AuthorizationTicket ticket = tickets.use(service, ticketValue, now, TICKET_CODES);
        Client client = tickets.client(service, ticket, TICKET_CODES);
        if (client.locked()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST,
                    ResultCode.AUTHORIZATION_ISSUE_CLIENT_LOCKED, client.id());
        }
        RequestedAuthorization requested = ticket.request();
        if (requested.subject() != null && !requested.subject().equals(approval.subject())) {
            // OpenID Connect Core §5.5.1: a requested "sub" value must be the user's, or the request fails
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_SUBJECT_MISMATCH);
        }
        RequestedAuthorization granted = requested.withScopes(grantedScopes(service, client, requested,
                request.getScopes()));

        String code = null;
        if (granted.responseType().containsCode()) {
            TokenValue minted = values.newToken(); // keyed, so that its row is appended to the index (see TokenIds)
            code = minted.value();
            AuthorizationCode record = new AuthorizationCode(minted.key(), minted.hash(), service.id(), granted,
                    approval, now, now.plus(service.authorization().authorizationCodeDuration()));
            StoreFailure.reportedAs(ResultCode.AUTHORIZATION_ISSUE_CODE_STORE_FAILED,
                    () -> codes.saveAuthorizationCode(record));
        }
        return new AuthorizationIssueResult.Issued(service, new ClientIdentity(client, requested.clientIdAliasUsed(),
                null), requested.redirectUri(), requested.responseMode(), code, requested.state(),
                service.authorization().responseIssuer());
    }

    /** What the caller said about the user, checked before the ticket is used. */
    private UserApproval approval(AuthorizationIssueRequest request) {
        String subject = SubjectRules.validate(request.getSubject(), ResultCode.AUTHORIZATION_ISSUE_SUBJECT_MISSING,
                ResultCode.AUTHORIZATION_ISSUE_SUBJECT_NOT_ASCII, ResultCode.AUTHORIZATION_ISSUE_SUBJECT_TOO_LONG);
        String sub = emptyToNull(request.getSub());
        if (sub != null && !SubjectRules.isValid(sub)) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_SUB_INVALID, SubjectRules.MAX_LENGTH);
        }
        String acr = emptyToNull(request.getAcr());
        if (acr != null && acr.length() > MAX_ACR_LENGTH) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_ACR_TOO_LONG, MAX_ACR_LENGTH);
        }
        String claims = emptyToNull(request.getClaims());
        if (claims != null) {
            requireJsonObject(claims, ResultCode.AUTHORIZATION_ISSUE_CLAIMS_MALFORMED);
        }
        List<TokenProperty> properties = TokenProperties.accept(request.getProperties(),
                ResultCode.AUTHORIZATION_ISSUE_PROPERTIES_TOO_BIG);
        // Authlete's authTime is 0 when the caller does not say
        Long authTime = request.getAuthTime() > 0 ? request.getAuthTime() : null;
        refuseAuthorizationDetails(request);
        return new UserApproval(subject, sub, authTime, acr, claims, properties,
                idTokenHeader(emptyToNull(request.getIdtHeaderParams())), consented(request.getConsentedClaims()),
                audType(emptyToNull(request.getIdTokenAudType())));
    }

    /**
     * Extra JWS header members for the flow's ID tokens (Authlete's {@code idtHeaderParams}, e.g. {@code typ}):
     * a JSON object of bounded size, with only members {@link CallerHeaderMembers} accepts.
     */
    private String idTokenHeader(String header) {
        if (header == null) {
            return null;
        }
        if (header.length() > MAX_HEADER_PARAMS_LENGTH) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_HEADER_PARAMS_TOO_BIG,
                    MAX_HEADER_PARAMS_LENGTH);
        }
        Map<?, ?> members = requireJsonObject(header, ResultCode.AUTHORIZATION_ISSUE_HEADER_PARAMS_MALFORMED);
        if (!CallerHeaderMembers.acceptable(members)) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_HEADER_PARAMS_RESERVED);
        }
        return header;
    }

    /** The consented claim names, without empty entries; null (every requested claim) when the caller sent none. */
    private static List<String> consented(String[] names) {
        if (names == null) {
            return null;
        }
        List<String> consented = new ArrayList<>();
        for (String name : names) {
            if (name != null && !name.isEmpty() && !consented.contains(name)) {
                consented.add(name);
            }
        }
        return consented;
    }

    private static IdTokenAudType audType(String value) {
        if (value == null) {
            return null;
        }
        IdTokenAudType type = IdTokenAudType.fromWireValue(value);
        if (type == null) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_AUD_TYPE_INVALID);
        }
        return type;
    }

    /**
     * Rich authorization requests are not implemented: tokens could not carry the details, so a caller that sets
     * them is told rather than ignored.
     */
    private static void refuseAuthorizationDetails(AuthorizationIssueRequest request) {
        AuthzDetails details = request.getAuthorizationDetails();
        if (details != null && details.getElements() != null && details.getElements().length > 0) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_ISSUE_DETAILS_NOT_IMPLEMENTED);
        }
    }

    private Map<?, ?> requireJsonObject(String text, ResultCode malformed) {
        try {
            if (json.parse(text) instanceof Map<?, ?> object) {
                return object;
            }
        } catch (MalformedJsonException e) {
            // reported below
        }
        throw OAuthException.serverError(malformed);
    }

    /**
     * The scopes granted: the requested ones when the caller sends none ({@code null}); otherwise the caller's,
     * which replace them, as far as the service supports them and the client may request them. {@code openid} is
     * granted only when it was requested: an OpenID Connect flow cannot begin at this step.
     */
    private static Scopes grantedScopes(Service service, Client client, RequestedAuthorization requested,
            String[] scopes) {
        if (scopes == null) {
            return requested.scopes();
        }
        List<String> granted = new ArrayList<>();
        for (String scope : scopes) {
            if (scope == null || scope.isEmpty()) {
                continue;
            }
            boolean allowed = service.scopes().supports(scope) && client.mayRequest(scope);
            if (allowed && (!scope.equals("openid") || requested.scopes().contains("openid"))) {
                granted.add(scope);
            }
        }
        return Scopes.of(granted);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
