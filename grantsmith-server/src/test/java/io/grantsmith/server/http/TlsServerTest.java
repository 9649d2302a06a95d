package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.facade.Grantsmith;
import io.grantsmith.store.memory.MemoryStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS served by the server itself: a generated self-signed pair, PEM files, and Secure cookies over TLS. */
class TlsServerTest {
    private static final String ADMIN_TOKEN = "tls-test-admin-token-0123456789abcdefghijkl";

    @Test
    void whenSelfSignedThenHttpsAnswersAndTheCertificateNamesLocalhost() throws Exception {
        TlsIdentity identity = TlsIdentity.selfSigned("127.0.0.1", new SecureRandom());

        assertThat(identity.certificate().getSubjectAlternativeNames())
                .anySatisfy(name -> assertThat(name.get(1)).isEqualTo("localhost"))
                .anySatisfy(name -> assertThat(name.get(1)).isEqualTo("127.0.0.1"));
        assertThat(identity.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        try (Served served = serve(identity)) {
            HttpResponse<String> health = served.trusting(identity.certificate()).send(
                    HttpRequest.newBuilder(URI.create(served.url("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void whenTheClientDoesNotTrustTheCertificateThenTheHandshakeFails() throws Exception {
        TlsIdentity identity = TlsIdentity.selfSigned(null, new SecureRandom());
        TlsIdentity other = TlsIdentity.selfSigned(null, new SecureRandom());
        try (Served served = serve(identity)) {
            assertThatThrownBy(() -> served.trusting(other.certificate()).send(
                    HttpRequest.newBuilder(URI.create(served.url("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void whenPemFilesAreGivenThenTheyAreServed(@TempDir Path dir) throws Exception {
        TlsIdentity generated = TlsIdentity.selfSigned(null, new SecureRandom());
        PrivateKey key = (PrivateKey) generated.keyStore().getKey(TlsIdentity.ALIAS, generated.password());
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", generated.certificate().getEncoded()));
        Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));

        TlsIdentity loaded = TlsIdentity.fromPem(cert, keyFile);

        assertThat(loaded.certificate()).isEqualTo(generated.certificate());
        try (Served served = serve(loaded)) {
            assertThat(served.trusting(generated.certificate()).send(
                    HttpRequest.newBuilder(URI.create(served.url("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void whenTheKeyFileHoldsNoKeyThenAClearError(@TempDir Path dir) throws Exception {
        TlsIdentity generated = TlsIdentity.selfSigned(null, new SecureRandom());
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", generated.certificate().getEncoded()));

        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, cert)).isInstanceOf(IOException.class)
                .hasMessageContaining("no unencrypted PEM private key");
        assertThatThrownBy(() -> TlsIdentity.fromPem(dir.resolve("missing.pem"), cert))
                .isInstanceOf(IOException.class);
    }

    @Test
    void whenServedOverTlsThenLoginCookiesAreSecureWithTheHostPrefix() throws Exception {
        TlsIdentity identity = TlsIdentity.selfSigned(null, new SecureRandom());
        try (Served served = serve(identity)) {
            long serviceId = served.grantsmith.services().create((com.fasterxml.jackson.databind.node.ObjectNode)
                    io.grantsmith.facade.json.WireJson.mapper().readTree("{\"serviceName\":\"tls\"}"))
                    .get("apiKey").asLong();
            String clientId = served.grantsmith.clients().create(serviceId,
                    (com.fasterxml.jackson.databind.node.ObjectNode) io.grantsmith.facade.json.WireJson.mapper()
                            .readTree("{\"clientName\":\"c\",\"redirectUris\":[\"https://client.example/cb\"]}"))
                    .get("clientId").asText();

            HttpResponse<String> page = served.trusting(identity.certificate()).send(HttpRequest.newBuilder(
                    URI.create(served.url("/as/" + serviceId + "/authorize?response_type=code&client_id=" + clientId
                            + "&redirect_uri=https%3A%2F%2Fclient.example%2Fcb&code_challenge="
                            + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-gs_csrf=")
                    .contains("; Secure", "HttpOnly", "SameSite=Lax", "Path=/");
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static Served serve(TlsIdentity identity) throws Exception {
        Grantsmith grantsmith = Grantsmith.builder().stores(new MemoryStores()).adminToken(ADMIN_TOKEN).build();
        HttpServer server = new HttpServer(grantsmith, "127.0.0.1", 0, EdgeLimits.DEFAULTS, null, false, identity);
        server.start();
        grantsmith.listening("https://127.0.0.1:" + server.port());
        return new Served(grantsmith, server);
    }

    private record Served(Grantsmith grantsmith, HttpServer server) implements AutoCloseable {
        String url(String path) {
            return "https://127.0.0.1:" + server.port() + path;
        }

        HttpClient trusting(X509Certificate certificate) throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return HttpClient.newBuilder().sslContext(context).build();
        }

        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                grantsmith.close();
            }
        }
    }
}
