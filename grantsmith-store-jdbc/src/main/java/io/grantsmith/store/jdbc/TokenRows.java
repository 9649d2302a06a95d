package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.family;
import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.instantOrNull;
import static io.grantsmith.store.jdbc.Columns.millis;
import static io.grantsmith.store.jdbc.Columns.millisOrNull;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Token records to statement parameters and back, in the column order of {@link TokenSql}. */
final class TokenRows {
    private final JsonColumns json;

    TokenRows(JsonColumns json) {
        this.json = json;
    }

    Params access(AccessTokenRecord token) {
        return Params.of()
                .integer(token.key())
                .blob(token.hash().bytes())
                .bool(token.callerChosen())
                .integer(token.serviceId())
                .integer(token.clientId())
                .text(token.subject())
                .text(token.scopes().toWire())
                .text(json.strings(token.resources()))
                .text(token.grantType().name())
                .integer(millis(token.issuedAt()))
                .integer(millis(token.expiresAt()))
                .blob(family(token.family()))
                .text(json.properties(token.properties()))
                .bool(token.clientIdAliasUsed());
    }

    AccessTokenRecord access(ResultSet row) throws SQLException {
        return AccessTokenRecord.builder(row.getLong("token_key"), TokenHash.of(row.getBytes("hash")))
                .callerChosen(row.getBoolean("caller_chosen"))
                .serviceId(row.getLong("service_id"))
                .clientId(row.getLong("client_id"))
                .subject(row.getString("subject"))
                .scopes(Scopes.parse(row.getString("scopes")))
                .resources(json.strings(row.getString("resources")))
                .grantType(GrantType.valueOf(row.getString("grant_type")))
                .issuedAt(instant(row, "issued_at"))
                .expiresAt(instant(row, "expires_at"))
                .family(family(row, "family"))
                .properties(json.properties(row.getString("properties")))
                .clientIdAliasUsed(row.getBoolean("client_id_alias_used"))
                .build();
    }

    Params grant(GrantRecord grant) {
        return Params.of()
                .blob(family(grant.id()))
                .integer(grant.serviceId())
                .integer(grant.clientId())
                .text(grant.subject())
                .text(grant.scopes().toWire())
                .text(json.strings(grant.resources()))
                .text(grant.grantType().name())
                .text(grant.claims())
                .integerOrNull(millisOrNull(grant.authTime()))
                .text(grant.acr())
                .text(grant.nonce())
                .integer(millis(grant.createdAt()))
                .integer(millis(grant.expiresAt()))
                .bool(grant.revoked())
                .text(consentedClaims(grant.consentedClaims()));
    }

    /** The grant of a {@link TokenSql#FIND_REFRESH} row, from its {@code g_} columns. */
    GrantRecord grant(ResultSet row) throws SQLException {
        return grant(row, "g_");
    }

    /** A {@link TokenSql#FIND_GRANT} row. */
    GrantRecord grantRow(ResultSet row) throws SQLException {
        return grant(row, "");
    }

    private GrantRecord grant(ResultSet row, String prefix) throws SQLException {
        return GrantRecord.builder(family(row, prefix + "id"))
                .serviceId(row.getLong(prefix + "service_id"))
                .clientId(row.getLong(prefix + "client_id"))
                .subject(row.getString(prefix + "subject"))
                .scopes(Scopes.parse(row.getString(prefix + "scopes")))
                .resources(json.strings(row.getString(prefix + "resources")))
                .grantType(GrantType.valueOf(row.getString(prefix + "grant_type")))
                .claims(row.getString(prefix + "claims"))
                .authTime(instantOrNull(row, prefix + "auth_time"))
                .acr(row.getString(prefix + "acr"))
                .nonce(row.getString(prefix + "nonce"))
                .createdAt(instant(row, prefix + "created_at"))
                .expiresAt(instant(row, prefix + "expires_at"))
                .revoked(row.getBoolean(prefix + "revoked"))
                .consentedClaims(consentedClaims(row.getString(prefix + "consented_claims")))
                .build();
    }

    /** Null (not said) as NULL, none consented as an empty array, else a JSON array of the names. */
    private String consentedClaims(List<String> names) {
        return names == null ? null : names.isEmpty() ? "[]" : json.strings(names);
    }

    /** A JSON array of claim names; null (not said) stays null, unlike an empty array (none consented). */
    private List<String> consentedClaims(String text) {
        return text == null ? null : json.strings(text);
    }

    /** A refresh token's own columns; its grant is stored apart ({@link #grant(GrantRecord)}). */
    Params refresh(RefreshTokenRecord token) {
        return Params.of()
                .integer(token.key())
                .blob(token.hash().bytes())
                .blob(family(token.family()))
                .integer(millis(token.issuedAt()))
                .integer(millis(token.expiresAt()))
                .text(json.properties(token.properties()))
                .bool(token.clientIdAliasUsed())
                .text(token.state().name())
                .integerOrNull(millisOrNull(token.rotatedAt()))
                .integer(token.successorKey());
    }

    RefreshTokenRecord refresh(ResultSet row) throws SQLException {
        return RefreshTokenRecord.builder(row.getLong("token_key"), TokenHash.of(row.getBytes("hash")), grant(row))
                .issuedAt(instant(row, "issued_at"))
                .expiresAt(instant(row, "expires_at"))
                .properties(json.properties(row.getString("properties")))
                .clientIdAliasUsed(row.getBoolean("client_id_alias_used"))
                .state(RefreshTokenState.valueOf(row.getString("state")))
                .rotatedAt(instantOrNull(row, "rotated_at"))
                .successorKey(row.getLong("successor_key"))
                .build();
    }
}
