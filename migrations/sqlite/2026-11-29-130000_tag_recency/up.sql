-- Each tag link carries its article's sort key, kept in step by triggers, so "the newest
-- articles under a tag" is one index range rather than a visit to every article the tag holds;
-- related articles weigh only those. The source index gains the sort key for the same reason.
ALTER TABLE article_tags ADD COLUMN sort_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE article_tags SET sort_at = (SELECT sort_at FROM articles WHERE articles.id = article_tags.article_id);
CREATE INDEX article_tags_recent_idx ON article_tags (tag_id, sort_at, article_id);

CREATE TRIGGER article_tags_sort_at_insert AFTER INSERT ON article_tags BEGIN
    UPDATE article_tags SET sort_at = (SELECT sort_at FROM articles WHERE articles.id = new.article_id)
    WHERE article_id = new.article_id AND tag_id = new.tag_id;
END;

CREATE TRIGGER articles_sort_at_update AFTER UPDATE OF sort_at ON articles
WHEN old.sort_at IS NOT new.sort_at BEGIN
    UPDATE article_tags SET sort_at = new.sort_at WHERE article_id = new.id;
END;

DROP INDEX articles_source_idx;
CREATE INDEX articles_source_idx ON articles (source_id, sort_at);
