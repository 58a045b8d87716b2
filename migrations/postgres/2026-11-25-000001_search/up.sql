-- Full-text search over articles: a weighted document kept by the database itself.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('simple', excerpt), 'B')
    || setweight(to_tsvector('simple', body), 'C')
) STORED;

CREATE INDEX articles_search_idx ON articles USING GIN (search);
