package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Access and refresh tokens and their grants: writes through the group-commit writer, finds through the read pool.
 * Each write exists twice, blocking and asynchronous, over the same {@link WriteOp}.
 */
final class JdbcTokenStore implements TokenStore {
    private final StoreWriter writer;
    private final ReadPool reads;
    private final TokenRows rows;
    private final JsonColumns json;

    JdbcTokenStore(StoreWriter writer, ReadPool reads, TokenRows rows, JsonColumns json) {
        this.writer = writer;
        this.reads = reads;
        this.rows = rows;
        this.json = json;
    }

    @Override
    public SaveOutcome saveAccessToken(AccessTokenRecord accessToken) {
        return writer.submit("saveAccessToken", saveAccess(accessToken));
    }

    @Override
    public CompletionStage<SaveOutcome> saveAccessTokenAsync(AccessTokenRecord accessToken) {
        return writer.submitAsync("saveAccessToken", saveAccess(accessToken));
    }

    @Override
    public SaveOutcome saveAccessTokenWithGrant(AccessTokenRecord accessToken, GrantRecord grant) {
        return writer.submit("saveAccessTokenWithGrant", saveAccessWithGrant(accessToken, grant));
    }

    @Override
    public CompletionStage<SaveOutcome> saveAccessTokenWithGrantAsync(AccessTokenRecord accessToken,
            GrantRecord grant) {
        return writer.submitAsync("saveAccessTokenWithGrant", saveAccessWithGrant(accessToken, grant));
    }

