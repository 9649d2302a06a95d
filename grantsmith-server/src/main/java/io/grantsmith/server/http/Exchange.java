package io.grantsmith.server.http;

import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One HTTP request and its response, as endpoints see them: headers, path parameters, a size-capped body and
 * methods that send a complete response. Wraps Jetty's core API so that endpoints stay free of it.
 */
public final class Exchange {
    /**
     * An oversized body up to this size is read and discarded before the 413 goes out, so that a client still
     * sending it receives the answer; a larger one gets the answer with {@code Connection: close} instead.
     */
    static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> pathParameters;
    private boolean sent;
    private int status;
    private boolean closeAfterResponse;

    Exchange(Request request, Response response, Callback callback, Map<String, String> pathParameters) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathParameters = pathParameters;
    }

    public String method() {
        return request.getMethod();
    }

    public String header(HttpHeader header) {
        return request.getHeaders().get(header);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** How many times the header appears (a repeated Authorization header is a malformed request). */
    public int headerCount(HttpHeader header) {
        int count = 0;
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == header) {
                count++;
            }
        }
        return count;
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The query parameter's value, or null; a malformed query string counts as absent. */
    public String queryParameter(String name) {
        try {
            Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            return fields.getValue(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The request body, read completely but never beyond {@code maxBytes}.
     *
     * @throws ApiFailure 413 when the body is larger; 400 when it cannot be read (broken chunked encoding, a body
     *                    shorter than its {@code Content-Length}): that is the client's fault, not a server error
     */
    public byte[] body(int maxBytes) {
        long declared = request.getLength();
        try (InputStream in = Request.asInputStream(request)) {
            if (declared > maxBytes) {
                throw tooLarge(in, declared, maxBytes);
            }
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(in, -1, maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw unreadable();
        } catch (RuntimeException e) {
            if (e instanceof HttpException) {
                throw unreadable();
            }
            throw e;
        }
    }

    /**
     * Discards the rest of an oversized body when it is small enough, so that the client, which may still be
     * sending it, receives the 413; otherwise the answer will close the connection.
     *
     * @param declared the declared length, or -1 when unknown (chunked)
     */
    private ApiFailure tooLarge(InputStream in, long declared, int maxBytes) throws IOException {
        if (declared > DRAIN_LIMIT) {
            closeAfterResponse = true;
        } else {
            // read(), not skip(): this stream's skip() may return 0 while more content is still on its way
            byte[] discard = new byte[16 * 1024];
            long remaining = DRAIN_LIMIT;
            for (int read = in.read(discard); read >= 0 && remaining > 0; read = in.read(discard)) {
                remaining -= read;
            }
            closeAfterResponse = remaining <= 0; // more than the limit after all
        }
        return new ApiFailure(ApiResultCode.BODY_TOO_LARGE, maxBytes);
    }

    private static ApiFailure unreadable() {
        return new ApiFailure(ApiResultCode.BODY_MALFORMED, "it could not be read completely");
    }

    public boolean isSent() {
        return sent;
    }

    /** The status sent, or 0 before a response was sent. */
    int status() {
        return status;
    }

    /** Sends a complete response. {@code headers} are name/value pairs. */
    public void send(int status, String contentType, byte[] body, String... headers) {
        sent = true;
        this.status = status;
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.getHeaders().put(headers[i], headers[i + 1]);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (closeAfterResponse) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    public void sendJson(int status, byte[] body, String... headers) {
        send(status, "application/json", body, headers);
    }

    /**
     * As {@link #sendJson}, with {@code Cache-Control: no-store} and {@code Pragma: no-cache} added, as every
     * token endpoint response must carry (RFC 6749 §5.1).
     */
    public void sendJsonNoStore(int status, byte[] body, String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 4);
        all[headers.length] = HttpHeader.CACHE_CONTROL.asString();
        all[headers.length + 1] = "no-store";
        all[headers.length + 2] = HttpHeader.PRAGMA.asString();
        all[headers.length + 3] = "no-cache";
        sendJson(status, body, all);
    }

    public void sendNoContent() {
        sent = true;
        status = 204;
        response.setStatus(204);
        callback.succeeded();
    }
}
