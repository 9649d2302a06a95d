package io.grantsmith.facade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.FastSigningKeys;
import io.grantsmith.testkit.MutableClock;
import java.util.Base64;
import java.util.function.UnaryOperator;

/** A Grantsmith over the in-memory store with a hand-moved clock, and JSON helpers. */
final class FacadeFixture implements AutoCloseable {
    static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    final MutableClock clock = MutableClock.atFixedStart();
    final Grantsmith grantsmith;

    FacadeFixture() {
        this(UnaryOperator.identity());
    }

    /** @param settings changes to the builder's defaults, e.g. {@code b -> b.maxClientsPerService(2)} */
    FacadeFixture(UnaryOperator<Grantsmith.Builder> settings) {
        grantsmith = settings.apply(Grantsmith.builder()
                .stores(new MemoryStores())
                .clock(clock)
                .adminToken(ADMIN_TOKEN)
                .keyGenerator(new FastSigningKeys())).build();
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode parse(String text) {
        return json(text);
    }

    /** Creates a service with scopes {@code read} (default) and {@code write}; returns its view. */
    ObjectNode service(String extraMembers) {
        return grantsmith.services().create(json("{\"serviceName\":\"demo\",\"supportedScopes\":["
                + "{\"name\":\"read\",\"defaultEntry\":true},{\"name\":\"write\"}]" + extraMembers + "}"));
    }

    ObjectNode client(long serviceId, String members) {
        return grantsmith.clients().create(serviceId, json("{" + members + "}"));
    }

    static TokenRequest basic(String parameters, ObjectNode client) {
        return new TokenRequest().setParameters(parameters)
                .setClientId(client.get("clientId").asText())
                .setClientSecret(client.get("clientSecret").asText());
    }

    static String basicHeader(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }

    @Override
    public void close() {
        grantsmith.close();
    }
}
