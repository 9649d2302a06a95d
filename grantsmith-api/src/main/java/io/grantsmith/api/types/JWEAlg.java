package io.grantsmith.api.types;

/**
 * JWE key management algorithms (RFC 7518), named as Authlete names them in JSON; the wire value is the
 * {@code alg} header value.
 */
public enum JWEAlg implements WireValued {
    RSA1_5("RSA1_5"),
    RSA_OAEP("RSA-OAEP"),
    RSA_OAEP_256("RSA-OAEP-256"),
    A128KW("A128KW"),
    A192KW("A192KW"),
    A256KW("A256KW"),
    DIR("dir"),
    ECDH_ES("ECDH-ES"),
    ECDH_ES_A128KW("ECDH-ES+A128KW"),
    ECDH_ES_A192KW("ECDH-ES+A192KW"),
    ECDH_ES_A256KW("ECDH-ES+A256KW"),
    A128GCMKW("A128GCMKW"),
    A192GCMKW("A192GCMKW"),
    A256GCMKW("A256GCMKW"),
    PBES2_HS256_A128KW("PBES2-HS256+A128KW"),
    PBES2_HS384_A192KW("PBES2-HS384+A192KW"),
    PBES2_HS512_A256KW("PBES2-HS512+A256KW");

    private final String wireValue;

    JWEAlg(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
