package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.idtoken.IdTokenRequest;
import io.grantsmith.core.idtoken.MintedIdToken;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.users.DirectoryClaims;
import io.grantsmith.facade.users.UserClaims;
import io.grantsmith.store.memory.MemoryStores;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Claims of the built-in users: typed when set, kept apart from passwords, and what ID tokens carry. */
class UserClaimsTest {
    private static final String ALICE = "{\"name\":\"Alice Liddell\",\"email\":\"alice@example.com\","
            + "\"email_verified\":true,\"updated_at\":1700000000,\"address\":{\"country\":\"NZ\"},"
            + "\"name#ja-Kana-JP\":\"アリス\",\"https://example.com/team\":[\"red\",\"blue\"]}";

    private final MemoryStores stores = new MemoryStores();
    private final FacadeFixture fixture = new FacadeFixture(b -> b.stores(stores).publicUrl("https://login.example.com"));
    private final Grantsmith grantsmith = fixture.grantsmith;
    private final long serviceId = fixture.service("").get("apiKey").asLong();

    @AfterEach
    void close() {
        grantsmith.close();
    }

    @Test
    void whenUserIsCreatedWithClaimsThenTheyAreKeptTypedAndFoundBySubject() {
        ObjectNode created = grantsmith.userManagement().create(serviceId, FacadeFixture.json(
                "{\"username\":\"alice\",\"password\":\"correct horse\",\"subject\":\"user-1\",\"claims\":"
                        + ALICE + "}"));

        assertThat(created.get("username").asText()).isEqualTo("alice");
        assertThat(created.get("subject").asText()).isEqualTo("user-1");
        assertThat(created.get("claims")).isEqualTo(FacadeFixture.parse(ALICE));
        assertThat(created.has("password")).isFalse();
        assertThat(created.toString()).doesNotContain("argon2");
        Map<String, Object> claims = new DirectoryClaims(stores.users()).claims(serviceId, "user-1");
        assertThat(claims).containsEntry("name", "Alice Liddell").containsEntry("email_verified", true)
                .containsEntry("updated_at", 1_700_000_000L).containsEntry("address", Map.of("country", "NZ"));
        assertThat(new DirectoryClaims(stores.users()).claims(serviceId, "alice")).isEmpty();
        assertThat(grantsmith.users().authenticate(serviceId, "alice", "correct horse")).contains("user-1");
    }

    @Test
    void whenClaimsAreReplacedThenThePasswordStaysAndAReplacedPasswordKeepsTheClaims() {
        grantsmith.users().add(serviceId, "alice", "correct horse", "user-1", FacadeFixture.parse(ALICE), false);

        ObjectNode updated = grantsmith.userManagement().updateClaims(serviceId,
                FacadeFixture.json("{\"username\":\"alice\",\"claims\":{\"name\":\"Alice\"}}"));
        assertThat(updated.get("claims")).isEqualTo(FacadeFixture.parse("{\"name\":\"Alice\"}"));
        assertThat(grantsmith.users().authenticate(serviceId, "alice", "correct horse")).contains("user-1");

        assertThat(grantsmith.users().add(serviceId, "alice", "battery staple", "user-1", true)).isTrue();
        assertThat(grantsmith.users().find(serviceId, "alice").orElseThrow().claims()).isEqualTo("{\"name\":\"Alice\"}");
        assertThat(grantsmith.users().authenticate(serviceId, "alice", "battery staple")).contains("user-1");

        grantsmith.users().setClaims(serviceId, "alice", null);
        assertThat(grantsmith.userManagement().get(serviceId, "alice").get("claims").size()).isZero();
    }

