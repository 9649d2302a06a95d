package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.store.memory.MemoryStores;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the management documents (docs/TESTING.md): a service or client document is
 * accepted, or refused with an {@link ApiFailure} that carries a 4xx result code; never another exception. What
 * is accepted must be usable: it reads back, and the engine answers a token request for it without an
 * unexpected error.
 *
 * <p>Input: the first byte chooses the call ({@code '0'} create a service, {@code '1'} update one, {@code '2'}
 * create a client, {@code '3'} update one); the rest is the JSON document. Bytes that are not JSON are the HTTP
 * edge's business (fuzzed by the server's {@code ApiJsonFuzzTest}) and are skipped here.
 */
class ManagementDocumentsFuzzTest {
    private static final String SERVICE = "{\"serviceName\":\"fuzz\",\"supportedScopes\":[{\"name\":\"read\",\"defaultEntry\":true}]}";
    private static final String CLIENT = "{\"clientName\":\"fuzz\",\"grantTypes\":[\"CLIENT_CREDENTIALS\"]}";

    private static Grantsmith grantsmith;

    @BeforeAll
    static void open() {
        grantsmith = Grantsmith.builder().stores(new MemoryStores()).build();
    }

    @AfterAll
    static void close() {
        grantsmith.close();
    }

    @FuzzTest(maxDuration = "30s")
    void whenAnyDocumentIsSubmittedThenItIsAcceptedAndUsableOrRefusedWithAResultCode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        JsonNode document;
        try {
            document = WireJson.mapper().readTree(Arrays.copyOfRange(input, 1, input.length));
        } catch (IOException e) {
            return; // not JSON, or not in an encoding JSON may use
        }
        switch (input[0]) {
            case '0' -> serviceCreated(document);
            case '1' -> serviceUpdated(document);
            case '2' -> clientCreated(document);
            case '3' -> clientUpdated(document);
            default -> { }
        }
    }

    private static void serviceCreated(JsonNode document) {
        ObjectNode service = accepted(() -> grantsmith.services().create(document));
        if (service != null) {
            long serviceId = service.get("apiKey").asLong();
            assertUsable(serviceId, grantsmith.clients().create(serviceId, json(CLIENT)));
            grantsmith.services().delete(serviceId);
        }
    }

    private static void serviceUpdated(JsonNode document) {
        long serviceId = grantsmith.services().create(json(SERVICE)).get("apiKey").asLong();
        ObjectNode client = grantsmith.clients().create(serviceId, json(CLIENT));
        if (accepted(() -> grantsmith.services().update(serviceId, document)) != null) {
            assertUsable(serviceId, client);
        }
        grantsmith.services().delete(serviceId);
    }

    private static void clientCreated(JsonNode document) {
        long serviceId = grantsmith.services().create(json(SERVICE)).get("apiKey").asLong();
        ObjectNode client = accepted(() -> grantsmith.clients().create(serviceId, document));
        if (client != null) {
            assertUsable(serviceId, client);
        }
        grantsmith.services().delete(serviceId);
    }

    private static void clientUpdated(JsonNode document) {
        long serviceId = grantsmith.services().create(json(SERVICE)).get("apiKey").asLong();
        ObjectNode client = grantsmith.clients().create(serviceId, json(CLIENT));
        long clientId = client.get("clientId").asLong();
        ObjectNode updated = accepted(() -> grantsmith.clients().update(serviceId, clientId, document));
        if (updated != null) {
            assertUsable(serviceId, updated);
        }
        grantsmith.services().delete(serviceId);
    }

    /** The call's answer, or null when it refused the document as a client error should be refused. */
    private static ObjectNode accepted(Supplier<ObjectNode> call) {
        try {
            return call.get();
        } catch (ApiFailure failure) {
            assertThat(failure.code().httpStatus()).as(failure.resultMessage("/fuzz")).isBetween(400, 499);
            assertThat(failure.resultMessage("/fuzz")).startsWith("[" + failure.code().code() + "] /fuzz, ");
            return null;
        }
    }

    /** The service and client read back, and a token request of the client gets an ordinary answer. */
    private static void assertUsable(long serviceId, ObjectNode client) {
        String clientId = client.get("clientId").asText();
        assertThat(grantsmith.services().get(serviceId).get("apiKey").asLong()).isEqualTo(serviceId);
        assertThat(grantsmith.clients().get(serviceId, clientId).get("clientId").asText()).isEqualTo(clientId);
        JsonNode secret = client.get("clientSecret");
        TokenResponse response = grantsmith.tokens().token(serviceId, new TokenRequest()
                .setParameters("grant_type=client_credentials").setClientId(clientId)
                .setClientSecret(secret == null || secret.isNull() ? null : secret.asText()));
        assertThat(response.getAction()).isNotNull();
        assertThat(response.getResultCode()).as(response.getResultMessage())
                .isNotEqualTo(ResultCode.UNEXPECTED_ERROR.code());
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
