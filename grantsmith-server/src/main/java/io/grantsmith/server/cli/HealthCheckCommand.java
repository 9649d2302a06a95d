package io.grantsmith.server.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code grantsmith health-check}: asks the local server's {@code /health} and exits 0 when it answers 200, for a
 * container's HEALTHCHECK. Its options have serve's names, so they come from the same environment variables and
 * configuration file: the probe follows the port and the scheme (HTTPS when serve has a TLS setting) the server
 * really uses.
 */
@Command(name = "health-check", mixinStandardHelpOptions = true,
        description = "Exit 0 when the server on this machine answers 200 at /health (for container health checks); "
                + "reads serve's --host, --port and TLS settings from the same environment and configuration file.")
final class HealthCheckCommand implements Callable<Integer> {
    private static final int TIMEOUT_MILLIS = 2_000;

    @ParentCommand
    GrantsmithCommand root;

    /** Read by {@code Main} before the options are parsed; declared so that the command accepts it. */
    @Option(names = "--config", paramLabel = "FILE",
            description = "serve's properties file, to read the settings below from (env GRANTSMITH_CONFIG).")
    Path configFile;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address serve listens on; a wildcard (0.0.0.0, ::) is asked at 127.0.0.1 "
                    + "(default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port serve listens on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Set when serve serves HTTPS: ask over HTTPS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "Ignored; accepted as serve's setting.")
    Path tlsKey;

    @Option(names = "--tls-self-signed", description = "Set when serve serves HTTPS: ask over HTTPS.")
    boolean tlsSelfSigned;

    @Override
    public Integer call() {
        URI uri = URI.create((https() ? "https" : "http") + "://" + address() + ":" + port + "/health");
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            if (connection instanceof HttpsURLConnection secure) {
                trustAnyCertificate(secure);
            }
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status == 200) {
                root.out().println("healthy: " + uri);
                return 0;
            }
            root.err().println("unhealthy: " + uri + " answered " + status);
        } catch (IOException | GeneralSecurityException e) {
            root.err().println("unhealthy: " + uri + ": " + e);
        }
        return 1;
    }

    boolean https() {
        return tlsSelfSigned || tlsCert != null;
    }

    private String address() {
        if (host == null || host.isEmpty() || host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("[::]")) {
            return "[::1]";
        }
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * The probe asks the server on this machine by address, and a certificate names the public host (or is
     * self-signed): its only question is whether the server answers, and it sends no credential, so it checks no
     * certificate and no host name. This connection's only, never the JVM's defaults.
     */
    private static void trustAnyCertificate(HttpsURLConnection connection) throws GeneralSecurityException {
        TrustManager anyCertificate = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anyCertificate}, new SecureRandom());
        connection.setSSLSocketFactory(context.getSocketFactory());
        connection.setHostnameVerifier((name, session) -> true);
    }
}
