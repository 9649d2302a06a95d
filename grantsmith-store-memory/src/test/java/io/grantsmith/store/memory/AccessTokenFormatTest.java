package io.grantsmith.store.memory;

import static io.grantsmith.testkit.TokenRequests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.token.AccessTokenContents;
import io.grantsmith.core.token.AccessTokenFormat;
import io.grantsmith.core.token.OpaqueAccessTokens;
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import io.grantsmith.testkit.EngineAssertions;
import io.grantsmith.testkit.EngineFixture;
import io.grantsmith.testkit.TestClients;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The access token format is one strategy that every grant mints through, and a collided key is minted afresh. */
class AccessTokenFormatTest {
    private final RecordingFormat format = new RecordingFormat();
    private final EngineFixture fixture = new EngineFixture(new MemoryStores(), engine -> engine
            .accessTokenFormat(format).grant(ExternalGrantTest.AssertionAsSubject::new));
    private final Service service = EngineFixture.serviceBuilder().grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS,
            GrantType.PASSWORD, GrantType.REFRESH_TOKEN, GrantType.JWT_BEARER)).build();

    @Test
    void everyGrantMintsItsAccessTokenThroughTheFormat() {
        Issuance clientCredentials = EngineAssertions.issuance(fixture.process(service, clientCredentials()));
        Issuance password = fixture.grant(service);
        Issuance refreshed = EngineAssertions.issuance(fixture.refresh(service, password.refreshToken().value()));
        fixture.clients().add(TestClients.confidential(3101, ClientAuthMethod.CLIENT_SECRET_BASIC, "toy-secret")
                .grantTypes(EnumSet.of(GrantType.JWT_BEARER)).build());
        Issuance extension = EngineAssertions.issuance(fixture.process(service, basic("3101", "toy-secret",
                "grant_type", GrantType.JWT_BEARER.wireValue(), "assertion", "carol")));

        assertThat(format.minted).extracting(TokenValue::value).containsExactly(
                clientCredentials.accessToken().value(), password.accessToken().value(),
                refreshed.accessToken().value(), extension.accessToken().value());
        AccessTokenContents renewed = format.contents.get(2);
        assertThat(renewed.subject()).isEqualTo(EngineFixture.SUBJECT);
        assertThat(renewed.grantType()).isEqualTo(GrantType.PASSWORD);
        assertThat(renewed.scopes()).isEqualTo(password.scopes());
        assertThat(renewed.expiresAt()).isEqualTo(refreshed.accessToken().expiresAt());
        assertThat(format.contents.get(3).subject()).isEqualTo("carol");
        assertThat(fixture.accessToken(refreshed.accessToken().value())).isPresent();
    }

    @Test
    void aCallerChosenValueBypassesTheFormat() {
        TokenRequest request = clientCredentials();
        request.setAccessToken("caller-chosen-value");

        Issuance issuance = EngineAssertions.issuance(fixture.process(service, request));

        assertThat(issuance.accessToken().value()).isEqualTo("caller-chosen-value");
        assertThat(format.minted).isEmpty();
    }

    @Test
    void aGeneratedKeyThatCollidesIsMintedAfreshForEveryKindOfWrite() {
        Issuance first = EngineAssertions.issuance(fixture.process(service, clientCredentials()));
        long taken = fixture.accessToken(first.accessToken().value()).orElseThrow().key();

        format.collideNext(taken);
        Issuance clientCredentials = EngineAssertions.issuance(fixture.process(service, clientCredentials()));
        format.collideNext(taken);
        Issuance password = fixture.grant(service);
        assertThat(fixture.accessToken(password.accessToken().value())).isPresent();
        format.collideNext(taken);
        Issuance refreshed = EngineAssertions.issuance(fixture.refresh(service, password.refreshToken().value()));

        assertThat(format.collisions).hasValue(3);
        for (Issuance issuance : List.of(clientCredentials, password, refreshed)) {
            assertThat(TokenFormat.keyOf(issuance.accessToken().value())).isNotEqualTo(taken);
        }
        assertThat(fixture.accessToken(clientCredentials.accessToken().value())).isPresent();
        assertThat(fixture.accessToken(refreshed.accessToken().value())).isPresent();
        assertThat(fixture.accessToken(first.accessToken().value())).isPresent();
    }

    @Test
    void afterThreeCollisionsTheRequestFailsAsAStoreFailure() {
        Issuance first = EngineAssertions.issuance(fixture.process(service, clientCredentials()));
        format.collideAlways(fixture.accessToken(first.accessToken().value()).orElseThrow().key());

        TokenResult result = fixture.process(service, clientCredentials());

        EngineAssertions.serverError(result, ResultCode.CLIENT_CREDENTIALS_STORE_FAILED);
        assertThat(format.collisions).hasValue(3);
    }

    private static TokenRequest clientCredentials() {
        return basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET, "grant_type", "client_credentials");
    }

    /** Opaque values, recording what it was asked for; on demand it hands out a key that is already taken. */
    private static final class RecordingFormat implements AccessTokenFormat {
        final List<TokenValue> minted = new ArrayList<>();
        final List<AccessTokenContents> contents = new ArrayList<>();
        final AtomicLong collisions = new AtomicLong();
        private long takenKey;
        private boolean always;

        void collideNext(long key) {
            takenKey = key;
            always = false;
        }

        void collideAlways(long key) {
            takenKey = key;
            always = true;
        }

        @Override
        public synchronized TokenValue mint(AccessTokenContents tokenContents, TokenValues values) {
            if (takenKey != 0) {
                long key = takenKey;
                takenKey = always ? takenKey : 0;
                collisions.incrementAndGet();
                return TokenValues.keyed(key, new byte[TokenFormat.SECRET_BYTES]);
            }
            TokenValue value = OpaqueAccessTokens.INSTANCE.mint(tokenContents, values);
            minted.add(value);
            contents.add(tokenContents);
            return value;
        }
    }
}
