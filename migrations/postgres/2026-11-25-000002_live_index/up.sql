-- The public listing: live articles, newest first, read straight off the index. The general
-- status index goes, as it tempted the planner into sorting every published row instead.
DROP INDEX articles_status_sort_idx;
CREATE INDEX articles_live_idx ON articles (sort_at, id) WHERE status IN ('PUBLISHED', 'SCHEDULED');
