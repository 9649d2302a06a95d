package io.grantsmith.core.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.UnsupportedSetting;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SettingSupportTest {
    private static final Client PLAIN_CLIENT = Client.builder(1, 7).build();
    private static final Service PLAIN_SERVICE = Service.builder(1).build();

    @ParameterizedTest
    @EnumSource(value = UnsupportedSetting.class, names = {"DPOP_REQUIRED", "TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS",
        "ACCESS_TOKEN_SIGN_ALG", "FAPI_MODES", "SUPPORTED_SERVICE_PROFILES"})
    void whenASettingChangesEveryTokenThenEveryGrantIsRefused(UnsupportedSetting setting) {
        for (GrantType grantType : EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD,
                GrantType.REFRESH_TOKEN)) {
            ResultMessage refusal = refusal(service(setting), PLAIN_CLIENT, grantType).orElseThrow();
            assertThat(refusal.code()).isEqualTo(ResultCode.SERVICE_SETTING_UNSUPPORTED);
            assertThat(refusal.text()).contains("'" + setting.member() + "'");
        }
    }

    @Test
    void whenASettingChangesEveryTokenThenAnExtensionGrantIsRefusedToo() {
        Optional<ResultMessage> refusal = SettingSupport.refusal(service(UnsupportedSetting.DPOP_REQUIRED),
                PLAIN_CLIENT, "urn:example:grant-type:toy", ResultCode.SERVICE_SETTING_UNSUPPORTED,
                ResultCode.CLIENT_SETTING_UNSUPPORTED);

        assertThat(refusal.orElseThrow().code()).isEqualTo(ResultCode.SERVICE_SETTING_UNSUPPORTED);
    }

    @Test
    void whenSingleAccessTokenPerSubjectIsOnThenOnlyGrantsWithASubjectAreRefused() {
        Client client = Client.builder(1, 7).unsupportedSettings(
                Set.of(UnsupportedSetting.SINGLE_ACCESS_TOKEN_PER_SUBJECT)).build();

        assertThat(refusal(PLAIN_SERVICE, client, GrantType.CLIENT_CREDENTIALS)).isEmpty();
        assertThat(refusal(PLAIN_SERVICE, client, GrantType.PASSWORD).orElseThrow().code())
                .isEqualTo(ResultCode.CLIENT_SETTING_UNSUPPORTED);
        assertThat(refusal(PLAIN_SERVICE, client, GrantType.REFRESH_TOKEN)).isPresent();
    }

    @Test
    void whenOpenidDroppedOnRefreshIsOnThenTheGenericCheckLeavesItToTheRefreshHandler() {
        Service service = service(UnsupportedSetting.OPENID_DROPPED_ON_REFRESH_WITHOUT_OFFLINE_ACCESS);

        assertThat(refusal(service, PLAIN_CLIENT, GrantType.REFRESH_TOKEN)).isEmpty();
    }

    @Test
    void whenServiceAndClientBothHaveSettingsThenTheServicesIsNamedFirstAndTheClientsNamesTheClient() {
        Client client = Client.builder(1, 7).unsupportedSettings(Set.of(UnsupportedSetting.DPOP_REQUIRED)).build();
        Service service = service(UnsupportedSetting.FAPI_MODES);

        assertThat(refusal(service, client, GrantType.PASSWORD).orElseThrow().formatted())
                .isEqualTo("[A047192] The service setting 'fapiModes' is not supported by this server yet, so no "
                        + "token is issued.");
        assertThat(refusal(PLAIN_SERVICE, client, GrantType.PASSWORD).orElseThrow().text())
                .isEqualTo("The setting 'dpopRequired' of the client (ID = 7) is not supported by this server yet, "
                        + "so no token is issued.");
        assertThat(refusal(PLAIN_SERVICE, PLAIN_CLIENT, GrantType.PASSWORD)).isEmpty();
    }

    private static Service service(UnsupportedSetting setting) {
        return Service.builder(1).unsupportedSettings(Set.of(setting)).build();
    }

    private static Optional<ResultMessage> refusal(Service service, Client client, GrantType grantType) {
        return SettingSupport.refusal(service, client, grantType.wireValue(), ResultCode.SERVICE_SETTING_UNSUPPORTED,
                ResultCode.CLIENT_SETTING_UNSUPPORTED);
    }
}
