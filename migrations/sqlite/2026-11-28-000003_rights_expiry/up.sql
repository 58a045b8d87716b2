-- When the licence to show a syndicated article runs out: readers stop seeing it from that
-- instant, decided at query time like scheduling, so no job has to run. NULL: no end.
--
-- As for canonical_url, the body columns move behind the new column so listings never walk a
-- long body's overflow pages to reach it, with the search triggers set aside meanwhile.
DROP TRIGGER articles_search_update;
DROP TRIGGER articles_search_delete;
DROP TRIGGER articles_search_insert;

ALTER TABLE articles ADD COLUMN rights_expire_at TIMESTAMP;
ALTER TABLE articles ADD COLUMN moved_body TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN moved_body_html TEXT NOT NULL DEFAULT '';
UPDATE articles SET moved_body = body, moved_body_html = body_html;
ALTER TABLE articles DROP COLUMN body;
ALTER TABLE articles DROP COLUMN body_html;
ALTER TABLE articles RENAME COLUMN moved_body TO body;
ALTER TABLE articles RENAME COLUMN moved_body_html TO body_html;

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
