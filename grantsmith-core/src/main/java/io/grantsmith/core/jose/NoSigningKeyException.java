package io.grantsmith.core.jose;

/**
 * The service has no current key for the algorithm asked for: it has no keys at all, or none of that algorithm
 * (keys of another algorithm, or only a next or retired one). A configuration problem of the service, not of the
 * request: callers report it as a server-side error and the operator adds or rotates a key.
 */
public final class NoSigningKeyException extends RuntimeException {
    private final long serviceId;
    private final SigningAlgorithm algorithm;

    public NoSigningKeyException(long serviceId, SigningAlgorithm algorithm) {
        super("the service " + serviceId + " has no current " + algorithm.wireName() + " signing key", null,
                false, false);
        this.serviceId = serviceId;
        this.algorithm = algorithm;
    }

    public long serviceId() {
        return serviceId;
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }
}
