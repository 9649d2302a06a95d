package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Reads HTTP/1.1 answers byte by byte off a raw socket, for tests that write requests by hand. */
final class RawHttpResponses {

    private static final String CRLF = "\r\n";

    private RawHttpResponses() {
    }

    /** One complete response: its head and a body of its {@code Content-Length}, read up to its last byte. */
    static String read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith(CRLF + CRLF)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split(CRLF)) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        assertThat(body).as("the body of %s", head).hasSize(length);
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
