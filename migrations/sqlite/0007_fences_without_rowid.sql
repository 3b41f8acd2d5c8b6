-- The fence table as a WITHOUT ROWID table (issue 12). A fenced acquire on
-- SQLite writes the lease row and bumps its key's fence in one transaction; as a
-- rowid table with a text primary key the fence lived in two b-trees (the rows
-- and the key's index), so every acquire wrote both. Clustered on lock_key it
-- is one b-tree and one page per bump. Same columns, same rows; the rebuild runs
-- inside the migration's transaction.
CREATE TABLE lockscope_fences_clustered (
    lock_key    TEXT PRIMARY KEY,
    last_fence  INTEGER NOT NULL,
    owner_token TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO lockscope_fences_clustered (lock_key, last_fence, owner_token)
    SELECT lock_key, last_fence, owner_token FROM lockscope_fences;

DROP TABLE lockscope_fences;

ALTER TABLE lockscope_fences_clustered RENAME TO lockscope_fences;
