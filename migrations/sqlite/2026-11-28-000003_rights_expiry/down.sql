-- The body columns stay where the up migration moved them: still last, as they should be.
ALTER TABLE articles DROP COLUMN rights_expire_at;
