import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.core.token.TokenIds;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import io.grantsmith.store.jdbc.JdbcStores;
import io.grantsmith.store.jdbc.SealingKey;
import io.grantsmith.store.jdbc.SqliteSettings;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * How the SQLite store's token tables take growth with time-ordered family IDs (what {@code TokenValues.newFamily}
 * mints) against random ones (what families were before, {@code FamilyId.random()}): grants written through the
 * store's own API ({@code saveGrantAsync}: a grant row, its refresh token and its access token, in the group
 * writer's batches, {@code synchronous=FULL}) into a fresh database until it holds ROWS grants, once per kind, back
 * to back. Printed per tenth of the growth and at the end: grants/s, bytes this process wrote per grant (what
 * reached the block layer, {@code write_bytes} of /proc/self/io, and what SQLite passed to write(2), {@code wchar}),
 * the file sizes, and ordered ÷ random. Only the family differs: token keys increase and token hashes are random in
 * both, as the server makes them. Bounded: a kind stops after MAX_SECONDS, and the ratios then compare the tenths
 * both reached.
 *
 * <p>Then (unless CODE_ROWS=0) the authorization codes. A code lives at most its lifetime (600 s by default) before
 * the janitor deletes it, so the table stays near rate × lifetime rows; CODE_ROWS (600000: 1,000 codes/s for 600 s)
 * codes are saved through {@code saveAuthorizationCode} from CODE_THREADS (64) threads (it blocks, so the threads make
 * the group writer's batches) into a fresh database, once per CODE_MODES kind, after an unmeasured warm-up of
 * CODE_WARMUP (100000) codes of each kind (JIT) on a database of its own:
 * <ul>
 * <li>{@code random}: a random value without a row key, found by the hash of the value, which is random (what codes
 * were before migration V12, and how a jar from before V12 saves every code; on a V12 schema such a row is a legacy
 * row, in the partial hash index);</li>
 * <li>{@code keyed}: a value minted as the engine mints codes since V12 ({@code TokenValues.newToken}: an increasing
 * row key and 256 random bits), saved with its key, so its row is appended to the {@code token_key} index (skipped
 * with a note on a jar from before V12, whose codes have no key).</li>
 * </ul>
 * Printed per tenth: codes/s and bytes written per code; then the last tenth ÷ the first, and keyed ÷ random per tenth.
 * To compare two builds (before and after V12), run {@code KINDS=codes} with each jar in turn, interleaved. Tickets
 * have the same shape (a table bounded by the ticket lifetime, the same index).
 *
 * <pre>
 * nice -n 19 mvn -B -o -q -DskipTests package -pl grantsmith-server -am
 * flock /work/bench.lock java -cp grantsmith-server/target/grantsmith.jar bench/StoreGrowthBench.java
 * </pre>
 *
 * Env: ROWS (2000000; 10000000 for the long take), IN_FLIGHT (2048 writes waiting at once; the queue holds 4096),
 * MAX_SECONDS (220 per kind), WARMUP_ROWS (100000 of each kind first, not measured), KINDS ("grants codes"), DIR (a
 * temporary directory; on the disk to be measured, not tmpfs), CODE_ROWS (600000), CODE_THREADS (64), CODE_MODES
 * ("random keyed"), CODE_WARMUP (100000).
 */
public class StoreGrowthBench {
    private static final int TENTHS = 10;

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(env("ROWS", "2000000"));
        int inFlight = Integer.parseInt(env("IN_FLIGHT", "2048"));
        long maxNanos = Duration.ofSeconds(Long.parseLong(env("MAX_SECONDS", "220"))).toNanos();
        Path parent = Path.of(env("DIR", System.getProperty("java.io.tmpdir")));
        String kinds = env("KINDS", "grants codes");
        System.out.printf("# StoreGrowthBench %s: %,d grants per kind, %d in flight, %s codes; at most %d s per kind; "
                + "load average %s%n", kinds, rows, inFlight, env("CODE_ROWS", "600000"), maxNanos / 1_000_000_000L,
                loadAverage());
        if (kinds.contains("grants")) {
            grants(rows, inFlight, maxNanos, parent);
        }
        long codeRows = Long.parseLong(env("CODE_ROWS", "600000"));
        if (kinds.contains("codes") && codeRows > 0) {
            int threads = Integer.parseInt(env("CODE_THREADS", "64"));
            List<String> modes = new ArrayList<>(List.of(env("CODE_MODES", "random keyed").trim().split("\\s+")));
            if (!KEYED_CODES && modes.remove("keyed")) {
                System.out.println("# keyed: skipped, this jar's codes carry no row key (from before V12)");
            }
            long warmUp = Long.parseLong(env("CODE_WARMUP", "100000"));
            if (warmUp > 0) {
                System.out.printf("# codes warm-up: %,d codes of each kind, not measured%n", warmUp);
                for (String mode : modes) {
                    growCodes(null, mode.equals("keyed"), warmUp, threads, maxNanos, parent);
                }
            }
            System.out.printf("# codes: %s; load average %s%n", KEYED_CODES ? "this jar keys codes (V12)"
                    : "this jar's codes have no key (before V12)", loadAverage());
            List<List<Tenth>> takes = new ArrayList<>();
            for (String mode : modes) {
                List<Tenth> take = growCodes("codes " + mode, mode.equals("keyed"), codeRows, threads, maxNanos,
                        parent);
                takes.add(take);
                Tenth first = take.get(0);
                Tenth last = take.get(take.size() - 1);
                System.out.printf("codes %s, last tenth ÷ first (to %,d codes): rate %.2f  write_bytes %.2f  wchar "
                        + "%.2f%n", mode, last.grants, last.rate() / first.rate(),
                        last.writeBytesPerGrant() / first.writeBytesPerGrant(),
                        last.wcharPerGrant() / first.wcharPerGrant());
            }
            if (modes.equals(List.of("random", "keyed"))) {
                List<Tenth> random = takes.get(0);
                List<Tenth> keyed = takes.get(1);
                System.out.println("# codes keyed ÷ random, per tenth both reached");
                for (int i = 0; i < Math.min(random.size(), keyed.size()); i++) {
                    Tenth k = keyed.get(i);
                    Tenth r = random.get(i);
                    System.out.printf("codes ratio %2d/10 (to %,d codes): rate %.2f  write_bytes %.2f  wchar %.2f%n",
                            i + 1, k.grants, k.rate() / r.rate(), k.writeBytesPerGrant() / r.writeBytesPerGrant(),
                            k.wcharPerGrant() / r.wcharPerGrant());
                }
            }
        }
        System.out.printf("# load average at the end %s%n", loadAverage());
    }

    /** Ordered, then random, each from an empty database, after an unmeasured warm-up (JIT) on a database of its own. */
    private static void grants(long rows, int inFlight, long maxNanos, Path parent) throws Exception {
        long warmUp = Long.parseLong(env("WARMUP_ROWS", "100000"));
        if (warmUp > 0) {
            System.out.printf("# warm-up: %,d grants of each kind, not measured%n", warmUp);
            grow(null, true, warmUp, inFlight, maxNanos, parent);
            grow(null, false, warmUp, inFlight, maxNanos, parent);
        }
        List<Tenth> ordered = grow("ordered", true, rows, inFlight, maxNanos, parent);
        List<Tenth> random = grow("random", false, rows, inFlight, maxNanos, parent);
        int both = Math.min(ordered.size(), random.size());
        System.out.printf("# load average after the grants %s%n", loadAverage());
        System.out.println("# ordered ÷ random, per tenth both reached: grants/s, write_bytes per grant, wchar per grant");
        for (int i = 0; i < both; i++) {
            Tenth o = ordered.get(i);
            Tenth r = random.get(i);
            System.out.printf("ratio %2d/10 (to %,d grants): rate %.2f  write_bytes %.2f  wchar %.2f%n", i + 1, o.grants,
                    o.rate() / r.rate(), o.writeBytesPerGrant() / r.writeBytesPerGrant(),
                    o.wcharPerGrant() / r.wcharPerGrant());
        }
        if (both > 0) {
            Tenth o = total(ordered.subList(0, both));
            Tenth r = total(random.subList(0, both));
            System.out.printf("ratio all (to %,d grants): rate %.2f  write_bytes %.2f  wchar %.2f%n", o.grants,
                    o.rate() / r.rate(), o.writeBytesPerGrant() / r.writeBytesPerGrant(),
                    o.wcharPerGrant() / r.wcharPerGrant());
        }
    }

    /**
     * Grows one fresh database to {@code rows} grants, or as far as it gets in {@code maxNanos}; one entry a tenth.
     * A null {@code kind} prints nothing (the warm-up).
     */
    private static List<Tenth> grow(String kind, boolean timeOrdered, long rows, int inFlight, long maxNanos,
            Path parent) throws Exception {
        Path dir = Files.createTempDirectory(parent, "store-growth-" + (kind == null ? "warm-up" : kind) + "-");
        SecureRandom random = new SecureRandom();
        AtomicLong keys = new AtomicLong();
        List<Tenth> tenths = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (JdbcStores stores = JdbcStores.openSqlite(
                SqliteSettings.defaults(dir.resolve("grantsmith.db"), SealingKey.generate(random)))) {
            Semaphore slots = new Semaphore(inFlight);
            long start = System.nanoTime();
            long step = Math.max(1, rows / TENTHS);
            Io before = Io.now();
            long stepStart = start;
            for (long i = 1; i <= rows; i++) {
                slots.acquire();
                Instant now = Instant.now();
                FamilyId family = timeOrdered ? FamilyId.timeOrdered(now.toEpochMilli(), random) : FamilyId.random();
                RefreshTokenRecord refresh = refresh(now, family, keys.incrementAndGet(), random);
                stores.tokens().saveGrantAsync(access(now, family, keys.incrementAndGet(), random), refresh)
                        .whenComplete((outcome, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                            slots.release();
                        });
                if (failure.get() != null) {
                    throw new IllegalStateException("a write failed", failure.get());
                }
                if (i % step == 0 || i == rows) {
                    slots.acquire(inFlight); // every write of this tenth committed: its bytes are in the counters
                    slots.release(inFlight);
                    long end = System.nanoTime();
                    Io after = Io.now();
                    Tenth tenth = new Tenth(i, i - (tenths.isEmpty() ? 0 : tenths.get(tenths.size() - 1).grants),
                            end - stepStart, after.writeBytes - before.writeBytes, after.wchar - before.wchar);
                    tenths.add(tenth);
                    if (kind != null) {
                        System.out.printf("%s %2d/10: %,d grants, %,.0f grants/s, %,.0f B write_bytes and %,.0f B wchar "
                                + "per grant, files %,d MiB%n", kind, tenths.size(), i, tenth.rate(),
                                tenth.writeBytesPerGrant(), tenth.wcharPerGrant(), size(dir) >> 20);
                    }
                    before = after;
                    stepStart = end;
                    if (end - start > maxNanos && i < rows) {
                        if (kind != null) {
                            System.out.printf("%s: stopped after %d s at %,d grants (MAX_SECONDS)%n", kind,
                                    (end - start) / 1_000_000_000L, i);
                        }
                        break;
                    }
                }
            }
            Tenth all = total(tenths);
            if (kind != null) {
                System.out.printf("%s all: %,d grants in %.1f s, %,.0f grants/s, %,.0f B write_bytes and %,.0f B wchar "
                        + "per grant%n", kind, all.grants, all.nanos / 1e9, all.rate(), all.writeBytesPerGrant(),
                        all.wcharPerGrant());
            }
        } finally {
            delete(dir);
        }
        return tenths;
    }

    /** Whether this jar's codes carry a row key (V12 on): {@code AuthorizationCode}'s first component is its key. */
    private static final boolean KEYED_CODES = AuthorizationCode.class.getRecordComponents()[0].getName().equals("key");

    /**
     * Saves {@code rows} authorization codes into a fresh database from {@code threads} threads; one entry a tenth
     * (nothing printed when {@code kind} is null: a warm-up). {@code keyed}: values minted as the engine mints codes
     * since V12, saved with their key; otherwise random values without one.
     */
    private static List<Tenth> growCodes(String kind, boolean keyed, long rows, int threads, long maxNanos,
            Path parent) throws Exception {
        Path dir = Files.createTempDirectory(parent, "store-growth-codes-");
        SecureRandom random = new SecureRandom();
        TokenValues values = new TokenValues(random, new TokenIds(Clock.systemUTC(), NodeIdSource.fixed(1)));
        List<Tenth> tenths = new ArrayList<>();
        RequestedAuthorization request = RequestedAuthorization.builder().clientId(5001, false)
                .redirectUri("https://client.example/cb", false).scopes(Scopes.of("openid", "read")).build();
        UserApproval approval = new UserApproval("alice", null, null, null, null, List.of());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (JdbcStores stores = JdbcStores.openSqlite(
                SqliteSettings.defaults(dir.resolve("grantsmith.db"), SealingKey.generate(random)))) {
            long start = System.nanoTime();
            long step = Math.max(threads, rows / TENTHS / threads * threads);
            long saved = 0;
            while (tenths.size() < TENTHS && saved < rows) {
                Io before = Io.now();
                long stepStart = System.nanoTime();
                List<Callable<Void>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(() -> {
                        for (long i = 0; i < step / threads; i++) {
                            Instant now = Instant.now();
                            AuthorizationCode code;
                            if (keyed) {
                                TokenValue value = values.newToken();
                                code = code(value.key(), value.hash(), request, approval, now);
                            } else {
                                code = code(0, TokenHasher.hash(secret(random)), request, approval, now);
                            }
                            stores.authorizationCodes().saveAuthorizationCode(code);
                        }
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(work)) {
                    done.get(); // a failed save fails the bench
                }
                long end = System.nanoTime();
                Io after = Io.now();
                saved += step;
                Tenth tenth = new Tenth(saved, step, end - stepStart, after.writeBytes - before.writeBytes,
                        after.wchar - before.wchar);
                tenths.add(tenth);
                if (kind != null) {
                    System.out.printf("%s %2d/10: %,d codes, %,.0f codes/s, %,.0f B write_bytes and %,.0f B wchar "
                            + "per code, files %,d MiB%n", kind, tenths.size(), saved, tenth.rate(),
                            tenth.writeBytesPerGrant(), tenth.wcharPerGrant(), size(dir) >> 20);
                }
                if (end - start > maxNanos && saved < rows) {
                    System.out.printf("%s: stopped after %d s at %,d codes (MAX_SECONDS)%n", kind,
                            (end - start) / 1_000_000_000L, saved);
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
            delete(dir);
        }
        return tenths;
    }

    /**
     * A code as this jar's record takes it: with its key first from V12 on, without one before (the same source
     * then runs against a jar from either side of the migration).
     */
    private static AuthorizationCode code(long key, TokenHash hash, RequestedAuthorization request,
            UserApproval approval, Instant now) throws ReflectiveOperationException {
        Class<?>[] types = Stream.of(AuthorizationCode.class.getRecordComponents()).map(c -> c.getType())
                .toArray(Class<?>[]::new);
        Constructor<AuthorizationCode> canonical = AuthorizationCode.class.getDeclaredConstructor(types);
        return KEYED_CODES
                ? canonical.newInstance(key, hash, 1001L, request, approval, now, now.plusSeconds(600))
                : canonical.newInstance(hash, 1001L, request, approval, now, now.plusSeconds(600));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static GrantRecord grant(Instant now, FamilyId family) {
        return GrantRecord.builder(family).serviceId(1001).clientId(5001).subject("alice")
                .scopes(Scopes.of("openid", "read")).grantType(GrantType.AUTHORIZATION_CODE).authTime(now)
                .createdAt(now).expiresAt(now.plus(Duration.ofDays(30))).build();
    }

    private static RefreshTokenRecord refresh(Instant now, FamilyId family, long key, SecureRandom random) {
        return RefreshTokenRecord.builder(key, TokenHasher.hash(secret(random)), grant(now, family)).issuedAt(now)
                .expiresAt(now.plus(Duration.ofDays(30))).state(RefreshTokenState.ACTIVE).build();
    }

    private static AccessTokenRecord access(Instant now, FamilyId family, long key, SecureRandom random) {
        return AccessTokenRecord.builder(key, TokenHasher.hash(secret(random))).serviceId(1001).clientId(5001)
                .subject("alice").scopes(Scopes.of("openid", "read")).grantType(GrantType.AUTHORIZATION_CODE)
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).family(family).build();
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Tenth total(List<Tenth> tenths) {
        Tenth sum = new Tenth(0, 0, 0, 0, 0);
        for (Tenth t : tenths) {
            sum = new Tenth(t.grants, sum.added + t.added, sum.nanos + t.nanos, sum.writeBytes + t.writeBytes,
                    sum.wchar + t.wchar);
        }
        return sum;
    }

    /** One tenth of the growth: {@code grants} in the database at its end, {@code added} during it. */
    private record Tenth(long grants, long added, long nanos, long writeBytes, long wchar) {
        double rate() {
            return added / (nanos / 1e9);
        }

        double writeBytesPerGrant() {
            return (double) writeBytes / added;
        }

        double wcharPerGrant() {
            return (double) wchar / added;
        }
    }

    /** This process's write counters (Linux): bytes it caused to be written to storage, and bytes it passed to write(2). */
    private record Io(long writeBytes, long wchar) {
        static Io now() throws IOException {
            long writeBytes = 0;
            long wchar = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("write_bytes:")) {
                    writeBytes = Long.parseLong(line.substring(12).trim());
                } else if (line.startsWith("wchar:")) {
                    wchar = Long.parseLong(line.substring(6).trim());
                }
            }
            return new Io(writeBytes, wchar);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
