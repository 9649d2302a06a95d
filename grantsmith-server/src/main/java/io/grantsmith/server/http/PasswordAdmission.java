package io.grantsmith.server.http;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.GrantNotAdmittedException;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.spi.GrantAdmission;
import io.grantsmith.facade.token.TokenAnswer;
import io.grantsmith.facade.users.PasswordAttempt;
import io.grantsmith.facade.users.PasswordCheck;
import io.grantsmith.facade.users.UserDirectory;

/**
 * The password limits of one token request at {@code /as}, applied before the engine writes the grant's ticket:
 * once the client is authenticated, an attempt that is throttled or finds every verification slot busy is refused
 * ({@link GrantNotAdmittedException} with the {@link PasswordCheck}) and nothing is stored; an admitted one keeps
 * its verification slot until {@link #verify}. Before, every refused attempt of a flood cost a ticket write.
 */
final class PasswordAdmission implements GrantAdmission, AutoCloseable {
    private final UserDirectory users;
    private PasswordAttempt attempt;

    PasswordAdmission(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void admit(Service service, Client client, GrantType grantType, FormParameters parameters) {
        if (grantType != GrantType.PASSWORD) {
            return;
        }
        String username = parameters.first("username");
        String password = parameters.first("password");
        if (username == null || password == null || username.isEmpty() || password.isEmpty()) {
            return; // the grant refuses the request itself, before any ticket
        }
        attempt = users.begin(service.id(), client.id(), username, password);
        attempt.refusal().filter(refusal -> !(refusal instanceof PasswordCheck.Rejected)).ifPresent(refusal -> {
            throw new GrantNotAdmittedException(refusal);
        });
    }

    /** The outcome of the attempt admitted for this request's ticket (checked now, when it was not checked before). */
    PasswordCheck verify(long serviceId, TokenAnswer.PasswordStep step) {
        if (attempt == null) {
            return users.check(serviceId, step.clientId(), step.username(), step.password());
        }
        return attempt.verify();
    }

    /** Gives back a verification slot that was taken but not used (the ticket could not be written). */
    @Override
    public void close() {
        if (attempt != null) {
            attempt.close();
        }
    }
}
