package io.grantsmith.core.clientauth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificate a client presented on the mutual-TLS connection (RFC 8705), for {@code tls_client_auth},
 * {@code self_signed_tls_client_auth} and certificate-bound tokens: as Authlete's token request carries it
 * ({@code clientCertificate} in PEM, the rest of the chain in {@code clientCertificatePath}), as DER bytes, or
 * already parsed by the TLS layer of an embedding server. Parsed on first use, once; a malformed certificate is
 * refused by whoever uses it ({@link #x509()} throws), so carrying one costs nothing when nobody looks.
 */
public final class ClientCertificate {
    private final byte[] encoded;
    private final List<String> path;
    private volatile X509Certificate parsed;

    private ClientCertificate(byte[] encoded, X509Certificate parsed, List<String> path) {
        this.encoded = encoded;
        this.parsed = parsed;
        this.path = List.copyOf(path);
    }

    /**
     * A PEM certificate, as Authlete's {@code clientCertificate}, with the rest of the chain (PEM, leaf first)
     * as its {@code clientCertificatePath}; null when {@code pem} is null or blank (nothing was presented).
     */
    public static ClientCertificate fromPem(String pem, List<String> path) {
        if (pem == null || pem.isBlank()) {
            return null;
        }
        return new ClientCertificate(pem.getBytes(StandardCharsets.US_ASCII), null, path == null ? List.of() : path);
    }

    /** A DER-encoded certificate. */
    public static ClientCertificate fromDer(byte[] der) {
        return new ClientCertificate(der.clone(), null, List.of());
    }

    /** A certificate the TLS layer has parsed already. */
    public static ClientCertificate of(X509Certificate certificate) {
        return new ClientCertificate(null, Objects.requireNonNull(certificate, "certificate"), List.of());
    }

    /**
     * The certificate, parsed (PEM or DER).
     *
     * @throws CertificateException when the presented bytes are not an X.509 certificate
     */
    public X509Certificate x509() throws CertificateException {
        X509Certificate result = parsed;
        if (result == null) {
            result = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
            parsed = result;
        }
        return result;
    }

    /** The rest of the chain as presented (PEM, leaf's issuer first); empty when none was. */
    public List<String> path() {
        return path;
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + (parsed != null ? parsed.getSubjectX500Principal() : "unparsed")
                + ", path=" + path.size() + "]";
    }
}
