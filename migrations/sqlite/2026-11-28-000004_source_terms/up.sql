-- A source's terms of reuse, as a syndication agreement states them: the licence's name, and
-- the credit it requires, which then replaces the standard "Source: Name, Country" line.
ALTER TABLE sources ADD COLUMN license TEXT;
ALTER TABLE sources ADD COLUMN attribution_text TEXT;
