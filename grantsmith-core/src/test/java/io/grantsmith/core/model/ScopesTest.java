package io.grantsmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   ", "\t"})
    void whenValueIsAbsentOrBlankThenThereAreNoScopes(String value) {
        Scopes scopes = Scopes.parse(value);

        assertThat(scopes.isEmpty()).isTrue();
        assertThat(scopes.size()).isZero();
        assertThat(scopes).isSameAs(Scopes.empty());
        assertThat(scopes.toWire()).isEmpty();
    }

    @Test
    void whenValueHasRunsOfSpacesAndDuplicatesThenEachScopeAppearsOnceInFirstOrder() {
        Scopes scopes = Scopes.parse("  write read   write openid ");

        assertThat(scopes.asList()).containsExactly("write", "read", "openid");
        assertThat(scopes.size()).isEqualTo(3);
        assertThat(scopes.toWire()).isEqualTo("write read openid");
        assertThat(scopes).hasToString("write read openid");
    }

    @Test
    void whenValueHasOtherWhitespaceThenOnlySpacesDelimit() {
        assertThat(Scopes.parse("a\tb c").asList()).containsExactly("a\tb", "c");
    }

    @Test
    void whenScopeIsRemovedThenTheRestKeepsItsOrder() {
        Scopes scopes = Scopes.of("openid", "read", "write");

        assertThat(scopes.without("read").asList()).containsExactly("openid", "write");
        assertThat(scopes.without("absent")).isSameAs(scopes);
        assertThat(Scopes.of("openid").without("openid")).isSameAs(Scopes.empty());
        assertThat(scopes.asList()).containsExactly("openid", "read", "write");
    }

    @Test
    void whenBuiltFromACollectionThenLaterChangesToItDoNotShow() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Scopes scopes = Scopes.of(names);

        names.add("c");

        assertThat(scopes.asList()).containsExactly("a", "b");
        assertThat(scopes.contains("c")).isFalse();
        assertThat(scopes.contains("a")).isTrue();
        assertThatThrownBy(() -> scopes.asList().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void whenSameScopesAreParsedAndBuiltThenTheyAreEqual() {
        assertThat(Scopes.parse("read write")).isEqualTo(Scopes.of("read", "write"))
                .hasSameHashCodeAs(Scopes.of("read", "write"))
                .isNotEqualTo(Scopes.of("read"));
        assertThat(Scopes.of(List.of())).isSameAs(Scopes.empty());
    }

    @Test
    void whenIteratedThenScopesComeInOrder() {
        List<String> seen = new ArrayList<>();
        Scopes.parse("c a b").forEach(seen::add);

        assertThat(seen).containsExactly("c", "a", "b");
    }
}
