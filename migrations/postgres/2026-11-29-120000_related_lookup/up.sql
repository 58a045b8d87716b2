-- Finding an article's related articles weighs hundreds of candidates, each needing only its
-- status, time, rights, source and trash mark: this index holds them, so candidates are checked
-- by index-only scans instead of visits to their rows.
CREATE INDEX articles_related_idx ON articles (id) INCLUDE (status, sort_at, rights_expire_at, source_id, trashed_at);
