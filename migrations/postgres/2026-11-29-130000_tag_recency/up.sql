-- Each tag link carries its article's sort key, kept in step by triggers, so "the newest
-- articles under a tag" is one index range rather than a visit to every article the tag holds;
-- related articles weigh only those. The source index gains the sort key for the same reason.
ALTER TABLE article_tags ADD COLUMN sort_at TIMESTAMP(6);
UPDATE article_tags SET sort_at = articles.sort_at FROM articles WHERE articles.id = article_tags.article_id;
ALTER TABLE article_tags ALTER COLUMN sort_at SET NOT NULL;
CREATE INDEX article_tags_recent_idx ON article_tags (tag_id, sort_at, article_id);

CREATE FUNCTION article_tags_take_sort_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT sort_at INTO NEW.sort_at FROM articles WHERE id = NEW.article_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER article_tags_sort_at_insert BEFORE INSERT ON article_tags
FOR EACH ROW EXECUTE FUNCTION article_tags_take_sort_at();

CREATE FUNCTION articles_pass_sort_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags SET sort_at = NEW.sort_at WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER articles_sort_at_update AFTER UPDATE OF sort_at ON articles
FOR EACH ROW WHEN (OLD.sort_at IS DISTINCT FROM NEW.sort_at)
EXECUTE FUNCTION articles_pass_sort_at();

DROP INDEX articles_source_idx;
CREATE INDEX articles_source_idx ON articles (source_id, sort_at);
