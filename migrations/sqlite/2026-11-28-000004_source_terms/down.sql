ALTER TABLE sources DROP COLUMN attribution_text;
ALTER TABLE sources DROP COLUMN license;
