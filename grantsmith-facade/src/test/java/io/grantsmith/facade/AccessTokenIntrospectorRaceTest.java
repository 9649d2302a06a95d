package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.core.introspection.AccessTokenIntrospector;
import io.grantsmith.core.introspection.Introspection;
import io.grantsmith.core.introspection.IntrospectionAction;
import io.grantsmith.core.introspection.IntrospectionQuery;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.store.memory.MemoryStores;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An access token row read just before a revocation deleted it: the grant's {@code revoked} flag, read after, decides,
 * so {@code /auth/introspection} never calls a token of a revoked grant valid.
 */
class AccessTokenIntrospectorRaceTest {
    private final MemoryStores stores = new MemoryStores();
    private final FacadeFixture fixture = new FacadeFixture(b -> b.stores(stores));
    private final Grantsmith grantsmith = fixture.grantsmith;

    @AfterEach
    void close() {
        grantsmith.close();
    }

    @Test
    void whenTheRowWasReadBeforeTheGrantWasRevokedThenTheTokenIsUnknown() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        var client = fixture.client(serviceId, "\"grantTypes\":[\"PASSWORD\",\"REFRESH_TOKEN\"]");
        TokenResponse password = grantsmith.tokens().token(serviceId, FacadeFixture.basic(
                "grant_type=password&username=alice&password=pw", client));
        TokenIssueResponse issued = grantsmith.tokens().issue(serviceId,
                new TokenIssueRequest().setTicket(password.getTicket()).setSubject("user-1"));
        Service service = grantsmith.directory().findService(serviceId).orElseThrow();
        StaleRows stale = new StaleRows(stores.tokens());
        AccessTokenIntrospector introspector = new AccessTokenIntrospector(stale, grantsmith.directory(),
                fixture.clock);
        assertThat(introspector.introspect(service, IntrospectionQuery.of(issued.getAccessToken())).action())
                .isEqualTo(IntrospectionAction.OK);

        stores.tokens().revokeGrant(stale.lastRead.family());
        Introspection after = introspector.introspect(service, IntrospectionQuery.of(issued.getAccessToken()));

        assertThat(after.action()).isEqualTo(IntrospectionAction.UNAUTHORIZED);
        assertThat(after.result().code().code()).isEqualTo("A057302");
        assertThat(after.existent()).isFalse();
    }

    /** Answers access-token reads with the last row it read, as a read that raced a deletion would. */
    private static final class StaleRows implements TokenStore {
        private final TokenStore delegate;
        private AccessTokenRecord lastRead;

        StaleRows(TokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<AccessTokenRecord> findAccessToken(long serviceId, TokenLookup lookup) {
            Optional<AccessTokenRecord> found = delegate.findAccessToken(serviceId, lookup);
            found.ifPresent(row -> lastRead = row);
            return found.isPresent() ? found : Optional.ofNullable(lastRead);
        }

        @Override
        public SaveOutcome saveAccessToken(AccessTokenRecord accessToken) {
            return delegate.saveAccessToken(accessToken);
        }

        @Override
        public SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken) {
            return delegate.saveGrant(accessToken, refreshToken);
        }

        @Override
        public SaveOutcome saveAccessTokenWithGrant(AccessTokenRecord accessToken, GrantRecord grant) {
            return delegate.saveAccessTokenWithGrant(accessToken, grant);
        }

        @Override
        public Optional<RefreshTokenRecord> findRefreshToken(TokenLookup lookup) {
            return delegate.findRefreshToken(lookup);
        }

        @Override
        public Optional<RefreshTokenRecord> findRefreshToken(long key) {
            return delegate.findRefreshToken(key);
        }

        @Override
        public Optional<GrantRecord> findGrant(FamilyId family) {
            return delegate.findGrant(family);
        }

        @Override
        public RefreshWriteOutcome applyRefresh(RefreshWrite write) {
            return delegate.applyRefresh(write);
        }

        @Override
        public void revokeGrant(FamilyId family) {
            delegate.revokeGrant(family);
        }

        @Override
        public boolean deleteAccessToken(long key) {
            return delegate.deleteAccessToken(key);
        }
    }
}
