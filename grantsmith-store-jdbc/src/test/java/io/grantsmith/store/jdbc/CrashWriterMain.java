package io.grantsmith.store.jdbc;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.testkit.Records;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The child process of {@link CrashDurabilityTest}: writes tokens from several threads and prints a line for
 * each one only after the store acknowledged it ({@code a <key>:<hash>} for an access token, {@code g <access>
 * <refresh>} for a grant). It never closes the store: it runs until it is killed, or gives up after a while in
 * case its parent died.
 */
public final class CrashWriterMain {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final long GIVE_UP_MILLIS = 30_000;

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        JdbcStores stores = TestStores.open(file);
        for (int i = 0; i < threads; i++) {
            boolean grants = i % 2 == 1;
            Thread writer = new Thread(() -> {
                while (true) {
                    String acknowledged = grants ? saveGrant(stores) : saveAccessToken(stores);
                    synchronized (out) {
                        out.println(acknowledged);
                        out.flush();
                    }
                }
            });
            writer.setDaemon(true);
            writer.start();
        }
        Thread.sleep(GIVE_UP_MILLIS);
        System.exit(2);
    }

    private static String saveAccessToken(JdbcStores stores) {
        AccessTokenRecord token = Records.accessToken(NOW, HOUR, null);
        require(stores.tokens().saveAccessToken(token));
        return "a " + token.key() + ":" + token.hash().toBase64Url();
    }

    private static String saveGrant(JdbcStores stores) {
        FamilyId family = FamilyId.random();
        AccessTokenRecord access = Records.accessToken(NOW, HOUR, family);
        RefreshTokenRecord refresh = Records.refreshToken(NOW, HOUR, family);
        require(stores.tokens().saveGrant(access, refresh));
        return "g " + access.key() + ":" + access.hash().toBase64Url() + " " + refresh.key() + ":"
                + refresh.hash().toBase64Url();
    }

    private static void require(SaveOutcome outcome) {
        if (outcome != SaveOutcome.SAVED) {
            throw new IllegalStateException("unexpected " + outcome);
        }
    }
}
