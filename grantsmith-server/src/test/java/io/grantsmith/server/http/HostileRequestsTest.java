package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd and hostile requests that a real HTTP client can send: every one is answered with a JSON body that says
 * what was wrong (or what was done), below 500, and with nothing internal in it.
 */
class HostileRequestsTest {
    private static final String LONG = "a".repeat(10_000);

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
        SERVER.user(service, "alice", "pw");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenEndpointRequests")
    void whenTokenEndpointGetsHostileInputThenItAnswersAnOAuthJsonBelow500(String description,
            Supplier<Reply> request) {
        Reply reply = request.get();

        assertThat(reply.status()).as(description).isLessThan(500);
        reply.assertJsonBodyWithoutLeaks();
        assertThat(reply.json().has("error") || reply.json().has("access_token")).as(reply.body()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRequests")
    void whenApiGetsHostileInputThenItAnswersAJsonResultBelow500(String description, Supplier<Reply> request) {
        Reply reply = request.get();

        assertThat(reply.status()).as(description).isLessThan(500);
        reply.assertJsonBodyWithoutLeaks();
        if (reply.status() != 200) {
            // Authlete's shape from the API; requests Jetty refuses before routing get the OAuth shape
            assertThat(reply.json().has("resultCode") || reply.json().has("error")).as(reply.body()).isTrue();
        }
    }

    static Stream<Arguments> tokenEndpointRequests() {
        return Stream.of(
                form("raw bytes that are not UTF-8", bytes("grant_type=client_credentials&scope=", 0xFF, 0xFE, 0xC3)),
                form("percent-escapes that are not UTF-8", "grant_type=client_credentials&scope=%FF%FE%C3"),
                form("an encoded NUL character", "grant_type=client%00_credentials"),
                form("a raw NUL byte", "grant_type=client_credentials&scope=re\u0000ad"),
                form("a 10k-character scope", "grant_type=client_credentials&scope=" + LONG),
                form("10k-character username and password", "grant_type=password&username=" + LONG
                        + "&password=" + LONG),
                form("a 10k-character refresh token", "grant_type=refresh_token&refresh_token=" + LONG),
                form("a 10k-character grant type", "grant_type=" + LONG),
                form("'%' at the end", "grant_type=client_credentials&scope=%"),
                form("a %-escape with non-hex digits", "grant_type=client_credentials&scope=%zz"),
                form("an unknown grant type", "grant_type=urn:example:telepathy"),
                form("the implicit grant type", "grant_type=implicit"),
                form("a repeated grant_type", "grant_type=client_credentials&grant_type=client_credentials"),
                form("an empty body", ""),
                form("only separators", "&&&=&=&"),
                form("5000 parameters", "grant_type=client_credentials" + "&p=v".repeat(5000)),
                Arguments.of("a 10k-character client_id in the body", (Supplier<Reply>) () ->
                        SERVER.post(asPath()).form("grant_type=client_credentials&client_id=" + LONG
                                + "&client_secret=x").send()),
                Arguments.of("two Authorization headers", (Supplier<Reply>) () -> SERVER.post(asPath())
                        .basic(client.id(), client.secret()).basic(client.id(), client.secret())
                        .form("grant_type=client_credentials").send()),
                Arguments.of("control characters in Basic", (Supplier<Reply>) () -> SERVER.post(asPath())
                        .basic("\u0000\u0001\u001b", "\u007f").form("grant_type=client_credentials").send()),
                Arguments.of("Basic that decodes to bytes that are not UTF-8", (Supplier<Reply>) () ->
                        SERVER.post(asPath()).header("Authorization", "Basic "
                                + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, ':', (byte) 0xC3}))
                                .form("grant_type=client_credentials").send()),
                Arguments.of("a malformed content type", (Supplier<Reply>) () -> SERVER.post(asPath())
                        .basic(client.id(), client.secret())
                        .body(";;;=;charset", "grant_type=client_credentials".getBytes()).send()),
                Arguments.of("two Content-Type headers", (Supplier<Reply>) () -> SERVER.post(asPath())
                        .basic(client.id(), client.secret()).header("Content-Type", "application/json")
                        .form("grant_type=client_credentials").send()));
    }

