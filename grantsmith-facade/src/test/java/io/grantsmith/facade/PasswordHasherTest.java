package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.facade.users.PasswordHasher;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void whenPasswordHashedThenThePhcStringCarriesArgon2idParametersAndVerifies() {
        String hash = hasher.hash("s3cret");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("s3cret");
        assertThat(hasher.verify("s3cret", hash)).isTrue();
        assertThat(hasher.verify("s3cret!", hash)).isFalse();
    }

    @Test
    void whenSamePasswordHashedTwiceThenSaltsDiffer() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void whenHashIsMalformedThenVerifyIsFalseRatherThanAnError() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=oops,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=8,t=1,p=1$!!!$AAAA")).isFalse();
    }
}
