CREATE OR REPLACE FUNCTION articles_pass_sort_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_tags SET sort_at = NEW.sort_at WHERE article_id = NEW.id;
    RETURN NULL;
END
$$;
DROP TRIGGER article_authors_sort_at_insert ON article_authors;
DROP FUNCTION article_authors_take_sort_at();
DROP INDEX article_authors_recent_idx;
ALTER TABLE article_authors DROP COLUMN sort_at;