    @Test
    void whenAnotherUserHasTheSubjectThenTheUserIsRefused() {
        grantsmith.users().add(serviceId, "alice", "pw", "user-1", false);

        assertFailure(() -> grantsmith.users().add(serviceId, "bob", "pw", "user-1", false),
                ApiResultCode.INVALID_VALUE, "Another user of the service has the subject 'user-1'");
        assertFailure(() -> grantsmith.users().add(serviceId, "user-1", "pw", null, false),
                ApiResultCode.INVALID_VALUE, "subject 'user-1'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[]                                | must be a JSON object",
            "{\"email_verified\":\"yes\"}      | 'email_verified' must be true or false",
            "{\"email\":42}                    | 'email' must be a string",
            "{\"name#en\":false}               | 'name#en' must be a string",
            "{\"updated_at\":\"2024-01-01\"}   | 'updated_at' must be a number of seconds",
            "{\"updated_at\":1.5}              | 'updated_at' must be a number of seconds",
            "{\"address\":\"1 Main St\"}       | 'address' must be a JSON object",
            "{\"address\":{\"country\":1}}     | 'country' of the claim 'address' must be a string",
            "{\"sub\":\"someone-else\"}        | 'sub' is set by the server",
            "{\"nonce#x\":\"n\"}               | 'nonce' is set by the server",
            "{\"phone_number\":null}           | is null",
            "{\"\":\"x\"}                      | must not be empty"})
    void whenAClaimHasTheWrongTypeThenItIsRefusedByName(String claims, String message) throws Exception {
        JsonNode document = WireJson.mapper().readTree(claims);

        assertFailure(() -> UserClaims.checked(document), ApiResultCode.INVALID_VALUE, message);
    }

    @Test
    void whenClaimsAreTooLongThenTheyAreRefused() {
        String big = "{\"bio\":\"" + "x".repeat(UserClaims.MAX_LENGTH) + "\"}";

        assertFailure(() -> UserClaims.checked(FacadeFixture.parse(big)), ApiResultCode.INVALID_VALUE,
                "longer than 16384 characters");
    }

    @Test
    void whenUserIsMissingThenManagementSays404AndExisting409() {
        grantsmith.users().add(serviceId, "alice", "pw", null, false);

        assertFailure(() -> grantsmith.userManagement().get(serviceId, "nobody"), ApiResultCode.USER_NOT_FOUND,
                "no user 'nobody'");
        assertFailure(() -> grantsmith.userManagement().updateClaims(serviceId,
                FacadeFixture.json("{\"username\":\"nobody\",\"claims\":{}}")), ApiResultCode.USER_NOT_FOUND, "nobody");
        assertFailure(() -> grantsmith.userManagement().delete(serviceId, "nobody"), ApiResultCode.USER_NOT_FOUND,
                "nobody");
        assertFailure(() -> grantsmith.userManagement().create(serviceId,
                FacadeFixture.json("{\"username\":\"alice\",\"password\":\"pw2\"}")), ApiResultCode.USER_EXISTS,
                "'alice' already");
        assertFailure(() -> grantsmith.userManagement().create(serviceId,
                FacadeFixture.json("{\"username\":\"carol\"}")), ApiResultCode.INVALID_VALUE, "'password'");

        grantsmith.userManagement().delete(serviceId, "alice");
        assertThat(grantsmith.users().find(serviceId, "alice")).isEmpty();
    }

    /** The wiring: the facade's ID token issuer signs with the service's key and fills claims from the directory. */
    @Test
    void whenIdTokenIsIssuedForADirectoryUserThenItCarriesTheScopesClaims() {
        grantsmith.users().add(serviceId, "alice", "pw", "user-1", FacadeFixture.parse(ALICE), false);
        long clientId = fixture.client(serviceId, "\"clientName\":\"app\"").get("clientId").asLong();
        Service service = grantsmith.directory().findService(serviceId).orElseThrow();
        Client client = grantsmith.directory().findClient(serviceId, clientId).orElseThrow();

        MintedIdToken token = grantsmith.idTokens().issue(IdTokenRequest.builder(service, client, "user-1").build(),
                Scopes.of("openid", "email"), ClaimsRequest.NONE, true, null).orElseThrow();

        assertThat(token.claims()).containsEntry("iss", "https://login.example.com/as/" + serviceId)
                .containsEntry("sub", "user-1").containsEntry("email", "alice@example.com")
                .containsEntry("email_verified", true).doesNotContainKey("name");
        String payload = new String(Base64.getUrlDecoder().decode(token.value().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"email\":\"alice@example.com\"");
        assertThat(grantsmith.jwtVerifier().verify(serviceId, token.value())).isPresent();
    }

    private static void assertFailure(Runnable call, ApiResultCode code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.resultMessage("/x")).contains(messagePart);
        });
    }
}
