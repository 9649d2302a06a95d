package io.grantsmith.core.error;

import java.util.Objects;

/**
 * A result code with its message filled in: {@code [A052301] ...}. The message is public: it goes into
 * {@code resultMessage} and into the {@code error_description} that the client sees, so it must never
 * carry a secret (token, password, client secret).
 */
public record ResultMessage(ResultCode code, String text) {
    public ResultMessage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** The message as Authlete writes {@code resultMessage}: {@code "[A052301] text"}. */
    public String formatted() {
        return "[" + code.code() + "] " + text;
    }

    @Override
    public String toString() {
        return formatted();
    }
}
