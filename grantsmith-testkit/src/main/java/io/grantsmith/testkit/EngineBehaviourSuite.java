package io.grantsmith.testkit;

import io.grantsmith.registry.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour of {@link io.grantsmith.core.TokenEngine} over a real store, split by topic into subclasses
 * ({@link RequestFramingBehaviour}, {@link ClientAuthenticationBehaviour}, {@link ClientCredentialsBehaviour},
 * {@link PasswordBehaviour}, {@link IssueBehaviour}, {@link TicketBehaviour}, {@link RefreshBehaviour},
 * {@link RefreshModesBehaviour}, {@link RefreshReuseBehaviour}, {@link ConcurrencyBehaviour},
 * {@link RedactionBehaviour}, {@link StoreFailureBehaviour}). A store module runs the suite by extending each topic class and saying how to
 * open a fresh, empty store.
 */
public abstract class EngineBehaviourSuite {
    private Stores stores;
    /** The engine under test, over the store that {@link #openStores()} opened for this test. */
    protected EngineFixture fixture;

    /** A new, empty store. */
    protected abstract Stores openStores() throws Exception;

    /** The stores the engine is given: those {@link #openStores()} opened, or a suite's wrapper of them. */
    protected Stores decorate(Stores opened) {
        return opened;
    }

    /** The stores of this test's engine, for a test that builds an engine of its own over them. */
    protected Stores stores() {
        return stores;
    }

    @BeforeEach
    void openEngine() throws Exception {
        stores = decorate(openStores());
        fixture = new EngineFixture(stores);
    }

    @AfterEach
    void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }
}
