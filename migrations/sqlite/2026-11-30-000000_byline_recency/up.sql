-- Each byline carries its article's sort key, as each tag link does, so "an author's newest
-- articles" is one index range rather than a walk down every live article in search of the
-- author's.
ALTER TABLE article_authors ADD COLUMN sort_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE article_authors SET sort_at = (SELECT sort_at FROM articles WHERE articles.id = article_authors.article_id);
CREATE INDEX article_authors_recent_idx ON article_authors (author_id, sort_at, article_id);

CREATE TRIGGER article_authors_sort_at_insert AFTER INSERT ON article_authors BEGIN
    UPDATE article_authors SET sort_at = (SELECT sort_at FROM articles WHERE articles.id = new.article_id)
    WHERE article_id = new.article_id AND author_id = new.author_id;
END;

CREATE TRIGGER articles_sort_at_update_bylines AFTER UPDATE OF sort_at ON articles
WHEN old.sort_at IS NOT new.sort_at BEGIN
    UPDATE article_authors SET sort_at = new.sort_at WHERE article_id = new.id;
END;
