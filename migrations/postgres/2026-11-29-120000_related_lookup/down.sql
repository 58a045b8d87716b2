DROP INDEX articles_related_idx;
