package io.grantsmith.facade.access;

/**
 * Who made an API call: the administrator (admin token, any service) or one service (its own credentials).
 *
 * @param serviceId the service the credentials belong to; 0 for the administrator
 */
public record Caller(boolean admin, long serviceId) {
    public static final Caller ADMIN = new Caller(true, 0);

    public static Caller service(long serviceId) {
        return new Caller(false, serviceId);
    }
}
