package io.grantsmith.core.spi;

/**
 * How fast one service may have tokens issued. The engine asks once per token request of an authenticated
 * client, just before the grant is processed and anything is stored, so that requests refused earlier (an
 * unknown client, a wrong secret, a malformed body) cost nothing: strangers cannot spend a service's allowance.
 * It is asked on the hot path of every token request: implementations must be cheap and should not allocate.
 */
@FunctionalInterface
public interface IssuanceLimit {
    /** No limit. */
    IssuanceLimit UNLIMITED = () -> 0;

    /**
     * Takes one permit.
     *
     * @return 0 when the permit was granted; otherwise nothing was taken and the result is how many nanoseconds
     *         remain until one will be free
     */
    long tryAcquire();
}
