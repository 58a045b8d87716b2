DROP INDEX articles_source_idx;
CREATE INDEX articles_source_idx ON articles (source_id);
DROP INDEX articles_related_idx;
