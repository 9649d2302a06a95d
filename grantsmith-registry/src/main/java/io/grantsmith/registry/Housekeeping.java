package io.grantsmith.registry;

import java.time.Instant;

/** Removes records that can no longer matter, so that tables do not grow without bound. */
public interface Housekeeping {
    /**
     * Deletes up to {@code limit} rows of each kind (access tokens, refresh tokens, grants, tickets, authorization
     * tickets and authorization codes) that expired before {@code now}; a grant expires after the last of its
     * tokens. Rotated and revoked refresh tokens and redeemed codes are kept until they expire, so that reuse can
     * be detected until then.
     *
     * @return how many rows were deleted in all
     */
    int purgeExpired(Instant now, int limit);

    /**
     * Whether writes other than the purge's went to the store's writer since the last call, or wait for it now: the
     * janitor then rests longer between batches. A store that cannot tell (the in-memory one: each purge holds its
     * lock, which issuance waits for) counts as always busy, so the janitor never takes more than its busy share.
     */
    default boolean othersWriting() {
        return true;
    }

    /**
     * A running count of the writes other than the purge's that went to the store's writer (committed or failed), or
     * -1 when the store cannot tell (the in-memory one). While others write, the janitor deletes at most a few rows
     * for each of their writes: every row they write expires once, so that keeps pace with expiry while a backlog is
     * worked off at a rate that follows the load instead of a fixed share of the writer.
     */
    default long writesByOthers() {
        return -1;
    }
}
