-- Search indexes the terms Quire derives from an article (lowercased, stemmed for the
-- deployment's language, accents folded, CJK characters one by one), written by Quire whenever
-- the text changes, so both backends match the same terms. The column is filled at the next
-- start, which finds no record of the language it was built for.
DROP INDEX articles_search_idx;
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX articles_search_idx ON articles USING GIN (search);

DELETE FROM settings WHERE name = 'search_index';
