package io.grantsmith.store.jdbc;

import io.grantsmith.registry.ConsentStore;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Consents as one row per (service, subject, client) whose {@code scopes} are the allowed scope names, sorted and
 * separated by spaces (scope names hold no spaces, RFC 6749 §3.3). A grant reads and rewrites the row in one write
 * operation, so concurrent grants merge instead of overwriting each other.
 */
final class JdbcConsentStore implements ConsentStore {
    private static final String GET = "SELECT scopes FROM consents WHERE service_id = ? AND subject = ? "
            + "AND client_id = ?";
    private static final String PUT = "INSERT INTO consents (service_id, subject, client_id, scopes, granted_at) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (service_id, subject, client_id) DO UPDATE SET "
            + "scopes = excluded.scopes, granted_at = excluded.granted_at";

    private static final String FORGET = "DELETE FROM consents WHERE service_id = ? AND subject = ?";

    private final StoreWriter writer;
    private final ReadPool reads;

    JdbcConsentStore(StoreWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public Set<String> granted(long serviceId, String subject, long clientId) {
        return reads.first("getConsent", GET, key(serviceId, subject, clientId), row -> row.getString("scopes"))
                .map(JdbcConsentStore::split).orElse(Set.of());
    }

    @Override
    public void grant(long serviceId, String subject, long clientId, Collection<String> scopes, long grantedAt) {
        writer.submit("grantConsent", context -> {
            Set<String> union = new TreeSet<>(scopes);
            context.first(GET, key(serviceId, subject, clientId), row -> row.getString("scopes"))
                    .ifPresent(stored -> union.addAll(split(stored)));
            return context.update(PUT, key(serviceId, subject, clientId).text(String.join(" ", union))
                    .integer(grantedAt));
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

    private static Set<String> split(String stored) {
        return stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(" ")));
    }
}
