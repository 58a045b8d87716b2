-- Finding an article's related articles weighs hundreds of candidates, each needing only its
-- status, time, rights, source and trash mark: this index holds them, so candidates are checked
-- by index-only scans instead of visits to their rows.
CREATE INDEX articles_related_idx ON articles (id) INCLUDE (status, sort_at, rights_expire_at, source_id, trashed_at);

-- The source index gains the id, so the newest articles of a source, which related articles
-- weigh, are read in index order rather than sorted.
DROP INDEX articles_source_idx;
CREATE INDEX articles_source_idx ON articles (source_id, id);
