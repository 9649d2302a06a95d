-- Node IDs leased by the nodes that share the database: the 10 node bits of every token row key (see TokenIds), so
-- that two live nodes never mint the same key. A node takes the lowest ID that is free or whose lease expired, with
-- one conditional upsert, and renews its lease well before it expires; a node that cannot renew stops minting.
-- A single SQLite node leases too (trivially ID 0), through the same statements.
CREATE TABLE node_leases (
    node_id    INTEGER PRIMARY KEY,  -- 0 .. 1023
    holder     TEXT    NOT NULL,     -- host, process and a random part: who holds it, for the operator
    expires_at INTEGER NOT NULL      -- epoch milliseconds of the holder's clock
) STRICT;
