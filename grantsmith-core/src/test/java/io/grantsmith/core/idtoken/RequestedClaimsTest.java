package io.grantsmith.core.idtoken;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.authorization.ClaimRequest;
import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Scopes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestedClaimsTest {
    private static final AuthorizationSettings DEFAULTS = AuthorizationSettings.DEFAULTS;

    @Test
    void whenOpenidIsMissingThenNoClaimIsRequestedAnywhere() {
        ClaimsRequest claims = new ClaimsRequest(true, Map.of("name", ClaimRequest.VOLUNTARY),
                Map.of("email", ClaimRequest.VOLUNTARY));

        assertThat(RequestedClaims.forIdToken(Scopes.of("profile"), claims, false, DEFAULTS)).isEmpty();
        assertThat(RequestedClaims.forUserInfo(Scopes.of("profile"), claims, DEFAULTS)).isEmpty();
    }

    @Test
    void whenScopesAndTheClaimsParameterAskThenTheClaimsParameterComesFirstAndServerClaimsAreLeftOut() {
        ClaimsRequest claims = new ClaimsRequest(true, Map.of("nickname#en", ClaimRequest.VOLUNTARY,
                "auth_time", ClaimRequest.VOLUNTARY), Map.of("sub", ClaimRequest.VOLUNTARY));

        assertThat(RequestedClaims.forIdToken(Scopes.of("openid", "email"), claims, true, DEFAULTS))
                .containsExactly("nickname#en", "email", "email_verified");
        assertThat(RequestedClaims.forUserInfo(Scopes.of("openid", "phone", "address"), claims, DEFAULTS))
                .containsExactly("address", "phone_number", "phone_number_verified");
    }

    @Test
    void whenServiceListsSupportedClaimsThenOnlyThoseAreRequested() {
        AuthorizationSettings settings = AuthorizationSettings.builder().claims(List.of("email", "name")).build();
        ClaimsRequest claims = new ClaimsRequest(true, Map.of("name#ja", ClaimRequest.VOLUNTARY,
                "birthdate", ClaimRequest.VOLUNTARY), Map.of());

        assertThat(RequestedClaims.forIdToken(Scopes.of("openid", "email"), claims, true, settings))
                .containsExactly("name#ja", "email");
    }

    @Test
    void whenValuesAreSelectedThenOnlyNamedNonServerClaimsTheUserHasComeInTheRequestedOrder() {
        Map<String, Object> user = Map.of("name", "Alice", "name#ja", "アリス", "email", "a@example.com",
                "sub", "forged");

        assertThat(RequestedClaims.select(user, List.of("email", "name#ja", "locale", "sub")))
                .containsExactly(Map.entry("email", "a@example.com"), Map.entry("name#ja", "アリス"));
    }
}
