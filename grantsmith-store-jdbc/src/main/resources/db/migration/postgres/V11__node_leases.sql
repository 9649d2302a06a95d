-- Node IDs leased by the nodes that share the database (the PostgreSQL side of sqlite/V11): the 10 node bits of
-- every token row key, so that two live nodes never mint the same key.
CREATE TABLE node_leases (
    node_id    INTEGER PRIMARY KEY,        -- 0 .. 1023
    holder     TEXT COLLATE "C" NOT NULL,  -- host, process and a random part: who holds it, for the operator
    expires_at BIGINT  NOT NULL            -- epoch milliseconds of the holder's clock
);
