-- The body columns stay where the up migration moved them: still last, as they should be.
ALTER TABLE articles DROP COLUMN canonical_url;
