-- Schema 35: the terms of the incidents' word index that begin with a digit or an ASCII
-- letter (desk_app.storage.search_terms), so that a word typed as a prefix ("print"*) is
-- searched as the terms it stands for ("print" OR "printer" OR "prints"): the same rows,
-- without FTS5 merging every list of the prefix first (docs/knowledge.md, "Speed").
--
-- Kept by these triggers in the same transaction as the index (incident_search, schema 3),
-- from the same texts: an incident logged, its title, description or resolution changed,
-- a work note taken by incident_search_note (schema 23's condition). desk_search_terms()
-- cuts the texts exactly as the index does and gives the terms as a JSON array; every
-- connection of the program registers it. Terms are never removed (one that no incident
-- holds any longer matches nothing). The file's existing terms are read from the index
-- once, after these statements (migrations.py). Kept in files only: a server has no FTS5.
-- (IF NOT EXISTS: a file set back to an older version by hand, as tests do, upgrades again.)
CREATE TABLE IF NOT EXISTS "search_term" ("term" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS "search_term_incident_insert" AFTER INSERT ON "incident" BEGIN
    INSERT OR IGNORE INTO "search_term" ("term")
    SELECT value FROM json_each(desk_search_terms(new.title, new.description, new.resolution));
END;
CREATE TRIGGER IF NOT EXISTS "search_term_incident_update"
AFTER UPDATE OF title, description, resolution ON "incident" WHEN new.title IS NOT old.title OR new.description IS NOT old.description
    OR new.resolution IS NOT old.resolution
BEGIN
    INSERT OR IGNORE INTO "search_term" ("term")
    SELECT value FROM json_each(desk_search_terms(
        CASE WHEN new.title IS NOT old.title THEN new.title END,
        CASE WHEN new.description IS NOT old.description THEN new.description END,
        CASE WHEN new.resolution IS NOT old.resolution THEN new.resolution END));
END;
CREATE TRIGGER IF NOT EXISTS "search_term_note" AFTER INSERT ON "journal"
WHEN new.note <> '' AND new.note NOT LIKE 'import.%' AND new.action IN ('note', 'assign',
    'transfer', 'pend', 'resume', 'raise_change', 'close_change', 'reject', 'confirm', 'close',
    'link')
BEGIN
    INSERT OR IGNORE INTO "search_term" ("term")
    SELECT value FROM json_each(desk_search_terms(new.note));
END;
