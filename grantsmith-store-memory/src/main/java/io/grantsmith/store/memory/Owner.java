package io.grantsmith.store.memory;

/**
 * A deleted client, or a whole deleted service: whose tokens, tickets, codes and consents go with it.
 *
 * @param clientId the client, or 0 for every client of the service
 */
record Owner(long serviceId, long clientId) {
    static Owner client(long serviceId, long clientId) {
        return new Owner(serviceId, clientId);
    }

    static Owner service(long serviceId) {
        return new Owner(serviceId, 0);
    }

    boolean owns(long serviceId, long clientId) {
        return this.serviceId == serviceId && (this.clientId == 0 || this.clientId == clientId);
    }
}
