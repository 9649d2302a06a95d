package io.grantsmith.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;

/** An HTTP/1.1 client for one server (in this JVM or another): builds requests and returns {@link Reply}s. */
public final class HttpTarget {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final HttpClient http;

    public HttpTarget(String baseUrl) {
        this(baseUrl, null);
    }

    /** @param tls the TLS context trusting the server's certificate (an {@code https} base URL), or null */
    public HttpTarget(String baseUrl, SSLContext tls) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One request being put together; {@link #send()} sends it. */
    public final class Call {
        private final HttpRequest.Builder builder;
        private final String method;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        }

        public Call header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** HTTP Basic with {@code user:password} exactly as given (encode them first where a test needs to). */
        public Call basic(String user, String password) {
            return header("Authorization", basicHeader(user, password));
        }

        public Call json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Call form(String form) {
            return body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        }

        public Call body(String contentType, byte[] content) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            body = HttpRequest.BodyPublishers.ofByteArray(content);
            return this;
        }

        public Reply send() {
            try {
                return sendAsync().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(method + " failed", e.getCause());
            }
        }

        public CompletableFuture<Reply> sendAsync() {
            return http.sendAsync(builder.method(method, body).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .thenApply(response -> new Reply(response.statusCode(), response.headers(), response.body()));
        }
    }
}
