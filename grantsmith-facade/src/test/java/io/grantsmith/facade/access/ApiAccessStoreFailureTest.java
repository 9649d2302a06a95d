package io.grantsmith.facade.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.SettingsStore;
import io.grantsmith.registry.StoredService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A stored hash that cannot be read (the database is away) fails the call with the API's own server error, a clean
 * answer with its result code, not an exception the edge would report as unexpected.
 */
class ApiAccessStoreFailureTest {
    private static final ServiceRegistry UNREACHABLE_SERVICES = new ServiceRegistry() {
        @Override
        public boolean insert(StoredService service) {
            throw unreachable();
        }

        @Override
        public Optional<StoredService> find(long serviceId) {
            throw unreachable();
        }

        @Override
        public boolean update(StoredService service) {
            throw unreachable();
        }

        @Override
        public boolean delete(long serviceId) {
            throw unreachable();
        }

        @Override
        public List<StoredService> list(int start, int end) {
            throw unreachable();
        }

        @Override
        public int count() {
            throw unreachable();
        }
    };

    private static final SettingsStore UNREACHABLE_SETTINGS = new SettingsStore() {
        @Override
        public Optional<String> get(String key) {
            throw unreachable();
        }

        @Override
        public void put(String key, String value) {
            throw unreachable();
        }
    };

    @Test
    void whenAServiceSecretCannotBeReadThenV3AndV2CallsFailWithTheServerErrorCode() {
        ApiAccess access = new ApiAccess(UNREACHABLE_SERVICES, UNREACHABLE_SETTINGS, TokenHasher.hash("admin"),
                Duration.ofSeconds(2));

        assertServerError(catchThrowableOfType(() -> access.bearer("secret", 7L), ApiFailure.class));
        assertServerError(catchThrowableOfType(() -> access.keyAndSecret("7", "secret"), ApiFailure.class));
        assertThat(access.bearer("admin", 7L)).as("the configured admin token needs no store")
                .isEqualTo(Caller.ADMIN);
    }

    @Test
    void whenTheStoredAdminTokenCannotBeReadThenTheCallFailsWithTheServerErrorCode() {
        ApiAccess access = new ApiAccess(UNREACHABLE_SERVICES, UNREACHABLE_SETTINGS, null, Duration.ofSeconds(2));

        assertServerError(catchThrowableOfType(() -> access.bearer("admin", null), ApiFailure.class));
    }

    private static void assertServerError(ApiFailure failure) {
        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo(ApiResultCode.SERVER_ERROR);
        assertThat(failure.code().httpStatus()).isEqualTo(500);
        assertThat(failure.resultMessage("/auth/token")).startsWith("[A001101] /auth/token");
    }

    private static StoreException unreachable() {
        return new StoreException("findService failed");
    }
}
