-- Read-only credentials for frontends. Only a SHA-256 hash of each secret is kept, so a copy of
-- the database holds no usable token; the hash is unique, which also indexes the lookup every
-- request carrying a token makes.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('READ', 'PREVIEW')),
    secret_hash TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    CONSTRAINT api_tokens_secret_hash_key UNIQUE (secret_hash)
);
