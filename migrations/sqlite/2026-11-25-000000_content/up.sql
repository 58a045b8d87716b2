CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'AUTHOR')),
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE authors (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    bio TEXT,
    avatar_url TEXT,
    url TEXT,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT authors_slug_key UNIQUE (slug)
);
CREATE INDEX authors_name_idx ON authors (name, id);
CREATE INDEX authors_user_id_idx ON authors (user_id);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT,
    country TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT sources_slug_key UNIQUE (slug)
);
CREATE INDEX sources_name_idx ON sources (name, id);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    description TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT tags_slug_key UNIQUE (slug),
    CONSTRAINT tags_name_key UNIQUE (name_key)
);
CREATE INDEX tags_name_idx ON tags (name, id);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    subtitle TEXT,
    excerpt TEXT NOT NULL,
    excerpt_is_custom BOOLEAN NOT NULL,
    word_count INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    published_at TIMESTAMP,
    sort_at TIMESTAMP NOT NULL,
    source_id BIGINT REFERENCES sources (id) ON DELETE RESTRICT,
    source_url TEXT,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    -- The bulky columns come last: SQLite stores a row's columns in order, so reading any
    -- column after a long body would walk the body's overflow pages.
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    CONSTRAINT articles_slug_key UNIQUE (slug)
);
CREATE INDEX articles_status_sort_idx ON articles (status, sort_at, id);
CREATE INDEX articles_sort_idx ON articles (sort_at, id);
CREATE INDEX articles_updated_idx ON articles (updated_at, id);
CREATE INDEX articles_title_idx ON articles (title, id);
CREATE INDEX articles_source_idx ON articles (source_id);

CREATE TABLE article_authors (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author_idx ON article_authors (author_id, article_id);

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag_idx ON article_tags (tag_id, article_id);

CREATE TABLE article_related (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    related_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, related_id)
);
CREATE INDEX article_related_related_idx ON article_related (related_id);

CREATE TABLE article_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    subtitle TEXT,
    excerpt TEXT NOT NULL,
    edited_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    body TEXT NOT NULL,
    CONSTRAINT article_revisions_version_key UNIQUE (article_id, version)
);

CREATE TABLE refresh_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family);

CREATE TABLE settings (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
