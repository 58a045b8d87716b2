-- The trash: a deleted article keeps its row, its slug and its history, and disappears from
-- every view until it is restored or purged. NULL: not in the trash.
ALTER TABLE articles ADD COLUMN trashed_at TIMESTAMP(6);
CREATE INDEX articles_trash_idx ON articles (trashed_at, id) WHERE trashed_at IS NOT NULL;
