-- Finding an article's related articles weighs hundreds of candidates, each needing only its
-- status, time, rights, source and trash mark: this index holds them, so no candidate's row
-- (whose body comes first) is read.
CREATE INDEX articles_related_idx ON articles (id, status, sort_at, rights_expire_at, source_id, trashed_at);
