package io.grantsmith.core.grant;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.GrantRequest;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.request.RequiredParameter;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 6749 §4.3. The engine does not know users: it validates the request and hands out a ticket
 * ({@code PASSWORD}); the authorization server checks the credentials and finishes with
 * {@code /auth/token/issue} or {@code /auth/token/fail}. Request {@code properties} are ignored here, as in
 * Authlete: they belong to {@code /auth/token/issue}.
 */
public final class PasswordGrantHandler implements GrantHandler {
    private static final ParameterRules RULES = ParameterRules.of(Map.of(
            "username", ResultCode.USERNAME_REPEATED,
            "password", ResultCode.PASSWORD_REPEATED,
            "scope", ResultCode.PASSWORD_SCOPE_REPEATED), Set.of("resource"));
    private static final ScopePolicy.Codes SCOPE_CODES = new ScopePolicy.Codes(
            ResultCode.PASSWORD_SCOPE_UNSUPPORTED, ResultCode.PASSWORD_SCOPE_NOT_REQUESTABLE,
            ResultCode.PASSWORD_SCOPE_REQUIRED);

    private final TicketStore tickets;
    private final TokenValues values;
    private final Duration ticketLifetime;

    public PasswordGrantHandler(EngineServices services) {
        this.tickets = services.tickets();
        this.values = services.values();
        this.ticketLifetime = services.ticketLifetime();
    }

    @Override
    public String grantType() {
        return GrantType.PASSWORD.wireValue();
    }

    @Override
    public ParameterRules parameterRules() {
        return RULES;
    }

    @Override
    public ResultCode storeFailure() {
        return ResultCode.PASSWORD_TICKET_STORE_FAILED;
    }

    @Override
    public TokenResult handle(GrantContext context) {
        GrantRequest.Password grant = parse(context.parameters());
        Scopes scopes = ScopePolicy.resolve(context.service(), context.client(), grant.scope(),
                !grant.scope().isEmpty(), SCOPE_CODES);
        List<String> resources = ResourceIndicators.validate(grant.resources());

        TokenValue ticket = values.newToken(); // keyed, so that its row is appended to the index (see TokenIds)
        tickets.saveTicket(new Ticket(ticket.key(), ticket.hash(), context.service().id(), context.client().id(),
                context.identity().aliasUsed(), context.identity().authMethod(), scopes, resources, context.now(),
                context.now().plus(ticketLifetime), null));
        return new TokenResult.Password(context.facts(), ResultCode.PASSWORD_TICKET_ISSUED.message(), ticket.value(),
                grant.username(), grant.password(), scopes, resources);
    }

    static GrantRequest.Password parse(FormParameters parameters) {
        String username = RequiredParameter.read(parameters, "username", ResultCode.USERNAME_MISSING,
                ResultCode.USERNAME_EMPTY);
        String password = RequiredParameter.read(parameters, "password", ResultCode.PASSWORD_MISSING,
                ResultCode.PASSWORD_EMPTY);
        return new GrantRequest.Password(username, password, Scopes.parse(parameters.optional("scope")),
                GrantRequest.resourcesOf(parameters));
    }
}
