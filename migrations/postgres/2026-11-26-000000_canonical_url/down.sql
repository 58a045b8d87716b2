ALTER TABLE articles DROP COLUMN canonical_url;
