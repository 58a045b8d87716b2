DROP TRIGGER articles_search_delete;
DROP TABLE articles_search;
DELETE FROM settings WHERE name = 'search_index';

CREATE VIRTUAL TABLE articles_search USING fts5(
    title, excerpt, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_search (rowid, title, excerpt, body) VALUES (new.id, new.title, new.excerpt, new.body);
END;

CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, excerpt, body)
    VALUES ('delete', old.id, old.title, old.excerpt, old.body);
END;

CREATE TRIGGER articles_search_update AFTER UPDATE OF title, excerpt, body ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, title, excerpt, body)
    VALUES ('delete', old.id, old.title, old.excerpt, old.body);
    INSERT INTO articles_search (rowid, title, excerpt, body) VALUES (new.id, new.title, new.excerpt, new.body);
END;

INSERT INTO articles_search (articles_search) VALUES ('rebuild');
