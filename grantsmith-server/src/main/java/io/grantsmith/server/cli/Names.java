package io.grantsmith.server.cli;

import java.util.Locale;

/** Lets operators type enum values the way they know them: {@code client_secret_basic} or {@code CLIENT_SECRET_BASIC}. */
final class Names {
    private Names() {
    }

    static String constant(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
