package io.grantsmith.core.grant;

import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;

/** A resource owner's subject as the caller names it: 1 to 100 printable ASCII characters, as Authlete requires. */
final class SubjectRules {
    static final int MAX_LENGTH = 100;

    private SubjectRules() {
    }

    static String validate(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw OAuthException.serverError(ResultCode.SUBJECT_MISSING);
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw OAuthException.serverError(ResultCode.SUBJECT_NOT_ASCII);
            }
        }
        if (subject.length() > MAX_LENGTH) {
            throw OAuthException.serverError(ResultCode.SUBJECT_TOO_LONG, MAX_LENGTH);
        }
        return subject;
    }
}
