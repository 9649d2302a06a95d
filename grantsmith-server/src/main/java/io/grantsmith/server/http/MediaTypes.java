package io.grantsmith.server.http;

import java.util.Locale;

/** Content types as endpoints compare them: type/subtype in lower case, parameters such as charset dropped. */
public final class MediaTypes {
    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    private MediaTypes() {
    }

    /** {@code "Application/JSON; charset=UTF-8"} → {@code "application/json"}; null stays null. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String essence = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return essence.trim().toLowerCase(Locale.ROOT);
    }
}
