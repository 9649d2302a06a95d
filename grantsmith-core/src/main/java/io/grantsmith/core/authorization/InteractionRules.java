package io.grantsmith.core.authorization;

import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Client;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parameters that shape the user's experience (OpenID Connect Core §3.1.2.1): {@code prompt},
 * {@code max_age}, {@code display}, {@code ui_locales} and the authentication context ({@code acr}).
 */
final class InteractionRules {
    /** Ten digits hold every {@code int}; a longer number is out of range before it is parsed. */
    private static final int MAX_INT_DIGITS = 10;

    private InteractionRules() {
    }

    /** The {@code prompt} values in request order, without repetitions; empty for none. */
    static List<Prompt> prompts(String value, AuthorizationSettings settings) {
        if (value == null) {
            return List.of();
        }
        Set<Prompt> prompts = new LinkedHashSet<>();
        for (String word : words(value)) {
            Prompt prompt = Prompt.fromWireValue(word);
            if (prompt == null) {
                throw refusal(ResultCode.PROMPT_UNKNOWN, Quoted.of(word));
            }
            prompts.add(prompt);
        }
        if (prompts.contains(Prompt.NONE) && prompts.size() > 1) {
            throw refusal(ResultCode.PROMPT_NONE_COMBINED);
        }
        for (Prompt prompt : prompts) {
            if (!settings.supportedPromptValues().contains(prompt)) {
                throw prompt == Prompt.NONE ? refusal(ResultCode.PROMPT_NONE_NOT_SUPPORTED)
                        : refusal(ResultCode.PROMPT_NOT_SUPPORTED, prompt.wireValue());
            }
        }
        return List.copyOf(prompts);
    }

    /**
     * The request's {@code max_age} (a non-negative decimal integer within {@code int}), else the client's
     * {@code default_max_age} when it has one, else empty. An explicit 0 stays 0: it asks for a fresh login.
     */
    static OptionalInt maxAge(String value, Client client) {
        if (value == null) {
            int fallback = client.metadata().defaultMaxAge();
            return fallback > 0 ? OptionalInt.of(fallback) : OptionalInt.empty();
        }
        boolean negative = value.startsWith("-");
        String digits = negative ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw refusal(isNumber(value) ? ResultCode.MAX_AGE_NOT_INTEGER : ResultCode.MAX_AGE_NOT_NUMBER,
                    Quoted.of(value));
        }
        if (negative && digits.chars().anyMatch(c -> c != '0')) {
            throw refusal(ResultCode.MAX_AGE_NEGATIVE, Quoted.of(value));
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > MAX_INT_DIGITS || Long.parseLong(significant) > Integer.MAX_VALUE) {
            throw refusal(ResultCode.MAX_AGE_OUT_OF_RANGE, Quoted.of(value));
        }
        return OptionalInt.of(Integer.parseInt(significant));
    }

    /** The {@code display} value; {@code page} when the request has none. */
    static Display display(String value, AuthorizationSettings settings) {
        if (value == null) {
            if (!settings.supportedDisplays().contains(Display.PAGE)) {
                throw refusal(ResultCode.DISPLAY_DEFAULT_NOT_SUPPORTED);
            }
            return Display.PAGE;
        }
        Display display = Display.fromWireValue(value);
        if (display == null) {
            throw refusal(ResultCode.DISPLAY_UNKNOWN, Quoted.of(value));
        }
        if (!settings.supportedDisplays().contains(display)) {
            throw refusal(ResultCode.DISPLAY_NOT_SUPPORTED, display.wireValue());
        }
        return display;
    }

    /**
     * The requested UI locales the service supports, in request order and in the service's spelling (language
     * tags compare without regard to case, RFC 5646 §2.1.1).
     */
    static List<String> uiLocales(String value, AuthorizationSettings settings) {
        Set<String> supported = new LinkedHashSet<>();
        for (String requested : words(value)) {
            for (String offered : settings.supportedUiLocales()) {
                if (offered.toLowerCase(Locale.ROOT).equals(requested.toLowerCase(Locale.ROOT))) {
                    supported.add(offered);
                }
            }
        }
        return List.copyOf(supported);
    }

    /** The authentication context classes asked for, and whether they are essential. */
    record Acrs(List<String> values, boolean essential) {
    }

    /**
     * The {@code acr} entry of the {@code claims} parameter's {@code id_token} when it names values, else
     * {@code acr_values}, else the client's {@code default_acr_values}; each must be one the service supports.
     * Only the {@code claims} entry can make them essential (OpenID Connect Core §5.5.1.1).
     */
    static Acrs acrs(ClaimsRequest claims, String acrValues, Client client, AuthorizationSettings settings) {
        ClaimRequest acr = claims.idToken().get("acr");
        List<String> values;
        if (acr != null && !acr.requestedValues().isEmpty()) {
            values = new ArrayList<>();
            for (Object value : acr.requestedValues()) {
                if (!(value instanceof String text)) {
                    throw ClaimsRequestParser.malformed("acr", "id_token", "its values are not strings");
                }
                values.add(text);
            }
        } else if (acrValues != null) {
            values = words(acrValues);
        } else {
            values = client.metadata().defaultAcrs();
        }
        values = List.copyOf(new LinkedHashSet<>(values));
        if (!values.isEmpty() && settings.supportedAcrs().isEmpty()) {
            throw refusal(ResultCode.ACR_NONE_SUPPORTED);
        }
        for (String value : values) {
            if (!settings.supportedAcrs().contains(value)) {
                throw refusal(ResultCode.ACR_NOT_SUPPORTED, Quoted.of(value));
            }
        }
        return new Acrs(values, acr != null && acr.essential());
    }

    /** The words of a space-delimited parameter; runs of spaces are tolerated. */
    static List<String> words(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : value.split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static OAuthException refusal(ResultCode code, Object... args) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code, args);
    }
}
