-- Where search engines should consider an article's original to live, when it is not here.
--
-- SQLite appends a new column after the bulky body columns, where every listing would have to
-- walk a long body's overflow pages to reach it. So the body columns move behind it: added
-- anew, filled, the old ones dropped. A column added as NOT NULL needs a default, hence
-- DEFAULT ''; every insert gives the body anyway. The search triggers name the body, so they
-- are set aside meanwhile (the indexed text itself does not change).
DROP TRIGGER articles_search_update;
DROP TRIGGER articles_search_delete;
DROP TRIGGER articles_search_insert;

ALTER TABLE articles ADD COLUMN canonical_url TEXT;
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
