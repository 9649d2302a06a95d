package io.grantsmith.facade.manage;

/** RFC 6749 §3.3 {@code scope-token}: one or more of %x21 / %x23-5B / %x5D-7E. */
final class ScopeNames {
    private ScopeNames() {
    }

    static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
