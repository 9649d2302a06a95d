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
        return validate(subject, ResultCode.SUBJECT_MISSING, ResultCode.SUBJECT_NOT_ASCII,
                ResultCode.SUBJECT_TOO_LONG);
    }

    /** As {@link #validate(String)}, reporting each refusal with the caller's code (a caller error, so a 500). */
    public static String validate(String subject, ResultCode missing, ResultCode notAscii, ResultCode tooLong) {
        if (subject == null || subject.isEmpty()) {
            throw OAuthException.serverError(missing);
        }
        if (!isPrintableAscii(subject)) {
            throw OAuthException.serverError(notAscii);
        }
        if (subject.length() > MAX_LENGTH) {
            throw OAuthException.serverError(tooLong, MAX_LENGTH);
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
