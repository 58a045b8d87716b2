-- GraphQL operations registered ahead with `quire queries add`, by the SHA-256 of their text:
-- the only ones a server in persisted-only mode runs for the public.
CREATE TABLE persisted_queries (
    hash TEXT PRIMARY KEY NOT NULL,
    query TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
