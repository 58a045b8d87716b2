-- Slugs an article had before it was renamed. Each still leads to its article, so links out in
-- the world keep working, and none can be taken by another article.
CREATE TABLE article_slugs (
    slug TEXT PRIMARY KEY NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    retired_at TIMESTAMP NOT NULL
);

CREATE INDEX article_slugs_article_idx ON article_slugs (article_id);
