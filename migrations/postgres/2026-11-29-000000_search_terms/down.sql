DROP INDEX articles_search_idx;
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('simple', excerpt), 'B')
    || setweight(to_tsvector('simple', body), 'C')
) STORED;
CREATE INDEX articles_search_idx ON articles USING GIN (search);
DELETE FROM settings WHERE name = 'search_index';
