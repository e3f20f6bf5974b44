-- Schema 34: the word indexes as a server keeps them (desk_app.storage.postgres.schema).
--
-- In a file an FTS5 table is its own index, and these statements change nothing: each word
-- index exists already. On a server each one is a plain table, read through an index of its
-- own: from schema 34 a GIN index on its words and the starts of its words
-- (desk_search_tokens), which desk_search (functions.sql) reads instead of testing every
-- row with desk_match (seconds per search at 10,000 incidents; docs/scaling.md). The
-- translation of "CREATE VIRTUAL TABLE IF NOT EXISTS" makes the index a database made
-- before schema 34 lacks; the pg_trgm index per column it had is read by nothing.
CREATE VIRTUAL TABLE IF NOT EXISTS "incident_search" USING fts5(
    title, description, notes, resolution,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS "incident_open_search" USING fts5(
    title, description, notes, resolution,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS "knowledge_search" USING fts5(
    symptom, cause, resolution,
    tokenize = 'unicode61 remove_diacritics 2'
);
DROP INDEX IF EXISTS "incident_search_title_trgm";
DROP INDEX IF EXISTS "incident_search_description_trgm";
DROP INDEX IF EXISTS "incident_search_notes_trgm";
DROP INDEX IF EXISTS "incident_search_resolution_trgm";
DROP INDEX IF EXISTS "incident_open_search_title_trgm";
DROP INDEX IF EXISTS "incident_open_search_description_trgm";
DROP INDEX IF EXISTS "incident_open_search_notes_trgm";
DROP INDEX IF EXISTS "incident_open_search_resolution_trgm";
DROP INDEX IF EXISTS "knowledge_search_symptom_trgm";
DROP INDEX IF EXISTS "knowledge_search_cause_trgm";
DROP INDEX IF EXISTS "knowledge_search_resolution_trgm";
