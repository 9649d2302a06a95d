package io.grantsmith.facade.authorization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.api.dto.ApiResponse;
import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationResponse;
import io.grantsmith.api.dto.Pair;
import io.grantsmith.api.dto.Scope;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.core.authorization.AuthorizationAction;
import io.grantsmith.core.authorization.AuthorizationFailResult;
import io.grantsmith.core.authorization.AuthorizationIssueResult;
import io.grantsmith.core.authorization.AuthorizationRefusal;
import io.grantsmith.core.authorization.AuthorizationResult;
import io.grantsmith.core.authorization.AuthorizationStart;
import io.grantsmith.core.authorization.ValidatedAuthorizationRequest;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.ScopeDefinition;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.facade.json.ResponseContent;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.token.WireValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where the authorization flow's results become Authlete's DTOs: each result record is flattened
 * into {@link AuthorizationResponse} (or its issue/fail siblings) with exactly the fields its action fills, and
 * {@code responseContent} in the form the action calls for: error JSON ({@code BAD_REQUEST},
 * {@code INTERNAL_SERVER_ERROR}), a URL ({@code LOCATION}) or an auto-submitting page ({@code FORM}).
 */
public final class AuthorizationResponses {
    private final ResponseContent content;

    public AuthorizationResponses(ResponseContent content) {
        this.content = content;
    }

    public AuthorizationResponse toResponse(AuthorizationStart start) {
        AuthorizationResponse response = new AuthorizationResponse();
        AuthorizationResult result = start.result();
        Service service = result.service();
        if (result instanceof AuthorizationResult.Valid valid) {
            ValidatedAuthorizationRequest request = valid.request();
            Client client = request.client().client();
            response.setAction(valid.action() == AuthorizationAction.NO_INTERACTION
                    ? AuthorizationResponse.Action.NO_INTERACTION : AuthorizationResponse.Action.INTERACTION);
            result(response, ResultCode.AUTHORIZATION_OK.message(service.id(), client.id(),
                    request.responseType().wireValue(), request.openid()));
            interaction(response, service, request, start.requested().claims());
            response.setTicket(start.ticket());
        } else if (result instanceof AuthorizationResult.BadRequest refusal) {
            response.setAction(AuthorizationResponse.Action.BAD_REQUEST)
                    .setResponseContent(content.error(service, refusal.error()));
            result(response, refusal.error().result());
            client(response, service, refusal.client());
        } else if (result instanceof AuthorizationResult.ErrorRedirect redirect) {
            response.setAction(redirect.responseMode() == ResponseMode.FORM_POST
                    ? AuthorizationResponse.Action.FORM : AuthorizationResponse.Action.LOCATION)
                    .setResponseContent(redirectContent(redirect));
            result(response, redirect.error().result());
            client(response, service, redirect.client());
        } else if (result instanceof AuthorizationResult.InternalServerError failure) {
            response.setAction(AuthorizationResponse.Action.INTERNAL_SERVER_ERROR)
                    .setResponseContent(content.error(service, failure.error()));
            result(response, failure.error().result());
        }
        return response;
    }

    public AuthorizationIssueResponse toResponse(AuthorizationIssueResult result) {
        AuthorizationIssueResponse response = new AuthorizationIssueResponse();
        result(response, result.result());
        if (result instanceof AuthorizationIssueResult.Issued issued) {
            boolean form = issued.responseMode() == ResponseMode.FORM_POST;
            response.setAction(form ? AuthorizationIssueResponse.Action.FORM : AuthorizationIssueResponse.Action.LOCATION)
                    .setResponseContent(form ? FormPostPage.render(issued.redirectUri(), issued.parameters())
                            : issued.location())
                    .setAuthorizationCode(issued.code());
        } else if (result instanceof AuthorizationRefusal refusal) {
            response.setAction(refusal.action() == AuthorizationAction.BAD_REQUEST
                    ? AuthorizationIssueResponse.Action.BAD_REQUEST
                    : AuthorizationIssueResponse.Action.INTERNAL_SERVER_ERROR)
                    .setResponseContent(content.error(result.service(), refusal.error()));
        }
        return response;
    }

    public AuthorizationFailResponse toResponse(AuthorizationFailResult result) {
        AuthorizationFailResponse response = new AuthorizationFailResponse();
        result(response, result.result());
        if (result instanceof AuthorizationFailResult.Redirect redirect) {
            boolean form = redirect.redirect().responseMode() == ResponseMode.FORM_POST;
            response.setAction(form ? AuthorizationFailResponse.Action.FORM : AuthorizationFailResponse.Action.LOCATION)
                    .setResponseContent(redirectContent(redirect.redirect()));
        } else if (result instanceof AuthorizationRefusal refusal) {
            response.setAction(refusal.action() == AuthorizationAction.BAD_REQUEST
                    ? AuthorizationFailResponse.Action.BAD_REQUEST
                    : AuthorizationFailResponse.Action.INTERNAL_SERVER_ERROR)
                    .setResponseContent(content.error(result.service(), refusal.error()));
        }
        return response;
    }

