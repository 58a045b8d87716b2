DROP INDEX articles_source_idx;
CREATE INDEX articles_source_idx ON articles (source_id);
DROP TRIGGER articles_sort_at_update;
DROP TRIGGER article_tags_sort_at_insert;
DROP INDEX article_tags_recent_idx;
ALTER TABLE article_tags DROP COLUMN sort_at;
