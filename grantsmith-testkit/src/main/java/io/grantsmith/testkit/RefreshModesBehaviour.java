package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.issuance;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.model.RefreshPolicy;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How refresh renews: Authlete's modes ({@code refreshTokenKept}, {@code refreshTokenDurationReset},
 * {@code refreshTokenDurationKept}), {@code tokenExpirationLinked}, and the lifetimes of renewed tokens.
 */
public abstract class RefreshModesBehaviour extends EngineBehaviourSuite {
    private static final Duration LATER = Duration.ofMinutes(10).plusMillis(7);
    private static final Service ROTATING = EngineFixture.service();

    @Test
    void whenServiceKeepsRefreshTokensThenTheSameTokenReturnsWithItsExpiryUnchanged() {
        Service kept = EngineFixture.serviceBuilder().refreshPolicy(new RefreshPolicy(true, false, false, false))
                .build();
        Issuance grant = fixture.grant(kept);
        fixture.clock().advance(LATER);

        Issuance renewed = issuance(fixture.refresh(kept, grant.refreshToken().value()));

        Instant expiry = EngineFixture.START.plus(EngineFixture.REFRESH_TOKEN_DURATION);
        assertThat(renewed.refreshToken().value()).isEqualTo(grant.refreshToken().value());
        assertThat(renewed.refreshToken().expiresAt()).isEqualTo(expiry);
        assertThat(renewed.refreshToken().duration()).isEqualTo(Duration.between(fixture.now(), expiry).withNanos(0));
        RefreshTokenRecord record = fixture.refreshToken(grant.refreshToken().value()).orElseThrow();
        assertThat(record.state()).isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(record.expiresAt()).isEqualTo(expiry);
        assertThat(fixture.accessToken(grant.accessToken().value())).isEmpty();
        assertThat(fixture.accessToken(renewed.accessToken().value())).isPresent();
        issuance(fixture.refresh(kept, grant.refreshToken().value()));
    }

    @Test
    void whenServiceKeepsAndResetsRefreshTokensThenTheExpiryStartsAgain() {
        Service reset = EngineFixture.serviceBuilder().refreshPolicy(new RefreshPolicy(true, false, true, false))
                .build();
        Issuance grant = fixture.grant(reset);
        fixture.clock().advance(LATER);

        Issuance renewed = issuance(fixture.refresh(reset, grant.refreshToken().value()));

        Instant expiry = fixture.now().plus(EngineFixture.REFRESH_TOKEN_DURATION);
        assertThat(renewed.refreshToken().value()).isEqualTo(grant.refreshToken().value());
        assertThat(renewed.refreshToken().expiresAt()).isEqualTo(expiry);
        assertThat(fixture.refreshToken(grant.refreshToken().value()).orElseThrow().expiresAt()).isEqualTo(expiry);
    }

    @Test
    void whenServiceKeepsDurationsThenTheSuccessorInheritsTheOldExpiry() {
        Service durationKept = EngineFixture.serviceBuilder()
                .refreshPolicy(new RefreshPolicy(false, true, false, false)).build();
        Issuance grant = fixture.grant(durationKept);
        fixture.clock().advance(LATER);

        Issuance renewed = issuance(fixture.refresh(durationKept, grant.refreshToken().value()));

        assertThat(renewed.refreshToken().value()).isNotEqualTo(grant.refreshToken().value());
        assertThat(renewed.refreshToken().expiresAt()).isEqualTo(grant.refreshToken().expiresAt());
        assertThat(fixture.refreshToken(renewed.refreshToken().value()).orElseThrow().expiresAt())
                .isEqualTo(grant.refreshToken().expiresAt());
    }

    @Test
    void whenExpirationIsLinkedThenTheRenewedAccessTokenEndsWithTheInheritedRefreshToken() {
        Service linked = EngineFixture.serviceBuilder().refreshPolicy(new RefreshPolicy(false, true, false, false))
                .tokenExpirationLinked(true).build();
        Issuance grant = fixture.grant(linked);
        fixture.clock().advance(EngineFixture.REFRESH_TOKEN_DURATION.minusMinutes(20));

        Issuance renewed = issuance(fixture.refresh(linked, grant.refreshToken().value()));

        assertThat(renewed.accessToken().expiresAt()).isEqualTo(grant.refreshToken().expiresAt());
        assertThat(renewed.accessToken().duration()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void whenRequestOrScopeSetLifetimesThenTheRenewedTokensUseThem() {
        Issuance grant = fixture.grant(ROTATING, "scope", "read " + EngineFixture.SHORT_SCOPE);

        Issuance byScope = issuance(fixture.refresh(ROTATING, grant.refreshToken().value()));
        Issuance byRequest = issuance(fixture.process(EngineFixture.refreshRequest(byScope.refreshToken().value())
                .setAccessTokenDuration(60).setRefreshTokenDuration(120)));

        assertThat(grant.refreshToken().duration()).isEqualTo(EngineFixture.SHORT_SCOPE_REFRESH_TOKEN_DURATION);
        assertThat(byScope.accessToken().duration()).isEqualTo(EngineFixture.SHORT_SCOPE_ACCESS_TOKEN_DURATION);
        assertThat(byScope.refreshToken().duration()).isEqualTo(EngineFixture.SHORT_SCOPE_REFRESH_TOKEN_DURATION);
        assertThat(byRequest.accessToken().expiresAt()).isEqualTo(EngineFixture.START.plusSeconds(60));
        assertThat(byRequest.refreshToken().expiresAt()).isEqualTo(EngineFixture.START.plusSeconds(120));
    }
}
