DROP TRIGGER articles_search_update;
DROP TRIGGER articles_search_delete;
DROP TRIGGER articles_search_insert;
DROP TABLE articles_search;
