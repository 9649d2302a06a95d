package io.grantsmith.facade.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.grant.SubjectRules;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.registry.ConsentStore;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.registry.UserRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * The built-in authorization server's users, per service, with Argon2id password hashes. Verifying an unknown
 * user costs as much as verifying a known one, so response times do not reveal which usernames exist.
 * Passwords that strangers send are checked with {@link #check}, within {@link PasswordLimits}.
 */
public final class UserDirectory {
    static final int MAX_USERNAME_LENGTH = 255;
    static final int MAX_PASSWORD_LENGTH = 1024;

    private final ServiceRegistry services;
    private final UserRegistry users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final VerificationGate gate;
    private final FailedAttempts attempts;
    /** Made on the first unknown user, not at start: one Argon2id hash costs a cold JVM 0.2-0.7 s. */
    private volatile String decoyHash;

    private volatile ConsentStore consents;

    public UserDirectory(ServiceRegistry services, UserRegistry users, PasswordHasher hasher, Clock clock,
            PasswordLimits limits) {
        this(services, users, hasher, clock,
                new VerificationGate(limits.effectiveVerifications(), limits.verificationWait()),
                new FailedAttempts(limits, clock));
    }

    UserDirectory(ServiceRegistry services, UserRegistry users, PasswordHasher hasher, Clock clock,
            VerificationGate gate, FailedAttempts attempts) {
        this.services = services;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.gate = gate;
        this.attempts = attempts;
    }

    /** The hash an unknown user's password is verified against; two threads may both make it the first time. */
    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash("decoy password, never matches a lookup");
            decoyHash = hash;
        }
        return hash;
    }

    /**
     * Adds a user, or replaces its password and subject when {@code replace} is set (its claims stay).
     *
     * @param subject the subject of tokens issued to the user; null for the username
     * @return false when the user exists and {@code replace} is not set
     */
    public boolean add(long serviceId, String username, String password, String subject, boolean replace) {
        return add(serviceId, username, password, subject, null, replace);
    }

    /**
     * Adds a user with claims, or replaces its password, subject and (when given) claims when {@code replace} is
     * set.
     *
     * @param subject the subject of tokens issued to the user; null for the username
     * @param claims  the user's claims, a JSON object ({@link UserClaims}); null for none, or to keep them when
     *                replacing
     * @return false when the user exists and {@code replace} is not set
     * @throws ApiFailure when a value is invalid, or another user of the service has the subject already (ID
     *                    tokens and userinfo find a user's claims by subject)
     */
    public boolean add(long serviceId, String username, String password, String subject, JsonNode claims,
            boolean replace) {
        requireService(serviceId);
        String effectiveSubject = subject == null ? username : subject;
        validate(username, password, effectiveSubject);
        String checkedClaims = claims == null ? null : UserClaims.checked(claims);
        requireSubjectFree(serviceId, username, effectiveSubject);
        StoredUser user = new StoredUser(serviceId, username, effectiveSubject, hasher.hash(password), clock.instant(),
                checkedClaims == null ? StoredUser.NO_CLAIMS : checkedClaims);
        if (users.insert(user)) {
            return true;
        }
        if (!replace) {
            return false;
        }
        if (checkedClaims == null) {
            user = user.withClaims(users.find(serviceId, username).map(StoredUser::claims).orElse(StoredUser.NO_CLAIMS));
        }
        return users.update(user);
    }

    /**
     * Replaces a user's claims.
     *
     * @param claims a JSON object ({@link UserClaims}); null or {@code {}} for none
     * @return false when the service has no such user
     */
    public boolean setClaims(long serviceId, String username, JsonNode claims) {
        requireService(serviceId);
        return username != null && users.updateClaims(serviceId, username, UserClaims.checked(claims));
    }

    /** The user, with subject and claims (never its password hash to anyone but the directory). */
    public Optional<StoredUser> find(long serviceId, String username) {
        return username == null ? Optional.empty() : users.find(serviceId, username);
    }

    /**
     * Deletes the user and forgets what it allowed clients on the login page, so that a user created later with the
     * same subject starts without consents.
     */
    public boolean remove(long serviceId, String username) {
        Optional<StoredUser> user = find(serviceId, username);
        // consents first: if forgetting fails, the user is still there and the removal can be retried; the other
        // order could leave consents behind for a later user of the same subject
        if (consents != null) {
            user.ifPresent(existing -> consents.forget(serviceId, existing.subject()));
        }
        return users.delete(serviceId, username);
    }

    /** Forget users' consents ({@link #remove}) in {@code store}; without one there are none to forget. */
    public UserDirectory forgettingConsentsIn(ConsentStore store) {
        this.consents = store;
        return this;
    }

    /**
     * Checks a password that a client sent for a user, within the {@link PasswordLimits}: throttled attempts and
     * attempts that find every verification slot taken are refused without verifying anything.
     *
     * @param clientId the authenticated client that sent it (throttling is per client)
     */
    public PasswordCheck check(long serviceId, long clientId, String username, String password) {
        try (PasswordAttempt attempt = begin(serviceId, clientId, username, password)) {
            return attempt.verify();
        }
    }

    /**
     * Starts checking a password, within the {@link PasswordLimits}, without verifying it yet: the attempt is refused
     * when throttled or when every verification slot stays taken; otherwise it holds a slot and counts as failed
     * until {@link PasswordAttempt#verify} finds it right. For callers with work to do between the two (the built-in
     * server writes the grant's ticket), so that a refused attempt costs none of that work.
     *
     * @param clientId the authenticated client that sent it (throttling is per client)
     */
    public PasswordAttempt begin(long serviceId, long clientId, String username, String password) {
        if (!plausible(username, password)) {
            // no user has such credentials: nothing to verify, nothing to count
            return PasswordAttempt.refused(PasswordCheck.REJECTED);
        }
        Optional<PasswordCheck.Throttled> throttled = attempts.peek(serviceId, clientId, username);
        if (throttled.isPresent()) {
            return PasswordAttempt.refused(throttled.get());
        }
        if (!gate.enter()) {
            return PasswordAttempt.refused(new PasswordCheck.Busy(VerificationGate.RETRY_AFTER));
        }
        throttled = attempts.begin(serviceId, clientId, username);
        if (throttled.isPresent()) {
            gate.leave();
            return PasswordAttempt.refused(throttled.get());
        }
        return PasswordAttempt.admitted(this, serviceId, clientId, username, password, gate);
    }

    /** The verification of an admitted attempt (its slot held, the attempt counted). */
    PasswordCheck verify(long serviceId, long clientId, String username, String password) {
        Optional<String> subject = authenticate(serviceId, username, password);
        if (subject.isEmpty()) {
            return PasswordCheck.REJECTED;
        }
        attempts.succeeded(serviceId, clientId, username);
        return new PasswordCheck.Accepted(subject.get());
    }

    /**
     * The subject of the user when the password is right; empty otherwise (unknown user included). This is the
     * bare verification, without the limits of {@link #check}: for callers that bound it themselves.
     */
    public Optional<String> authenticate(long serviceId, String username, String password) {
        if (!plausible(username, password)) {
            return Optional.empty();
        }
        Optional<StoredUser> user = users.find(serviceId, username);
        if (user.isEmpty()) {
            hasher.verify(password, decoyHash());
            return Optional.empty();
        }
        return hasher.verify(password, user.get().passwordHash()) ? Optional.of(user.get().subject())
                : Optional.empty();
    }

    private void requireService(long serviceId) {
        if (services.find(serviceId).isEmpty()) {
            throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId);
        }
    }

    private void requireSubjectFree(long serviceId, String username, String subject) {
        Optional<StoredUser> holder = users.findBySubject(serviceId, subject);
        if (holder.isPresent() && !holder.get().username().equals(username)) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "Another user of the service has the subject '"
                    + Quoted.of(subject) + "'; each user needs a subject of its own.");
        }
    }

    /** Within the limits every stored user satisfies; longer values are refused without hashing them. */
    private static boolean plausible(String username, String password) {
        return username != null && password != null && username.length() <= MAX_USERNAME_LENGTH
                && password.length() <= MAX_PASSWORD_LENGTH;
    }

    private static void validate(String username, String password, String subject) {
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME_LENGTH
                || username.chars().anyMatch(Character::isISOControl)) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE,
                    "A username has 1 to " + MAX_USERNAME_LENGTH + " characters and no control characters.");
        }
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE,
                    "A password has 1 to " + MAX_PASSWORD_LENGTH + " characters.");
        }
        // the engine's own rule: a user whose subject it would refuse could never be issued a token
        if (!SubjectRules.isValid(subject)) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "A subject has 1 to " + SubjectRules.MAX_LENGTH
                    + " printable ASCII characters (give --subject when the username is not ASCII).");
        }
    }
}
