package io.grantsmith.core.grant;

import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.UnsupportedSetting;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a service or client setting that the engine does not implement yet and that applies to a request of a
 * grant type: such a request is refused rather than answered with tokens Authlete would have issued otherwise.
 * The settings are decoded once, with the service or client; a request whose service and client have none (the
 * usual case) costs two emptiness checks.
 */
public final class SettingSupport {
    private static final UnsupportedSetting[] SETTINGS = UnsupportedSetting.values();

    private SettingSupport() {
    }

    /**
     * The refusal for the first setting (in {@link UnsupportedSetting}'s order, the service's before the client's)
     * that applies to {@code grantType} (a {@code grant_type} value), with {@code serviceCode} or {@code clientCode}; empty when none does.
     */
    public static Optional<ResultMessage> refusal(Service service, Client client, String grantType,
            ResultCode serviceCode, ResultCode clientCode) {
        Optional<UnsupportedSetting> ofService = first(service.unsupportedSettings(), grantType);
        if (ofService.isPresent()) {
            return Optional.of(serviceCode.message(ofService.get().member()));
        }
        return first(client.unsupportedSettings(), grantType)
                .map(setting -> clientCode.message(setting.member(), client.id()));
    }

    private static Optional<UnsupportedSetting> first(Set<UnsupportedSetting> settings, String grantType) {
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        for (UnsupportedSetting setting : SETTINGS) {
            if (settings.contains(setting) && setting.refuses(grantType)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
