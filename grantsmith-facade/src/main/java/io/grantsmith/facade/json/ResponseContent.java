package io.grantsmith.facade.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.result.Issuance;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes {@code responseContent}: the JSON body the authorization server sends to the client. Token responses
 * follow RFC 6749 §5.1 and leave out absent members instead of writing {@code null} (strict clients reject
 * nulls); visible token properties become extra members. Error responses follow §5.2 with Authlete's
 * {@code [code] message} description and a documentation URI, each omitted when the service says so.
 */
public final class ResponseContent {
    private static final JsonFactory JSON = new JsonFactory();

    private final String errorUriBase;

    /** @param errorUriBase prefix of {@code error_uri}; the result code is appended (Authlete: {@code https://docs.authlete.com/#}) */
    public ResponseContent(String errorUriBase) {
        this.errorUriBase = Objects.requireNonNull(errorUriBase, "errorUriBase");
    }

    /** The prefix of {@code error_uri}, to which a result code is appended. */
    public String errorUriBase() {
        return errorUriBase;
    }

    public String token(Issuance issuance) {
        return write(json -> {
            json.writeStringField("access_token", issuance.accessToken().value());
            if (issuance.refreshToken() != null) {
                json.writeStringField("refresh_token", issuance.refreshToken().value());
            }
            if (!issuance.scopes().isEmpty()) {
                json.writeStringField("scope", issuance.scopes().toWire());
            }
            json.writeStringField("token_type", issuance.tokenType());
            json.writeNumberField("expires_in", issuance.accessToken().duration().getSeconds());
            if (issuance.idToken() != null) {
                json.writeStringField("id_token", issuance.idToken());
            }
            for (TokenProperty property : issuance.properties()) {
                if (!property.hidden()) {
                    json.writeStringField(property.key(), property.value());
                }
            }
        });
    }

    public String error(Service service, OAuthError error) {
        return write(json -> {
            json.writeStringField("error", error.error().wireValue());
            if (!service.errorDescriptionOmitted()) {
                json.writeStringField("error_description", error.result().formatted());
            }
            if (!service.errorUriOmitted()) {
                json.writeStringField("error_uri", errorUriBase + error.result().code().code());
            }
        });
    }

    private interface Members {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Members members) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }
}
