package io.grantsmith.core.clientauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.spi.ClientLookup;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client IDs are attacker-chosen and lookups are cached: which IDs reach a lookup at all. */
class ClientIdentifierTest {
    private static final long SERVICE_ID = 7;
    private static final Client ALIASED = Client.builder(SERVICE_ID, 4242).alias("my-app", true).secret("s").build();

    private final CountingLookup lookup = new CountingLookup();
    private final ClientIdentifier identifier = new ClientIdentifier(lookup);

    @Test
    void whenClientIdIsLongerThanAnyAliasThenItIsRefusedBeforeAnyLookup() {
        String longest = "a".repeat(Client.MAX_ALIAS_LENGTH + 1);

        OAuthException inHeader = refusal(service(true), PresentedCredentials.of(longest, "x", null, null));
        OAuthException inBody = refusal(service(true),
                PresentedCredentials.of(null, null, "9".repeat(64 * 1024), null));

        for (OAuthException refusal : new OAuthException[] {inHeader, inBody}) {
            assertThat(refusal.kind()).isEqualTo(FailureKind.INVALID_CLIENT);
            assertThat(refusal.error().result().code()).isEqualTo(ResultCode.CLIENT_ID_TOO_LONG);
            assertThat(refusal.error().result().text()).isEqualTo("The client ID is longer than 200 characters.");
        }
        assertThat(lookup.byId).isZero();
        assertThat(lookup.byAlias).isZero();
    }

    @Test
    void whenClientIdIsAsLongAsTheLongestAliasThenItIsLookedUp() {
        OAuthException refusal = refusal(service(true),
                PresentedCredentials.of("a".repeat(Client.MAX_ALIAS_LENGTH), "x", null, null));

        assertThat(refusal.error().result().code()).isEqualTo(ResultCode.CLIENT_NOT_FOUND);
        assertThat(lookup.byAlias).isEqualTo(1);
    }

    @Test
    void whenServiceDisablesAliasesThenNoAliasIsLookedUp() {
        OAuthException byAlias = refusal(service(false), PresentedCredentials.of("my-app", "s", null, null));
        OAuthException byUnknownNumber = refusal(service(false),
                PresentedCredentials.of("123456", "s", null, null));

        assertThat(byAlias.error().result().code()).isEqualTo(ResultCode.CLIENT_ID_ALIAS_NOT_ENABLED);
        assertThat(byUnknownNumber.error().result().code()).isEqualTo(ResultCode.CLIENT_NOT_FOUND);
        assertThat(lookup.byAlias).isZero();
        assertThat(lookup.byId).isEqualTo(1);
    }

    @Test
    void whenServiceEnablesAliasesThenTheAliasFindsTheClient() {
        ClientIdentity identity = identifier.identify(service(true),
                PresentedCredentials.of("my-app", "s", null, null), GrantType.CLIENT_CREDENTIALS);

        assertThat(identity.client().id()).isEqualTo(4242);
        assertThat(identity.aliasUsed()).isTrue();
        assertThat(lookup.byAlias).isEqualTo(1);
    }

    private OAuthException refusal(Service service, PresentedCredentials credentials) {
        return catchThrowableOfType(OAuthException.class,
                () -> identifier.identify(service, credentials, GrantType.CLIENT_CREDENTIALS));
    }

    private static Service service(boolean aliasesEnabled) {
        return Service.builder(SERVICE_ID).clientIdAliasEnabled(aliasesEnabled).build();
    }

    /** Knows one aliased client and counts the lookups made. */
    private static final class CountingLookup implements ClientLookup {
        int byId;
        int byAlias;

        @Override
        public Optional<Client> findClient(long serviceId, long clientId) {
            byId++;
            return clientId == ALIASED.id() ? Optional.of(ALIASED) : Optional.empty();
        }

        @Override
        public Optional<Client> findClientByAlias(long serviceId, String alias) {
            byAlias++;
            return ALIASED.alias().equals(alias) ? Optional.of(ALIASED) : Optional.empty();
        }
    }
}
