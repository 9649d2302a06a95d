package io.grantsmith.api.types;

/** An enum whose constants have a protocol (wire) spelling besides their Authlete JSON name. */
public interface WireValued {
    /** The spelling used in OAuth messages, e.g. {@code client_credentials}. */
    String wireValue();
}
