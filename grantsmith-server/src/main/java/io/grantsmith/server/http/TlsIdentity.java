package io.grantsmith.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS certificate and private key, as an in-memory key store for Jetty: read from PEM files
 * (a certificate chain, and a PKCS#8, PKCS#1 or SEC 1 private key), or a self-signed pair generated at start for
 * local use (browser tools, conformance suites on one machine). The generated key never touches the disk.
 */
public record TlsIdentity(KeyStore keyStore, char[] password, X509Certificate certificate) {
    static final String ALIAS = "grantsmith";
    /** A generated certificate lives this long; a restart makes a new one anyway. */
    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(30);

    /**
     * @throws IOException when a file cannot be read or holds no certificate or no private key
     */
    public static TlsIdentity fromPem(Path certificateFile, Path keyFile) throws IOException {
        List<Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(certificateFile)) {
            chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (GeneralSecurityException e) {
            throw new IOException("the certificate file " + certificateFile + " is not PEM X.509: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("the certificate file " + certificateFile + " holds no certificate");
        }
        return of(readPrivateKey(keyFile), chain.toArray(Certificate[]::new));
    }

    /**
     * A fresh ECDSA P-256 key and a certificate for it, signed by itself, naming {@code localhost}, 127.0.0.1,
     * ::1 and {@code extraHost} (the listening host, when it is a specific name or address).
     */
    public static TlsIdentity selfSigned(String extraHost, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
            if (extraHost != null && !extraHost.isEmpty() && !isWildcard(extraHost) && !extraHost.equals("localhost")
                    && !extraHost.equals("127.0.0.1") && !extraHost.equals("::1")) {
                names.add(new GeneralName(looksLikeAddress(extraHost) ? GeneralName.iPAddress : GeneralName.dNSName,
                        extraHost));
            }
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=Grantsmith local TLS (self-signed)");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(SELF_SIGNED_VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return of(pair.getPrivate(), new Certificate[] {certificate});
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("generating a self-signed certificate failed", e);
        }
    }

    /** The SHA-256 fingerprint of the certificate, as browsers show it (for pinning a self-signed one). */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TlsIdentity of(PrivateKey key, Certificate[] chain) throws IllegalStateException {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain);
            return new TlsIdentity(store, password, (X509Certificate) chain[0]);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("building the TLS key store failed: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivateKey(Path keyFile) throws IOException {
        try (Reader reader = Files.newBufferedReader(keyFile); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info); // PKCS#8 "PRIVATE KEY"
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate(); // PKCS#1 "RSA PRIVATE KEY", SEC 1 "EC PRIVATE KEY"
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("the key file " + keyFile + " is not a PEM private key: " + e.getMessage(), e);
        }
        throw new IOException("the key file " + keyFile + " holds no unencrypted PEM private key");
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static boolean looksLikeAddress(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        try {
            return host.chars().allMatch(c -> c == '.' || Character.isDigit(c))
                    && InetAddress.getByName(host) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
