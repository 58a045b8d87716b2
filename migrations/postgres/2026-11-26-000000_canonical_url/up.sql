-- Where search engines should consider an article's original to live, when it is not here.
ALTER TABLE articles ADD COLUMN canonical_url TEXT;
