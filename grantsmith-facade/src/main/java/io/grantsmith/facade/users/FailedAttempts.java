package io.grantsmith.facade.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grantsmith.core.error.ResultCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Throttles password guessing at the built-in authorization server, on two keys:
 *
 * <ul>
 * <li>per (service, client, username): a number of failed attempts in a row go free, then each further attempt
 * must wait a backoff that starts at one second and doubles up to a short maximum. The key includes the
 * client, so that an attacker who knows a username but uses another client cannot lock its owner out of the
 * client the owner uses; the maximum is short, so that a lock-out ends soon after the attacker stops.
 * Usernames that do not exist are throttled exactly like those that do, so throttling reveals nothing.</li>
 * <li>per (service, client): a token bucket of failed attempts per minute, against guessing one password
 * across many usernames.</li>
 * </ul>
 *
 * <p>An attempt is counted as failed when it starts, before its password is verified, so that concurrent
 * attempts cannot slip past the count; a success then clears the username's streak and gives the client's
 * token back. Attempts refused while throttled are not counted. Both tables are bounded (by weight and by
 * count) and forget idle keys.</p>
 */
final class FailedAttempts {
    /** Streaks end this long after the last counted attempt, whatever their length. */
    static final Duration STREAK_MEMORY = Duration.ofMinutes(15);
    static final long STREAK_WEIGHT = 32L * 1024 * 1024;
    static final long CLIENTS = 100_000;
    private static final long MINUTE_MILLIS = 60_000;
    private static final long FIRST_BACKOFF_MILLIS = 1_000;

    private record UserKey(long serviceId, long clientId, String username) {
    }

    private record ClientKey(long serviceId, long clientId) {
    }

    /** Failed attempts in a row and, once past the free ones, when the next attempt may start. */
    private record Streak(int failures, long blockedUntil) {
    }

    /** The client's remaining failed attempts, refilled continuously up to the per-minute figure. */
    private record Allowance(double tokens, long at) {
    }

    private final PasswordLimits limits;
    private final Clock clock;
    private final Cache<UserKey, Streak> streaks;
    private final Cache<ClientKey, Allowance> allowances;

    FailedAttempts(PasswordLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.streaks = Caffeine.newBuilder()
                .maximumWeight(STREAK_WEIGHT)
                .weigher((UserKey key, Streak streak) -> 96 + 2 * key.username().length())
                .expireAfterWrite(limits.maxBackoff().plus(STREAK_MEMORY))
                .build();
        // an allowance untouched for a minute is full again, so forgetting it then loses nothing
        this.allowances = Caffeine.newBuilder().maximumSize(CLIENTS).expireAfterWrite(Duration.ofMinutes(1)).build();
    }

    /** Whether an attempt would be refused now; counts nothing (checked before waiting for a verification slot). */
    Optional<PasswordCheck.Throttled> peek(long serviceId, long clientId, String username) {
        if (!limits.throttle()) {
            return Optional.empty();
        }
        long now = clock.millis();
        Allowance allowance = allowances.getIfPresent(new ClientKey(serviceId, clientId));
        if (allowance != null && refilled(allowance, now) < 1) {
            return throttled(ResultCode.PASSWORD_CLIENT_THROTTLED, untilNextToken(allowance, now));
        }
        Streak streak = streaks.getIfPresent(new UserKey(serviceId, clientId, username));
        if (streak != null && streak.blockedUntil() > now) {
            return throttled(ResultCode.PASSWORD_USER_THROTTLED, streak.blockedUntil() - now);
        }
        return Optional.empty();
    }

    /**
     * Starts an attempt: refuses it when throttled, otherwise counts it as failed until {@link #succeeded} says
     * otherwise.
     */
    Optional<PasswordCheck.Throttled> begin(long serviceId, long clientId, String username) {
        if (!limits.throttle()) {
            return Optional.empty();
        }
        long now = clock.millis();
        ClientKey client = new ClientKey(serviceId, clientId);
        long clientWait = takeToken(client, now);
        if (clientWait > 0) {
            return throttled(ResultCode.PASSWORD_CLIENT_THROTTLED, clientWait);
        }
        long userWait = countAttempt(new UserKey(serviceId, clientId, username), now);
        if (userWait > 0) {
            giveTokenBack(client, now);
            return throttled(ResultCode.PASSWORD_USER_THROTTLED, userWait);
        }
        return Optional.empty();
    }

    /** The attempt started by {@link #begin} succeeded: the username's streak ends, the client's token returns. */
    void succeeded(long serviceId, long clientId, String username) {
        if (!limits.throttle()) {
            return;
        }
        streaks.invalidate(new UserKey(serviceId, clientId, username));
        giveTokenBack(new ClientKey(serviceId, clientId), clock.millis());
    }

    /** @return 0 when a token was taken, else the milliseconds until one is back */
    private long takeToken(ClientKey key, long now) {
        long[] wait = {0};
        allowances.asMap().compute(key, (k, old) -> {
            double tokens = old == null ? limits.clientFailuresPerMinute() : refilled(old, now);
            if (tokens < 1) {
                wait[0] = untilNextToken(new Allowance(tokens, now), now);
                return new Allowance(tokens, now);
            }
            return new Allowance(tokens - 1, now);
        });
        return wait[0];
    }

    private void giveTokenBack(ClientKey key, long now) {
        allowances.asMap().computeIfPresent(key, (k, old) ->
                new Allowance(Math.min(refilled(old, now) + 1, limits.clientFailuresPerMinute()), now));
    }

    /** @return 0 when the attempt may start (and is now counted), else the milliseconds until it may */
    private long countAttempt(UserKey key, long now) {
        long[] wait = {0};
        streaks.asMap().compute(key, (k, old) -> {
            if (old != null && old.blockedUntil() > now) {
                wait[0] = old.blockedUntil() - now;
                return old;
            }
            int failures = old == null ? 1 : old.failures() + 1;
            int beyond = failures - limits.userFailures();
            return new Streak(failures, beyond > 0 ? now + backoffMillis(beyond) : 0);
        });
        return wait[0];
    }

    /** One second for the first attempt beyond the free ones, doubling for each further one, up to the maximum. */
    private long backoffMillis(int beyond) {
        long doubled = FIRST_BACKOFF_MILLIS << Math.min(beyond - 1, 30);
        return Math.min(doubled, limits.maxBackoff().toMillis());
    }

    private double refilled(Allowance allowance, long now) {
        double perMilli = limits.clientFailuresPerMinute() / (double) MINUTE_MILLIS;
        double tokens = allowance.tokens() + Math.max(0, now - allowance.at()) * perMilli;
        return Math.min(tokens, limits.clientFailuresPerMinute());
    }

    private long untilNextToken(Allowance allowance, long now) {
        double missing = 1 - refilled(allowance, now);
        return Math.max(1, (long) Math.ceil(missing * MINUTE_MILLIS / limits.clientFailuresPerMinute()));
    }

    private static Optional<PasswordCheck.Throttled> throttled(ResultCode code, long waitMillis) {
        return Optional.of(new PasswordCheck.Throttled(code, Duration.ofMillis(waitMillis)));
    }
}
