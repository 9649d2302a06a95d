package io.grantsmith.core.idtoken;

import io.grantsmith.api.types.SubjectType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The subject identifier a client sees (OpenID Connect Core §8): the user's own subject for public clients, and
 * for pairwise clients a value that differs per sector, so that clients of different sectors cannot correlate a
 * user. The pairwise value is {@code base64url(HMAC-SHA256(secret, serviceId ‖ sector ‖ subject))}: §8.1's
 * salted hash, with a deployment secret as the salt and the service in the input so that each service's values
 * differ. Every node of a deployment must be given the same secret (it is derived from the master key), or the
 * values would change between nodes and restarts.
 */
public final class PairwiseSubjects {
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public PairwiseSubjects(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the pairwise secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The {@code sub} that {@code client} is given for the user {@code subject}.
     *
     * @throws IdTokenException when the client is pairwise and its sector cannot be determined
     */
    public String subjectFor(Client client, String subject) {
        if (client.metadata().subjectType() != SubjectType.PAIRWISE) {
            return subject;
        }
        String sector = sectorOf(client).orElseThrow(
                () -> new IdTokenException(ResultCode.PAIRWISE_SECTOR_UNDETERMINED, client.id()));
        return pairwise(client.serviceId(), sector, subject);
    }

    /**
     * The sector identifier of a client (OpenID Connect Core §8.1): the host of its {@code sector_identifier_uri},
     * else the host shared by all its redirection URIs; empty when it has neither (no URIs, or URIs of several
     * hosts), which OpenID Connect Registration §5 forbids for pairwise clients.
     */
    public static Optional<String> sectorOf(Client client) {
        String sectorUri = client.metadata().sectorIdentifierUri();
        if (sectorUri != null && !sectorUri.isEmpty()) {
            return host(sectorUri);
        }
        Set<String> hosts = new HashSet<>();
        for (String redirectUri : client.metadata().redirectUris()) {
            Optional<String> host = host(redirectUri);
            if (host.isEmpty()) {
                return Optional.empty();
            }
            hosts.add(host.get());
        }
        return hosts.size() == 1 ? Optional.of(hosts.iterator().next()) : Optional.empty();
    }

    String pairwise(long serviceId, String sector, String subject) {
        Mac mac = macs.get();
        // lengths keep the fields apart: no (sector, subject) pair can be made to read as another
        mac.update((serviceId + ":" + sector.length() + ":" + sector + ":").getBytes(StandardCharsets.UTF_8));
        byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Optional<String> host(String uri) {
        try {
            String host = new URI(uri).getHost();
            return host == null || host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
