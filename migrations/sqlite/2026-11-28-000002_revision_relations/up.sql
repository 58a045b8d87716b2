-- What a revision credits and links besides its text: authors, tags, source and "also read"
-- articles, as one JSON document, so that restoring a revision brings them back and a diff can
-- name them. NULL for revisions recorded before they were kept: restoring one of those leaves
-- the article's current credits and links as they are.
ALTER TABLE article_revisions ADD COLUMN relations TEXT;
