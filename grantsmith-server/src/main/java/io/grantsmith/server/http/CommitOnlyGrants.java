package io.grantsmith.server.http;

import io.grantsmith.core.request.FormParameters;

/**
 * Which token requests are answered from nothing but their tokens' commit, so that while the commit is pending they
 * may give their sender's slot to its next request ({@link Exchange#respondWhenCommitted}): {@code client_credentials}.
 * A refresh may sign a new ID token or retry a lost race after its commit, on Jetty's pool; that work must run holding
 * a slot, or a tenant flooding refreshes would sign beyond its share of the CPU, unpaced and uncharged.
 */
final class CommitOnlyGrants {
    private CommitOnlyGrants() {
    }

    /** Whether the token request's form asks for a grant answered from its commit alone (malformed: no). */
    static boolean isCommitOnly(String form) {
        if (form == null || !form.contains("client_credentials")) {
            return false; // the cheap answer for every other grant, without parsing the form
        }
        try {
            return "client_credentials".equals(FormParameters.parse(form).first("grant_type"));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
