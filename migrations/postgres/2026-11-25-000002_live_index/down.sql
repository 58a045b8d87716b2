DROP INDEX articles_live_idx;
CREATE INDEX articles_status_sort_idx ON articles (status, sort_at, id);
