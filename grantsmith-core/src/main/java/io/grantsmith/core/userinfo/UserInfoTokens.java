package io.grantsmith.core.userinfo;

import io.grantsmith.core.authorization.ClaimRequest;
import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an access token presented at the userinfo endpoint (OpenID Connect Core §5.3), as Authlete's
 * {@code /auth/userinfo} does and {@code /auth/userinfo/issue} does again: it must exist in the service, be
 * unexpired, belong to a client that still exists and is not locked, carry {@code openid} and have a subject, and
 * its grant must not be revoked. The grant's claims request (the authorization request's {@code claims} parameter)
 * comes with a valid token, for the claims its {@code userinfo} member names.
 *
 * <p>Unlike Authlete, tokens of the password grant are accepted: they are how the built-in server's users get
 * tokens until the code flow is used, and they carry the user's subject like any other.</p>
 */
public final class UserInfoTokens {
    /** Longer than any token this server issues or accepts as caller-chosen: refused unread. */
    static final int MAX_TOKEN_LENGTH = 1024;

    /** Which API asks: each has Authlete's own result codes for the same checks. */
    public enum Stage {
        USERINFO(ResultCode.USERINFO_TOKEN_MISSING, ResultCode.USERINFO_TOKEN_READ_FAILED,
                ResultCode.USERINFO_TOKEN_NOT_FOUND, ResultCode.USERINFO_TOKEN_EXPIRED,
                ResultCode.USERINFO_CLIENT_NOT_FOUND, ResultCode.USERINFO_CLIENT_LOCKED,
                ResultCode.USERINFO_OPENID_MISSING, ResultCode.USERINFO_SUBJECT_MISSING),
        ISSUE(ResultCode.USERINFO_ISSUE_TOKEN_MISSING, ResultCode.USERINFO_ISSUE_TOKEN_READ_FAILED,
                ResultCode.USERINFO_ISSUE_TOKEN_NOT_FOUND, ResultCode.USERINFO_ISSUE_TOKEN_EXPIRED,
                ResultCode.USERINFO_ISSUE_CLIENT_NOT_FOUND, ResultCode.USERINFO_ISSUE_CLIENT_LOCKED,
                ResultCode.USERINFO_ISSUE_OPENID_MISSING, ResultCode.USERINFO_ISSUE_SUBJECT_MISSING);

        private final ResultCode missing;
        private final ResultCode readFailed;
        private final ResultCode notFound;
        private final ResultCode expired;
        private final ResultCode clientNotFound;
        private final ResultCode clientLocked;
        private final ResultCode openidMissing;
        private final ResultCode subjectMissing;

        Stage(ResultCode missing, ResultCode readFailed, ResultCode notFound, ResultCode expired,
                ResultCode clientNotFound, ResultCode clientLocked, ResultCode openidMissing,
                ResultCode subjectMissing) {
            this.missing = missing;
            this.readFailed = readFailed;
            this.notFound = notFound;
            this.expired = expired;
            this.clientNotFound = clientNotFound;
            this.clientLocked = clientLocked;
            this.openidMissing = openidMissing;
            this.subjectMissing = subjectMissing;
        }
    }

    private final TokenStore tokens;
    private final ClientLookup clients;
    private final JsonReader json;
    private final Clock clock;

    public UserInfoTokens(TokenStore tokens, ClientLookup clients, JsonReader json, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks {@code token} (the value the client presented, or null) for {@code service}. Never throws for bad input. */
    public UserInfoCheck check(Service service, String token, Stage stage) {
        if (token == null || token.isEmpty()) {
            return refused(UserInfoRefusal.BAD_REQUEST, stage.missing);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return refused(UserInfoRefusal.UNAUTHORIZED, stage.notFound);
        }
        Optional<AccessTokenRecord> found;
        Optional<GrantRecord> grant = Optional.empty();
        Optional<Client> client;
        try {
            found = tokens.findAccessToken(service.id(), TokenLookup.of(token));
            if (found.isEmpty()) {
                return refused(UserInfoRefusal.UNAUTHORIZED, stage.notFound);
            }
            if (found.get().family() != null) {
                grant = tokens.findGrant(found.get().family());
            }
            client = clients.findClient(service.id(), found.get().clientId());
        } catch (StoreException e) {
            return refused(UserInfoRefusal.INTERNAL_SERVER_ERROR, stage.readFailed);
        }
        if (grant.isPresent() && grant.get().revoked()) {
            // revoking deletes the grant's access tokens too; a node that read the token first still refuses it
            return refused(UserInfoRefusal.UNAUTHORIZED, stage.notFound);
        }
        AccessTokenRecord record = found.get();
        if (!record.expiresAt().isAfter(clock.instant())) {
            return refused(UserInfoRefusal.UNAUTHORIZED, stage.expired);
        }
        if (client.isEmpty()) {
            return refused(UserInfoRefusal.UNAUTHORIZED, stage.clientNotFound, record.clientId());
        }
        if (client.get().locked()) {
            return refused(UserInfoRefusal.UNAUTHORIZED, stage.clientLocked, record.clientId());
        }
        if (!record.scopes().contains("openid")) {
            return refused(UserInfoRefusal.FORBIDDEN, stage.openidMissing);
        }
        if (record.subject() == null) {
            return refused(UserInfoRefusal.UNAUTHORIZED, stage.subjectMissing);
        }
        return new UserInfoCheck.Valid(record, client.get(),
                grant.map(GrantRecord::claims).map(this::userInfoClaims).orElse(ClaimsRequest.NONE),
                grant.map(GrantRecord::consentedClaims).orElse(null));
    }

    /**
     * The names of the {@code userinfo} member of a grant's claims request. It was checked when the authorization
     * request was; should it not parse now (a row written by hand), the scopes alone decide.
     */
    private ClaimsRequest userInfoClaims(String claims) {
        Object parsed;
        try {
            parsed = json.parse(claims);
        } catch (MalformedJsonException e) {
            return ClaimsRequest.NONE;
        }
        if (!(parsed instanceof Map<?, ?> request) || !(request.get("userinfo") instanceof Map<?, ?> userInfo)) {
            return ClaimsRequest.NONE;
        }
        Map<String, ClaimRequest> names = new LinkedHashMap<>();
        userInfo.keySet().forEach(name -> names.put((String) name, ClaimRequest.VOLUNTARY));
        return new ClaimsRequest(true, Map.of(), names);
    }

    private static UserInfoCheck refused(UserInfoRefusal refusal, ResultCode code, Object... args) {
        return new UserInfoCheck.Refused(refusal, code.message(args));
    }
}
