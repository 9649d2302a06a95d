package io.grantsmith.facade.manage;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.core.model.UnsupportedSetting;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the settings the engine does not implement yet a stored document turns on. Read from the JSON tree,
 * because the wire DTOs carry only what Grantsmith acts on; decoded once with the document, never per request.
 */
final class UnsupportedSettingReader {
    /** The settings Authlete reads from a service. */
    static final List<UnsupportedSetting> OF_SERVICES = List.of(UnsupportedSetting.DPOP_REQUIRED,
            UnsupportedSetting.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS, UnsupportedSetting.ACCESS_TOKEN_SIGN_ALG,
            UnsupportedSetting.FAPI_MODES, UnsupportedSetting.SUPPORTED_SERVICE_PROFILES,
            UnsupportedSetting.SINGLE_ACCESS_TOKEN_PER_SUBJECT,
            UnsupportedSetting.OPENID_DROPPED_ON_REFRESH_WITHOUT_OFFLINE_ACCESS);
    /** The settings Authlete reads from a client. */
    static final List<UnsupportedSetting> OF_CLIENTS = List.of(UnsupportedSetting.DPOP_REQUIRED,
            UnsupportedSetting.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS, UnsupportedSetting.FAPI_MODES,
            UnsupportedSetting.SINGLE_ACCESS_TOKEN_PER_SUBJECT);

    private UnsupportedSettingReader() {
    }

    /** The settings of {@code candidates} that {@code document} turns on. */
    static Set<UnsupportedSetting> read(JsonNode document, List<UnsupportedSetting> candidates) {
        Set<UnsupportedSetting> on = EnumSet.noneOf(UnsupportedSetting.class);
        for (UnsupportedSetting setting : candidates) {
            if (isOn(document.get(setting.member()))) {
                on.add(setting);
            }
        }
        return on;
    }

    /**
     * Whether a member turns its setting on: {@code true}, a non-empty string (an algorithm), a non-empty array (a
     * list of modes or profiles). Absent, {@code null}, {@code false}, {@code ""} and {@code []} leave it off, as
     * they do in Authlete.
     */
    static boolean isOn(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return !value.isEmpty();
        }
        return true;
    }
}
