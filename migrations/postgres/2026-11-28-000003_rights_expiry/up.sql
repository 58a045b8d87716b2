-- When the licence to show a syndicated article runs out: readers stop seeing it from that
-- instant, decided at query time like scheduling, so no job has to run. NULL: no end.
ALTER TABLE articles ADD COLUMN rights_expire_at TIMESTAMP(6);