    /** The error body for {@code error}, as the service sends it (for an authorization server's own refusals). */
    public String errorContent(Service service, OAuthError error) {
        return content.error(service, error);
    }

    private String redirectContent(AuthorizationResult.ErrorRedirect redirect) {
        if (redirect.responseMode() == ResponseMode.FORM_POST) {
            return FormPostPage.render(redirect.redirectUri(), redirect.parameters(content.errorUriBase()));
        }
        return redirect.location(content.errorUriBase());
    }

    /** The members an authorization server needs to render its login and consent page, or to decide without one. */
    private static void interaction(AuthorizationResponse response, Service service,
            ValidatedAuthorizationRequest request, String claimsParameter) {
        client(response, service, request.client());
        response.setDisplay(request.display())
                .setMaxAge(request.maxAge().orElse(0))
                .setScopes(scopes(service, request))
                .setUiLocales(WireValues.strings(request.uiLocales()))
                .setClaimsLocales(WireValues.strings(request.claimsLocales()))
                .setClaims(WireValues.strings(request.idTokenClaims()))
                .setClaimsAtUserInfo(WireValues.strings(request.userInfoClaims()))
                .setAcrs(WireValues.strings(request.acrs()))
                .setAcrEssential(request.acrEssential())
                .setSubject(request.subject())
                .setLoginHint(request.loginHint())
                .setPrompts(request.prompts().isEmpty() ? null : request.prompts().toArray(Prompt[]::new))
                .setIdTokenClaims(member(claimsParameter, "id_token"))
                .setUserInfoClaims(member(claimsParameter, "userinfo"))
                .setResources(WireValues.strings(request.resources()));
    }

    private static void client(AuthorizationResponse response, Service service, ClientIdentity identity) {
        response.setService(new io.grantsmith.api.dto.Service()
                .setApiKey(service.id())
                .setServiceName(service.name())
                .setClientIdAliasEnabled(service.clientIdAliasEnabled())
                // which ACR a login stands for when the request names none (the built-in server's default)
                .setSupportedAcrs(WireValues.strings(service.authorization().supportedAcrs())));
        if (identity == null) {
            return;
        }
        Client client = identity.client();
        response.setClientIdAliasUsed(identity.aliasUsed())
                .setClient(new io.grantsmith.api.dto.Client()
                        .setClientId(client.id())
                        .setClientIdAlias(client.alias())
                        .setClientIdAliasEnabled(client.aliasEnabled())
                        .setClientType(client.type())
                        .setClientName(client.metadata().clientName())
                        .setApplicationType(client.metadata().applicationType())
                        .setDefaultMaxAge(client.metadata().defaultMaxAge())
                        .setAuthTimeRequired(client.metadata().authTimeRequired())
                        .setPkceRequired(client.metadata().pkceRequired())
                        .setPkceS256Required(client.metadata().pkceS256Required())
                        .setLocked(client.locked())
                        .setAttributes(WireValues.attributes(client.attributes())));
    }

    /** The granted scopes with what the service says about them, in the request's order. */
    private static Scope[] scopes(Service service, ValidatedAuthorizationRequest request) {
        if (request.scopes().isEmpty()) {
            return null;
        }
        List<Scope> scopes = new ArrayList<>();
        for (String name : request.scopes()) {
            Scope scope = new Scope().setName(name);
            for (ScopeDefinition definition : service.scopes().definitions()) {
                if (definition.name().equals(name)) {
                    scope.setDefaultEntry(definition.defaultEntry()).setAttributes(pairs(definition.attributes()));
                }
            }
            scopes.add(scope);
        }
        return scopes.toArray(Scope[]::new);
    }

    private static Pair[] pairs(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        return attributes.entrySet().stream()
                .map(entry -> new Pair().setKey(entry.getKey()).setValue(entry.getValue()))
                .toArray(Pair[]::new);
    }

    /** One member ({@code id_token}, {@code userinfo}) of the {@code claims} parameter as JSON text, or null. */
    private static String member(String claimsParameter, String name) {
        if (claimsParameter == null) {
            return null;
        }
        try {
            JsonNode member = WireJson.mapper().readTree(claimsParameter).get(name);
            return member == null || !member.isObject() ? null : member.toString();
        } catch (JsonProcessingException e) {
            return null; // validated before: cannot happen
        }
    }

    private static void result(ApiResponse response, ResultMessage result) {
        response.setResultCode(result.code().code());
        response.setResultMessage(result.formatted());
    }
}
