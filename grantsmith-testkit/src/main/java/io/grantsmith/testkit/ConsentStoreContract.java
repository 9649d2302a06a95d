package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.registry.ConsentStore;
import io.grantsmith.registry.Stores;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store must do with the built-in server's remembered consents; run once per store implementation. */
public abstract class ConsentStoreContract {
    protected Stores stores;

    protected abstract Stores openStores() throws Exception;

    @BeforeEach
    void open() throws Exception {
        stores = openStores();
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void whenNothingWasGrantedThenNoScopes() {
        assertThat(stores.consents().granted(7, "alice", 11)).isEmpty();
    }

    @Test
    void whenScopesAreGrantedTwiceThenTheyAddUpPerServiceUserAndClient() {
        ConsentStore consents = stores.consents();

        consents.grant(7, "alice", 11, List.of("openid", "email"), 1000);
        consents.grant(7, "alice", 11, List.of("openid", "profile"), 1001);

        assertThat(consents.granted(7, "alice", 11)).containsExactlyInAnyOrder("openid", "email", "profile");
        assertThat(consents.granted(7, "alice", 12)).isEmpty();
        assertThat(consents.granted(7, "bob", 11)).isEmpty();
        assertThat(consents.granted(8, "alice", 11)).isEmpty();
    }

    @Test
    void whenAUserIsForgottenThenOnlyItsConsentsGo() {
        ConsentStore consents = stores.consents();
        consents.grant(7, "alice", 11, List.of("openid"), 1000);
        consents.grant(7, "alice", 12, List.of("openid"), 1000);
        consents.grant(7, "bob", 11, List.of("openid"), 1000);
        consents.grant(8, "alice", 11, List.of("openid"), 1000);

        consents.forget(7, "alice");

        assertThat(consents.granted(7, "alice", 11)).isEmpty();
        assertThat(consents.granted(7, "alice", 12)).isEmpty();
        assertThat(consents.granted(7, "bob", 11)).containsExactly("openid");
        assertThat(consents.granted(8, "alice", 11)).containsExactly("openid");
    }

    @Test
    void whenGrantsRaceThenNoneIsLost() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> grants = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String scope = "s" + i;
                grants.add(threads.submit(() -> stores.consents().grant(7, "alice", 11, List.of(scope), 1000)));
            }
            for (Future<?> grant : grants) {
                grant.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(stores.consents().granted(7, "alice", 11)).hasSize(32);
    }
}
