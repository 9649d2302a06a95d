package io.grantsmith.api.dto;

import io.grantsmith.api.types.JWEAlg;
import io.grantsmith.api.types.JWEEnc;
import io.grantsmith.api.types.JWSAlg;

/**
 * Request to {@code /auth/introspection/standard}: an RFC 7662 introspection request, forwarded as is. The
 * authorization server authenticates the caller itself.
 */
public final class StandardIntrospectionRequest {
    /** The form body the introspection endpoint received, e.g. {@code token=...&token_type_hint=...}. */
    private String parameters;
    private boolean withHiddenProperties;
    /** The calling resource server; required for JWT responses (RFC 9701). */
    private String rsUri;
    private String httpAcceptHeader;
    private JWSAlg introspectionSignAlg;
    private JWEAlg introspectionEncryptionAlg;
    private JWEEnc introspectionEncryptionEnc;
    private String sharedKeyForSign;
    private String sharedKeyForEncryption;
    private String publicKeyForEncryption;

    public String getParameters() {
        return parameters;
    }

    public StandardIntrospectionRequest setParameters(String parameters) {
        this.parameters = parameters;
        return this;
    }

    public boolean isWithHiddenProperties() {
        return withHiddenProperties;
    }

    public StandardIntrospectionRequest setWithHiddenProperties(boolean withHiddenProperties) {
        this.withHiddenProperties = withHiddenProperties;
        return this;
    }

    public String getRsUri() {
        return rsUri;
    }

    public StandardIntrospectionRequest setRsUri(String rsUri) {
        this.rsUri = rsUri;
        return this;
    }

    public String getHttpAcceptHeader() {
        return httpAcceptHeader;
    }

    public StandardIntrospectionRequest setHttpAcceptHeader(String httpAcceptHeader) {
        this.httpAcceptHeader = httpAcceptHeader;
        return this;
    }

    public JWSAlg getIntrospectionSignAlg() {
        return introspectionSignAlg;
    }

    public StandardIntrospectionRequest setIntrospectionSignAlg(JWSAlg introspectionSignAlg) {
        this.introspectionSignAlg = introspectionSignAlg;
        return this;
    }

    public JWEAlg getIntrospectionEncryptionAlg() {
        return introspectionEncryptionAlg;
    }

    public StandardIntrospectionRequest setIntrospectionEncryptionAlg(JWEAlg introspectionEncryptionAlg) {
        this.introspectionEncryptionAlg = introspectionEncryptionAlg;
        return this;
    }

    public JWEEnc getIntrospectionEncryptionEnc() {
        return introspectionEncryptionEnc;
    }

    public StandardIntrospectionRequest setIntrospectionEncryptionEnc(JWEEnc introspectionEncryptionEnc) {
        this.introspectionEncryptionEnc = introspectionEncryptionEnc;
        return this;
    }

    public String getSharedKeyForSign() {
        return sharedKeyForSign;
    }

    public StandardIntrospectionRequest setSharedKeyForSign(String sharedKeyForSign) {
        this.sharedKeyForSign = sharedKeyForSign;
        return this;
    }

    public String getSharedKeyForEncryption() {
        return sharedKeyForEncryption;
    }

    public StandardIntrospectionRequest setSharedKeyForEncryption(String sharedKeyForEncryption) {
        this.sharedKeyForEncryption = sharedKeyForEncryption;
        return this;
    }

    public String getPublicKeyForEncryption() {
        return publicKeyForEncryption;
    }

    public StandardIntrospectionRequest setPublicKeyForEncryption(String publicKeyForEncryption) {
        this.publicKeyForEncryption = publicKeyForEncryption;
        return this;
    }
}
