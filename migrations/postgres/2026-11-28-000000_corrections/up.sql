-- Public notes appended to an article after it ran, newest last. They are never edited or
-- removed: a correction that rewrote history would defeat its purpose. The index serves the
-- read every article page makes, in the order readers see.
CREATE TABLE article_corrections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX article_corrections_article_idx ON article_corrections (article_id, id);
