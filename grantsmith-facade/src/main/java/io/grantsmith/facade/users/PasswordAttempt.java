package io.grantsmith.facade.users;

import java.util.Optional;

/**
 * A password attempt started within the {@link PasswordLimits} ({@link UserDirectory#begin}): either refused
 * unchecked (throttled, or every verification slot busy), or admitted, holding a verification slot and counted as
 * failed until {@link #verify} says otherwise. Taking the slot before the grant's ticket is written lets a refused
 * attempt cost nothing but the refusal. Close it in every case: an admitted attempt that is never verified (the ticket
 * could not be written) gives its slot back then.
 */
public final class PasswordAttempt implements AutoCloseable {
    private final UserDirectory directory;
    private final PasswordCheck refusal;
    private final long serviceId;
    private final long clientId;
    private final String username;
    private final String password;
    private VerificationGate slot;

    private PasswordAttempt(UserDirectory directory, PasswordCheck refusal, long serviceId, long clientId,
            String username, String password, VerificationGate slot) {
        this.directory = directory;
        this.refusal = refusal;
        this.serviceId = serviceId;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.slot = slot;
    }

    static PasswordAttempt refused(PasswordCheck refusal) {
        return new PasswordAttempt(null, refusal, 0, 0, null, null, null);
    }

    static PasswordAttempt admitted(UserDirectory directory, long serviceId, long clientId, String username,
            String password, VerificationGate slot) {
        return new PasswordAttempt(directory, null, serviceId, clientId, username, password, slot);
    }

    /** {@link PasswordCheck.Throttled}, {@link PasswordCheck.Busy} or {@link PasswordCheck#REJECTED} when refused. */
    public Optional<PasswordCheck> refusal() {
        return Optional.ofNullable(refusal);
    }

    /**
     * Verifies the password of an admitted attempt and gives its slot back.
     *
     * @return {@link PasswordCheck.Accepted} or {@link PasswordCheck.Rejected}; the refusal when not admitted
     */
    public PasswordCheck verify() {
        if (refusal != null) {
            return refusal;
        }
        if (slot == null) {
            throw new IllegalStateException("the attempt was verified or closed already");
        }
        try {
            return directory.verify(serviceId, clientId, username, password);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        VerificationGate held = slot;
        slot = null;
        if (held != null) {
            held.leave();
        }
    }
}
