package io.grantsmith.core.grant;

import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;

/** A resource owner's subject as the caller names it: 1 to 100 printable ASCII characters, as Authlete requires. */
public final class SubjectRules {
    public static final int MAX_LENGTH = 100;

    private SubjectRules() {
    }

    /** Whether the engine will accept {@code subject}; for those who store subjects ahead of issuing tokens. */
    public static boolean isValid(String subject) {
        return subject != null && !subject.isEmpty() && isPrintableAscii(subject) && subject.length() <= MAX_LENGTH;
    }

    static String validate(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw OAuthException.serverError(ResultCode.SUBJECT_MISSING);
        }
        if (!isPrintableAscii(subject)) {
            throw OAuthException.serverError(ResultCode.SUBJECT_NOT_ASCII);
        }
        if (subject.length() > MAX_LENGTH) {
            throw OAuthException.serverError(ResultCode.SUBJECT_TOO_LONG, MAX_LENGTH);
        }
        return subject;
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