    static Stream<Arguments> apiRequests() {
        return Stream.of(
                json("deeply nested arrays", "[".repeat(5000) + "]".repeat(5000)),
                json("deeply nested objects in an unknown member", "{\"parameters\":\"grant_type=client_credentials\","
                        + "\"extra\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(500) + "}"),
                json("a number too large for a long", "{\"parameters\":\"grant_type=client_credentials\","
                        + "\"accessTokenDuration\":123456789012345678901234567890}"),
                json("a number with a huge exponent", "{\"parameters\":\"grant_type=client_credentials\","
                        + "\"accessTokenDuration\":1e999999999}"),
                json("a fraction for a long", "{\"parameters\":\"grant_type=client_credentials\","
                        + "\"accessTokenDuration\":1.5}"),
                json("a NUL character in parameters", "{\"parameters\":\"grant_type=client_credentials\\u0000\"}"),
                json("a 10k-character parameters value", "{\"parameters\":\"grant_type=" + LONG + "\"}"),
                json("a repeated member", "{\"parameters\":\"grant_type=x\",\"parameters\":\"grant_type=y\"}"),
                json("a string where an array belongs", "{\"parameters\":\"grant_type=client_credentials\","
                        + "\"clientCertificatePath\":\"x\"}"),
                json("a number where an object belongs", "{\"parameters\":\"grant_type=client_credentials\","
                        + "\"cimdOptions\":5}"),
                json("a huge property value", "{\"parameters\":\"grant_type=client_credentials\",\"clientId\":\"1\","
                        + "\"properties\":[{\"key\":\"k\",\"value\":\"" + "v".repeat(200_000) + "\"}]}"),
                Arguments.of("raw bytes that are not UTF-8 in JSON", (Supplier<Reply>) () -> SERVER
                        .post(service.path("/auth/token")).bearer(service.apiSecret())
                        .body("application/json", bytes("{\"parameters\":\"", 0xFF, 0xFE, '"', '}')).send()),
                Arguments.of("NUL bytes that make the JSON parser read UTF-32", (Supplier<Reply>) () -> SERVER
                        .post(service.path("/auth/token")).bearer(service.apiSecret())
                        .body("application/json", bytes("", 0, 0, 0, '[', '1', ',', '2', ']')).send()),
                Arguments.of("a byte-order mark before the JSON", (Supplier<Reply>) () -> SERVER
                        .post(service.path("/auth/token")).bearer(service.apiSecret())
                        .body("application/json", bytes("", 0xEF, 0xBB, 0xBF, '{', '}')).send()),
                Arguments.of("a service document nested 500 deep", (Supplier<Reply>) () -> SERVER
                        .post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN)
                        .json("{\"x\":" + "[".repeat(500) + "]".repeat(500) + "}").send()),
                Arguments.of("a 10k-character client alias in the path", (Supplier<Reply>) () -> SERVER
                        .get(service.path("/client/get/" + LONG.substring(0, 6000))).bearer(service.apiSecret())
                        .send()),
                Arguments.of("an encoded slash in a path segment", (Supplier<Reply>) () -> SERVER
                        .get(service.path("/client/get/a%2Fb")).bearer(service.apiSecret()).send()),
                Arguments.of("a query number beyond int", (Supplier<Reply>) () -> SERVER
                        .get(service.path("/client/get/list?start=99999999999")).bearer(service.apiSecret()).send()),
                Arguments.of("the largest page start", (Supplier<Reply>) () -> SERVER
                        .get(service.path("/client/get/list?start=2147483647&end=2147483647"))
                        .bearer(service.apiSecret()).send()),
                Arguments.of("a 7k-character bearer token", (Supplier<Reply>) () -> SERVER
                        .get(service.path("/service/get")).bearer(LONG.substring(0, 7000)).send()),
                Arguments.of("a v2 Basic key that is not a number", (Supplier<Reply>) () -> SERVER
                        .post("/api/auth/token").basic("../../etc", "x").json("{}").send()),
                Arguments.of("a v2 Basic key beyond long", (Supplier<Reply>) () -> SERVER
                        .post("/api/auth/token").basic("99999999999999999999999", "x").json("{}").send()));
    }

    private static String asPath() {
        return "/as/" + service.id() + "/token";
    }

    private static Arguments form(String description, String body) {
        return form(description, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments form(String description, byte[] body) {
        return Arguments.of(description, (Supplier<Reply>) () -> SERVER.post(asPath())
                .basic(client.id(), client.secret()).body("application/x-www-form-urlencoded", body).send());
    }

    private static Arguments json(String description, String body) {
        return Arguments.of(description, (Supplier<Reply>) () -> SERVER.post(service.path("/auth/token"))
                .bearer(service.apiSecret()).json(body).send());
    }

    private static byte[] bytes(String prefix, int... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (int b : more) {
            out.write(b);
        }
        return out.toByteArray();
    }
}
