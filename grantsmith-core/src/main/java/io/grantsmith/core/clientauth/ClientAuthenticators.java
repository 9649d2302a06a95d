package io.grantsmith.core.clientauth;

import io.grantsmith.api.types.ClientAuthMethod;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The client authentication methods the engine implements, one {@link ClientAuthenticationMethod} per
 * {@link ClientAuthMethod}. Immutable: {@link #with} returns a new registry. A client that registered a method
 * without an authenticator here is refused with {@code A157344} (the method is not supported).
 *
 * <pre>{@code
 * TokenEngine.builder().clientAuthenticators(ClientAuthenticators.defaults().with(new MyPrivateKeyJwt()))...
 * }</pre>
 */
public final class ClientAuthenticators {
    private final Map<ClientAuthMethod, ClientAuthenticationMethod> byMethod;

    private ClientAuthenticators(Map<ClientAuthMethod, ClientAuthenticationMethod> byMethod) {
        this.byMethod = Collections.unmodifiableMap(byMethod);
    }

    /** {@code client_secret_basic}, {@code client_secret_post} and {@code none}. */
    public static ClientAuthenticators defaults() {
        return none().with(new ClientSecretBasic()).with(new ClientSecretPost()).with(new NoClientAuthentication());
    }

    /** No method at all: every client is refused. A start for an embedder that wants only its own methods. */
    public static ClientAuthenticators none() {
        return new ClientAuthenticators(new EnumMap<>(ClientAuthMethod.class));
    }

    /** This registry plus {@code authenticator}, which replaces any registered for the same method. */
    public ClientAuthenticators with(ClientAuthenticationMethod authenticator) {
        Objects.requireNonNull(authenticator, "authenticator");
        ClientAuthMethod method = Objects.requireNonNull(authenticator.method(), "authenticator.method()");
        Map<ClientAuthMethod, ClientAuthenticationMethod> copy = new EnumMap<>(ClientAuthMethod.class);
        copy.putAll(byMethod);
        copy.put(method, authenticator);
        return new ClientAuthenticators(copy);
    }

    /** The authenticator of {@code method}, if one is registered. */
    public Optional<ClientAuthenticationMethod> find(ClientAuthMethod method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    /** The methods registered, in the order of {@link ClientAuthMethod}. */
    public Set<ClientAuthMethod> methods() {
        return Collections.unmodifiableSet(byMethod.keySet());
    }

    @Override
    public String toString() {
        return "ClientAuthenticators" + byMethod.keySet();
    }
}
