package io.grantsmith.core.idtoken;

import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.authorization.ScopeClaims;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Scopes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which user claims go into an ID token and into a userinfo response (OpenID Connect Core §5.4, §5.5), and the
 * selection of their values from what is known about the user. Only a grant with {@code openid} has any.
 */
public final class RequestedClaims {
    private RequestedClaims() {
    }

    /**
     * The claims an ID token carries: those the {@code claims} parameter's {@code id_token} member names, and
     * those the scopes {@code profile}, {@code email}, {@code address} and {@code phone} stand for. §5.4 puts the
     * scope claims into the ID token only when no access token is issued; Authlete puts them there always unless
     * the service sets {@code claimShortcutRestrictive}, and so does Grantsmith.
     *
     * @param accessTokenIssued whether an access token is issued with the ID token (the code flow: yes)
     */
    public static List<String> forIdToken(Scopes scopes, ClaimsRequest claims, boolean accessTokenIssued,
            AuthorizationSettings settings) {
        if (!scopes.contains("openid")) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>(claims.idToken().keySet());
        if (!settings.claimShortcutRestrictive() || !accessTokenIssued) {
            names.addAll(ScopeClaims.of(scopes));
        }
        return supplied(names, settings);
    }

    /** The claims a userinfo response carries: those of the {@code claims} parameter's {@code userinfo} and the scopes'. */
    public static List<String> forUserInfo(Scopes scopes, ClaimsRequest claims, AuthorizationSettings settings) {
        if (!scopes.contains("openid")) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>(claims.userInfo().keySet());
        names.addAll(ScopeClaims.of(scopes));
        return supplied(names, settings);
    }

    /**
     * The values of {@code names} among {@code available}, in the order of {@code names}. A name with a language
     * tag ({@code name#ja-Kana-JP}) takes the value stored under exactly that name; claims the user does not have
     * are left out (§5.3.2: not returned rather than null).
     */
    public static Map<String, Object> select(Map<String, ?> available, Collection<String> names) {
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String name : names) {
            Object value = available.get(name);
            if (value != null && !ScopeClaims.SET_BY_SERVER.contains(name)) {
                selected.put(name, value);
            }
        }
        return selected;
    }

    /**
     * Those of {@code names} the user consented to (Authlete's {@code consentedClaims} of
     * {@code /auth/authorization/issue}); all of them when {@code consented} is null. A consented name without a
     * language tag covers its tagged variants ({@code name} covers {@code name#ja}).
     */
    public static List<String> consented(List<String> names, Collection<String> consented) {
        if (consented == null) {
            return names;
        }
        return names.stream().filter(name -> consented.contains(name) || consented.contains(baseName(name)))
                .toList();
    }

    /** Without the claims the server sets itself, and only those the service supports when it lists any. */
    private static List<String> supplied(Collection<String> names, AuthorizationSettings settings) {
        return names.stream()
                .filter(name -> !ScopeClaims.SET_BY_SERVER.contains(baseName(name)))
                .filter(name -> settings.supportedClaims().isEmpty()
                        || settings.supportedClaims().contains(baseName(name)))
                .toList();
    }

    /** The claim name without its language tag: {@code name#ja-Kana-JP} is {@code name}. */
    private static String baseName(String name) {
        int hash = name.indexOf('#');
        return hash < 0 ? name : name.substring(0, hash);
    }
}
