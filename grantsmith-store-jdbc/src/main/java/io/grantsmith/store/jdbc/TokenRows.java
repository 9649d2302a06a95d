package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.family;
import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.instantOrNull;
import static io.grantsmith.store.jdbc.Columns.millis;
import static io.grantsmith.store.jdbc.Columns.millisOrNull;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;

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
        return new AccessTokenRecord(
                row.getLong("token_key"),
                TokenHash.of(row.getBytes("hash")),
                row.getBoolean("caller_chosen"),
                row.getLong("service_id"),
                row.getLong("client_id"),
                row.getString("subject"),
                Scopes.parse(row.getString("scopes")),
                json.strings(row.getString("resources")),
                GrantType.valueOf(row.getString("grant_type")),
                instant(row, "issued_at"),
                instant(row, "expires_at"),
                family(row, "family"),
                json.properties(row.getString("properties")),
                row.getBoolean("client_id_alias_used"));
    }

    Params refresh(RefreshTokenRecord token) {
        return Params.of()
                .integer(token.key())
                .blob(token.hash().bytes())
                .blob(family(token.family()))
                .integer(token.serviceId())
                .integer(token.clientId())
                .text(token.subject())
                .text(token.scopes().toWire())
                .text(json.strings(token.resources()))
                .text(token.grantType().name())
                .integer(millis(token.issuedAt()))
                .integer(millis(token.expiresAt()))
                .text(json.properties(token.properties()))
                .bool(token.clientIdAliasUsed())
                .text(token.state().name())
                .integerOrNull(millisOrNull(token.rotatedAt()))
                .integer(token.successorKey());
    }

    RefreshTokenRecord refresh(ResultSet row) throws SQLException {
        return new RefreshTokenRecord(
                row.getLong("token_key"),
                TokenHash.of(row.getBytes("hash")),
                family(row, "family"),
                row.getLong("service_id"),
                row.getLong("client_id"),
                row.getString("subject"),
                Scopes.parse(row.getString("scopes")),
                json.strings(row.getString("resources")),
                GrantType.valueOf(row.getString("grant_type")),
                instant(row, "issued_at"),
                instant(row, "expires_at"),
                json.properties(row.getString("properties")),
                row.getBoolean("client_id_alias_used"),
                RefreshTokenState.valueOf(row.getString("state")),
                instantOrNull(row, "rotated_at"),
                row.getLong("successor_key"));
    }
}