    @Override
    public SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken) {
        return writer.submit("saveGrant", saveGrantOp(accessToken, refreshToken));
    }

    @Override
    public CompletionStage<SaveOutcome> saveGrantAsync(AccessTokenRecord accessToken,
            RefreshTokenRecord refreshToken) {
        return writer.submitAsync("saveGrant", saveGrantOp(accessToken, refreshToken));
    }

    private WriteOp<SaveOutcome> saveAccess(AccessTokenRecord accessToken) {
        return new SingleUpdate<>(TokenSql.INSERT_ACCESS, rows.access(accessToken),
                inserted -> inserted == 1 ? SaveOutcome.SAVED : SaveOutcome.DUPLICATE);
    }

    private WriteOp<SaveOutcome> saveAccessWithGrant(AccessTokenRecord accessToken, GrantRecord grantRecord) {
        Params access = rows.access(accessToken);
        Params grant = rows.grant(grantRecord);
        return context -> {
            try (WriteContext.OpSavepoint savepoint = context.savepoint()) {
                if (context.update(TokenSql.INSERT_ACCESS, access) == 0) {
                    return SaveOutcome.DUPLICATE;
                }
                if (context.update(TokenSql.INSERT_GRANT, grant) == 0) {
                    savepoint.rollback();
                    return SaveOutcome.DUPLICATE;
                }
                return SaveOutcome.SAVED;
            }
        };
    }

    private WriteOp<SaveOutcome> saveGrantOp(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken) {
        Params access = rows.access(accessToken);
        Params grant = rows.grant(refreshToken.grant());
        Params refresh = rows.refresh(refreshToken);
        return context -> {
            try (WriteContext.OpSavepoint savepoint = context.savepoint()) {
                if (context.update(TokenSql.INSERT_ACCESS, access) == 0) {
                    return SaveOutcome.DUPLICATE;
                }
                if (context.update(TokenSql.INSERT_GRANT, grant) == 0
                        || context.update(TokenSql.INSERT_REFRESH, refresh) == 0) {
                    savepoint.rollback();
                    return SaveOutcome.DUPLICATE;
                }
                return SaveOutcome.SAVED;
            }
        };
    }

    /** By key and hash; a value without a key, or one whose key finds nothing, may be caller-chosen. */
    @Override
    public Optional<AccessTokenRecord> findAccessToken(long serviceId, TokenLookup lookup) {
        Optional<AccessTokenRecord> byKey = lookup.key() == 0 ? Optional.empty()
                : reads.first("findAccessToken", TokenSql.FIND_ACCESS,
                        Params.of().integer(lookup.key()).blob(lookup.hash().bytes()).integer(serviceId), rows::access);
        return byKey.isPresent() ? byKey : reads.first("findAccessToken", TokenSql.FIND_CALLER_CHOSEN_ACCESS,
                Params.of().integer(serviceId).blob(lookup.hash().bytes()), rows::access);
    }

    @Override
    public Optional<RefreshTokenRecord> findRefreshToken(TokenLookup lookup) {
        if (lookup.key() == 0) {
            return Optional.empty();
        }
        return reads.first("findRefreshToken", TokenSql.FIND_REFRESH,
                Params.of().integer(lookup.key()).blob(lookup.hash().bytes()), rows::refresh);
    }

    @Override
    public Optional<RefreshTokenRecord> findRefreshToken(long key) {
        return reads.first("findRefreshToken", TokenSql.FIND_REFRESH_BY_KEY, Params.of().integer(key), rows::refresh);
    }

    @Override
    public Optional<GrantRecord> findGrant(FamilyId family) {
        return reads.first("findGrant", TokenSql.FIND_GRANT, Params.of().blob(Columns.family(family)), rows::grantRow);
    }

    /**
     * In one savepoint: the grant first (it must not be revoked; it is kept until the new tokens expire), then the
     * conditional update of the guarded refresh token (a failed precondition wins over a duplicate, as in the
     * reference store), then the new access token and a rotation's successor (a taken key or caller-chosen hash
     * rolls everything back), then, unless the write is a replay, the family's other access tokens go.
     */
    @Override
    public RefreshWriteOutcome applyRefresh(RefreshWrite write) {
        return writer.submit("applyRefresh", refreshOp(write));
    }

    @Override
    public CompletionStage<RefreshWriteOutcome> applyRefreshAsync(RefreshWrite write) {
        return writer.submitAsync("applyRefresh", refreshOp(write));
    }

    private WriteOp<RefreshWriteOutcome> refreshOp(RefreshWrite write) {
        Guard guard = guard(write);
        Params access = rows.access(write.accessToken());
        long accessKey = write.accessToken().key();
        Params successor = write instanceof RefreshWrite.Rotate rotate ? rows.refresh(rotate.successor()) : null;
        boolean supersedes = write.supersedesAccessTokens();
        long keptUntil = millis(write.grantKeptUntil());
        Params grant = Params.of().integer(keptUntil).integer(keptUntil).integer(write.guardedKey());
        return context -> {
            try (WriteContext.OpSavepoint savepoint = context.savepoint()) {
                if (context.update(TokenSql.KEEP_GRANT, grant) == 0) {
                    return RefreshWriteOutcome.PRECONDITION_FAILED;
                }
                Optional<byte[]> family = context.first(guard.sql(), guard.params(), row -> row.getBytes("family"));
                if (family.isEmpty()) {
                    savepoint.rollback();
                    return RefreshWriteOutcome.PRECONDITION_FAILED;
                }
                if (context.update(TokenSql.INSERT_ACCESS, access) == 0
                        || (successor != null && context.update(TokenSql.INSERT_REFRESH, successor) == 0)) {
                    savepoint.rollback();
                    return RefreshWriteOutcome.DUPLICATE;
                }
                if (supersedes) {
                    context.update(TokenSql.DELETE_FAMILY_ACCESS_EXCEPT,
                            Params.of().blob(family.get()).integer(accessKey));
                }
                return RefreshWriteOutcome.APPLIED;
            }
        };
    }

    @Override
    public void revokeGrant(FamilyId family) {
        Params params = Params.of().blob(Columns.family(family));
        writer.submit("revokeGrant", context -> {
            context.update(TokenSql.REVOKE_GRANT, params);
            context.update(TokenSql.DELETE_FAMILY_ACCESS, params);
            return null;
        });
    }

    @Override
    public boolean deleteAccessToken(long key) {
        return writer.submit("deleteAccessToken",
                new SingleUpdate<>(TokenSql.DELETE_ACCESS, Params.of().integer(key), deleted -> deleted == 1));
    }

    /** The conditional statement that checks (and for rotate and extend, applies) the refresh-token change. */
    private Guard guard(RefreshWrite write) {
        Params params = Params.of();
        String sql;
        if (write instanceof RefreshWrite.Rotate rotate) {
            sql = TokenSql.ROTATE;
            params.integer(millis(write.now())).integer(rotate.successor().key());
        } else if (write instanceof RefreshWrite.Extend extend) {
            sql = TokenSql.EXTEND;
            params.integer(millis(extend.newExpiresAt())).text(json.properties(extend.properties()));
        } else {
            sql = TokenSql.CHECK_ACTIVE;
        }
        return new Guard(sql, params.integer(write.guardedKey()).integer(millis(write.now())));
    }

    private record Guard(String sql, Params params) {
    }
}
