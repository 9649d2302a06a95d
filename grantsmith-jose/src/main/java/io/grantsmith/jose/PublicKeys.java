package io.grantsmith.jose;

import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;

/** Comparing public JWKs by what they are, not by how their JSON happens to be written. */
final class PublicKeys {
    private PublicKeys() {
    }

    static boolean same(String a, String b) {
        try {
            return JWK.parse(a).toPublicJWK().equals(JWK.parse(b).toPublicJWK());
        } catch (ParseException e) {
            return false;
        }
    }
}
