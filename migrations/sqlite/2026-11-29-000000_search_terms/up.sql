-- Search indexes the terms Quire derives from an article (lowercased, stemmed for the
-- deployment's language, accents folded, CJK characters one by one), written by Quire whenever
-- the text changes, so both backends match the same terms. The `ascii` tokenizer splits only at
-- the spaces between those terms and keeps each one as given. The table is rebuilt at the next
-- start, which finds no record of the language it was built for.
DROP TRIGGER articles_search_update;
DROP TRIGGER articles_search_delete;
DROP TRIGGER articles_search_insert;
DROP TABLE articles_search;

CREATE VIRTUAL TABLE articles_search USING fts5(
    title, excerpt, body,
    content = '', contentless_delete = 1,
    tokenize = 'ascii'
);

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_search WHERE rowid = old.id;
END;

DELETE FROM settings WHERE name = 'search_index';
