package io.grantsmith.store.memory;

import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.grant.AuthorizationCodeGrantHandler;
import io.grantsmith.core.grant.CodeGrantIdTokens;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.testkit.EngineAssertions;
import io.grantsmith.testkit.EngineFixture;
import io.grantsmith.testkit.TestClients;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * While the node holds no valid node ID lease, a code redemption and a ticket's issue fail before they consume the
 * code or the ticket: once the lease is back, the same code and ticket still get their tokens.
 */
class LapsedNodeLeaseTest {
    private static final long CODE_CLIENT_ID = 3100;
    private static final String CODE_CLIENT_SECRET = "code-client-secret";

    private final AtomicBoolean lapsed = new AtomicBoolean();
    private final NodeIdSource lease = () -> {
        if (lapsed.get()) {
            throw new StoreException("injected: no valid lease");
        }
        return 7;
    };
    private final MemoryStores stores = new MemoryStores();
    private final EngineFixture fixture = new EngineFixture(stores, builder -> builder.nodeIds(lease)
            .grant(AuthorizationCodeGrantHandler.factory(stores.authorizationCodes(), CodeGrantIdTokens.NONE)));
    private final Service service = EngineFixture.serviceBuilder().grantTypes(EnumSet.of(GrantType.PASSWORD,
            GrantType.REFRESH_TOKEN, GrantType.AUTHORIZATION_CODE)).build();

    @Test
    void whenTheLeaseLapsedThenACodeIsNotRedeemedAndStillWorksOnceTheLeaseIsBack() {
        fixture.clients().add(TestClients.confidential(CODE_CLIENT_ID,
                ClientAuthMethod.CLIENT_SECRET_BASIC, CODE_CLIENT_SECRET)
                .grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE)).build());
        RequestedAuthorization request = RequestedAuthorization.builder().clientId(CODE_CLIENT_ID, false)
                .redirectUri("https://client.example/cb", false)
                .responseType(ResponseType.CODE).scopes(Scopes.of("read")).build();
        stores.authorizationCodes().saveAuthorizationCode(new AuthorizationCode(0, TokenHasher.hash("the-code"),
                EngineFixture.SERVICE_ID, request, new UserApproval("alice", null, null, null, null, List.of()), fixture.now(), fixture.now().plusSeconds(600)));

        lapsed.set(true);
        EngineAssertions.serverError(redeem(), ResultCode.AUTHORIZATION_CODE_STORE_FAILED);

        lapsed.set(false);
        assertThat(EngineAssertions.issuance(redeem()).accessToken()).isNotNull();
    }

    @Test
    void whenTheLeaseLapsedThenATicketIsNotUsedAndStillWorksOnceTheLeaseIsBack() {
        String ticket = fixture.ticket(service);

        lapsed.set(true);
        EngineAssertions.issueRefused(fixture.issue(service, issueRequest(ticket, EngineFixture.SUBJECT)),
                ResultCode.ISSUE_STORE_FAILED);

        lapsed.set(false);
        assertThat(EngineAssertions.issued(fixture.issue(service, issueRequest(ticket, EngineFixture.SUBJECT)))
                .issuance().accessToken()).isNotNull();
    }

    private TokenResult redeem() {
        return fixture.process(service, basic(String.valueOf(CODE_CLIENT_ID), CODE_CLIENT_SECRET,
                "grant_type", "authorization_code", "code", "the-code"));
    }
}
