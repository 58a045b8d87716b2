ALTER TABLE articles DROP COLUMN rights_expire_at;
