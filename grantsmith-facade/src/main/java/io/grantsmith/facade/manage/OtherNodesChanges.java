package io.grantsmith.facade.manage;

import io.grantsmith.facade.access.ApiAccess;
import io.grantsmith.jose.ServiceKeyRing;
import io.grantsmith.registry.DirectoryChanges;

/**
 * Drops what this node cached of a service, its clients or its keys when the store reports that another node changed
 * them ({@link DirectoryChanges}): the engine's {@link Directory}, the signing keys and the service's API secret.
 */
public final class OtherNodesChanges implements DirectoryChanges.Listener {
    private final Directory directory;
    private final ServiceKeyRing keyRing;
    private final ApiAccess access;

    public OtherNodesChanges(Directory directory, ServiceKeyRing keyRing, ApiAccess access) {
        this.directory = directory;
        this.keyRing = keyRing;
        this.access = access;
    }

    @Override
    public void serviceChanged(long serviceId) {
        directory.serviceChanged(serviceId);
        access.serviceSecretChanged(serviceId);
        keyRing.invalidate(serviceId); // a deleted service's keys went with it
    }

    @Override
    public void clientsChanged(long serviceId) {
        directory.clientsChanged(serviceId);
    }

    @Override
    public void keysChanged(long serviceId) {
        keyRing.invalidate(serviceId);
    }

    @Override
    public void everythingMayHaveChanged() {
        directory.everythingChanged();
        keyRing.invalidateAll();
        access.everySecretMayHaveChanged(); // a rotated API secret: the old one must not stay valid until recheck
    }
}
