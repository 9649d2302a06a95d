package io.grantsmith.facade.login;

import java.util.Optional;

/**
 * A user logged in at the built-in authorization server, as its session cookie holds it (sealed, so the browser
 * can neither read nor alter it). Sessions are per service: each service's cookie has a name of its own.
 *
 * @param serviceId the service the user logged in at
 * @param subject   the user's subject
 * @param authTime  when the user entered the password (epoch seconds): ID tokens' {@code auth_time}
 * @param expiresAt when the cookie stops being accepted (epoch seconds)
 */
public record BrowserSession(long serviceId, String subject, long authTime, long expiresAt) {
    private static final String PURPOSE = "session";

    String seal(LoginSeal seal) {
        // the subject is printable ASCII without spaces (SubjectRules), so a space separates unambiguously
        return seal.seal(PURPOSE, serviceId + " " + authTime + " " + expiresAt + " " + subject);
    }

    /** The session in {@code cookie} when it is this service's and still valid at {@code now}; else empty. */
    static Optional<BrowserSession> open(LoginSeal seal, String cookie, long serviceId, long now) {
        return seal.open(PURPOSE, cookie).flatMap(plain -> {
            String[] parts = plain.split(" ", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                BrowserSession session = new BrowserSession(Long.parseLong(parts[0]), parts[3],
                        Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                return session.serviceId == serviceId && now < session.expiresAt ? Optional.of(session)
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
