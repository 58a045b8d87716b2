-- Articles in the trash are deleted for good first: without the column they would be live again.
DELETE FROM articles WHERE trashed_at IS NOT NULL;
DROP INDEX articles_trash_idx;
ALTER TABLE articles DROP COLUMN trashed_at;
