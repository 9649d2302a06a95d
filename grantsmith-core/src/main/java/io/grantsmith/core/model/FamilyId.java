package io.grantsmith.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a token family: every refresh token rotated out of one original grant and the access tokens
 * issued with them. Reuse detection revokes a whole family.
 */
public record FamilyId(UUID value) {
    public FamilyId {
        Objects.requireNonNull(value, "value");
    }

    public static FamilyId random() {
        return new FamilyId(UUID.randomUUID());
    }
}
