DROP TRIGGER articles_sort_at_update_bylines;
DROP TRIGGER article_authors_sort_at_insert;
DROP INDEX article_authors_recent_idx;
ALTER TABLE article_authors DROP COLUMN sort_at;
