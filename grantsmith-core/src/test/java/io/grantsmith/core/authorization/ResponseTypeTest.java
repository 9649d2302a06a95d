package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire enums the authorization request uses: spellings in any order, and the default response modes. */
class ResponseTypeTest {
    @ParameterizedTest
    @CsvSource({"code,CODE", "'id_token code',CODE_ID_TOKEN", "'token id_token code',CODE_ID_TOKEN_TOKEN",
            "'token code',CODE_TOKEN", "'token id_token',ID_TOKEN_TOKEN", "none,NONE"})
    void whenPartsComeInAnyOrderThenTheResponseTypeIsFound(String value, ResponseType expected) {
        assertThat(ResponseType.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Code", "code code", "code  token", " code", "code ", "none code", "device_code",
            "code,token"})
    void whenValueIsNotAResponseTypeThenParsingGivesNull(String value) {
        assertThat(ResponseType.parse(value)).isNull();
    }

    @ParameterizedTest
    @EnumSource(ResponseType.class)
    void whenEveryResponseTypeIsSpelledThenItParsesBack(ResponseType type) {
        assertThat(ResponseType.parse(type.wireValue())).isEqualTo(type);
    }

    @Test
    void whenTokensAreReturnedThenTheDefaultModeIsFragment() {
        assertThat(ResponseModes.defaultMode(ResponseType.CODE)).isEqualTo(ResponseMode.QUERY);
        assertThat(ResponseModes.defaultMode(ResponseType.NONE)).isEqualTo(ResponseMode.QUERY);
        assertThat(ResponseModes.defaultMode(null)).isEqualTo(ResponseMode.QUERY);
        assertThat(ResponseModes.defaultMode(ResponseType.CODE_ID_TOKEN)).isEqualTo(ResponseMode.FRAGMENT);
        assertThat(ResponseModes.defaultMode(ResponseType.TOKEN)).isEqualTo(ResponseMode.FRAGMENT);
    }

    @Test
    void whenJarmModesAreStrippedThenTheirCarrierRemains() {
        assertThat(ResponseMode.QUERY_JWT.withoutJwt()).isEqualTo(ResponseMode.QUERY);
        assertThat(ResponseMode.FORM_POST_JWT.withoutJwt()).isEqualTo(ResponseMode.FORM_POST);
        assertThat(ResponseMode.JWT.withoutJwt()).isNull();
        assertThat(ResponseMode.FRAGMENT.isJwt()).isFalse();
        assertThat(ResponseMode.FRAGMENT_JWT.isJwt()).isTrue();
    }
}
