package io.grantsmith.store.jdbc;

import io.grantsmith.registry.ConsentStore;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Consents as one row per (service, subject, client, scope). A grant inserts each scope with a conditional insert
 * (an existing row only has its time refreshed), so concurrent grants add up on any database without reading first.
 */
final class JdbcConsentStore implements ConsentStore {
    private static final String GET = "SELECT scope FROM consents WHERE service_id = ? AND subject = ? "
            + "AND client_id = ?";
    private static final String PUT = "INSERT INTO consents (service_id, subject, client_id, scope, granted_at) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (service_id, subject, client_id, scope) DO UPDATE SET "
            + "granted_at = excluded.granted_at";

    private static final String FORGET = "DELETE FROM consents WHERE service_id = ? AND subject = ?";

    private final StoreWriter writer;
    private final ReadPool reads;

    JdbcConsentStore(StoreWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public Set<String> granted(long serviceId, String subject, long clientId) {
        return Set.copyOf(reads.all("getConsent", GET, key(serviceId, subject, clientId),
                row -> row.getString("scope")));
    }

    @Override
    public void grant(long serviceId, String subject, long clientId, Collection<String> scopes, long grantedAt) {
        Set<String> distinct = new TreeSet<>(scopes);
        writer.submit("grantConsent", context -> {
            for (String scope : distinct) {
                context.update(PUT, key(serviceId, subject, clientId).text(scope).integer(grantedAt));
            }
            return null;
        });
    }

    @Override
    public void forget(long serviceId, String subject) {
        writer.submit("forgetConsents", context -> context.update(FORGET,
                Params.of().integer(serviceId).text(subject)));
    }

    private static Params key(long serviceId, String subject, long clientId) {
        return Params.of().integer(serviceId).text(subject).integer(clientId);
    }
}
