package io.grantsmith.core.authorization;

import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Scopes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The claim names the authorization server must supply, as Authlete lists them in {@code claims} (for the ID
 * token) and {@code claimsAtUserInfo}: those the {@code claims} parameter names and those the shortcut scopes
 * stand for, less the claims the server sets itself, and only claims the service supports when it lists any.
 */
final class ClaimNames {
    private ClaimNames() {
    }

    static List<String> forIdToken(Scopes scopes, ClaimsRequest claims, ResponseType type,
            AuthorizationSettings settings) {
        if (!scopes.contains("openid")) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>(claims.idToken().keySet());
        // OpenID Connect Core §5.4: shortcut claims belong in the ID token only when no access token is issued;
        // Authlete puts them in both unless the service asks for the strict reading.
        if (!settings.claimShortcutRestrictive() || !issuesAccessToken(type)) {
            names.addAll(ScopeClaims.of(scopes));
        }
        return supplied(names, settings);
    }

    static List<String> forUserInfo(Scopes scopes, ClaimsRequest claims, ResponseType type,
            AuthorizationSettings settings) {
        if (!scopes.contains("openid")) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>(claims.userInfo().keySet());
        if (issuesAccessToken(type)) {
            names.addAll(ScopeClaims.of(scopes));
        }
        return supplied(names, settings);
    }

    private static boolean issuesAccessToken(ResponseType type) {
        return type.containsCode() || type.containsToken();
    }

    private static List<String> supplied(Collection<String> names, AuthorizationSettings settings) {
        List<String> supplied = new ArrayList<>(names.size());
        for (String name : names) {
            String base = baseName(name);
            if (!ScopeClaims.SET_BY_SERVER.contains(base)
                    && (settings.supportedClaims().isEmpty() || settings.supportedClaims().contains(base))) {
                supplied.add(name);
            }
        }
        return supplied;
    }

    /** The claim name without its language tag: {@code name#ja-Kana-JP} is {@code name}. */
    private static String baseName(String name) {
        int hash = name.indexOf('#');
        return hash < 0 ? name : name.substring(0, hash);
    }
}
