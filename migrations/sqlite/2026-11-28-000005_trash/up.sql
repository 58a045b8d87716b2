-- The trash: a deleted article keeps its row, its slug and its history, and disappears from
-- every view until it is restored or purged. NULL: not in the trash.
--
-- As for rights_expire_at, the body columns move behind the new column so listings never walk
-- a long body's overflow pages to reach them, with the search triggers set aside meanwhile.
DROP TRIGGER articles_search_update;
DROP TRIGGER articles_search_delete;
DROP TRIGGER articles_search_insert;

ALTER TABLE articles ADD COLUMN trashed_at TIMESTAMP;
ALTER TABLE articles ADD COLUMN moved_body TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN moved_body_html TEXT NOT NULL DEFAULT '';
UPDATE articles SET moved_body = body, moved_body_html = body_html;
ALTER TABLE articles DROP COLUMN body;
ALTER TABLE articles DROP COLUMN body_html;
ALTER TABLE articles RENAME COLUMN moved_body TO body;
ALTER TABLE articles RENAME COLUMN moved_body_html TO body_html;

CREATE INDEX articles_trash_idx ON articles (trashed_at, id) WHERE trashed_at IS NOT NULL;

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
