-- Schema 7: the file says it is a desk-app database. The mark is PRAGMA application_id
-- (desk_app.storage.identity.APPLICATION_ID), written by the migration's Python step, so
-- that restore, backup targets and every command can tell the team's file from another
-- program's SQLite file. Nothing changes in the tables.
SELECT 1;
