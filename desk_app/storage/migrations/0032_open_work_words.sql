-- Schema 32: the words of open work, and the unacknowledged escalations, each in an index
-- of its own, for saved queues (desk_app.services.bulk.saved_queues) at 100,000 incidents
-- and more (docs/performance.md, "Saved queues").
--
-- incident_open_search holds, for every incident that is not resolved or closed, exactly
-- the row incident_search holds for it (schema 3). A common word (网络) matches a quarter
-- of all incidents, and testing each of those matches for "open" cost more than a first
-- page may; open work is a few thousand incidents however long the history, so its words
-- are read at once. The triggers keep it in the same transaction as the change: an
-- incident that is resolved or closed leaves it, one that is reopened (a rejected
-- resolution) comes back with its words and every work note it has.
CREATE VIRTUAL TABLE "incident_open_search" USING fts5(
    title, description, notes, resolution,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "incident_open_search_insert" AFTER INSERT ON "incident"
WHEN new.stage NOT IN ('resolved', 'closed') BEGIN
    INSERT INTO "incident_open_search" (rowid, title, description, notes, resolution)
    VALUES (new.id, desk_search_text(new.title), desk_search_text(new.description), '',
            desk_search_text(new.resolution));
END;
CREATE TRIGGER "incident_open_search_stage" AFTER UPDATE OF stage ON "incident"
WHEN (old.stage IN ('resolved', 'closed')) <> (new.stage IN ('resolved', 'closed')) BEGIN
    DELETE FROM "incident_open_search" WHERE rowid = new.id;
    INSERT INTO "incident_open_search" (rowid, title, description, notes, resolution)
    SELECT new.id, desk_search_text(new.title), desk_search_text(new.description),
           COALESCE((SELECT s.notes FROM "incident_search" s WHERE s.rowid = new.id), ''),
           desk_search_text(new.resolution)
    WHERE new.stage NOT IN ('resolved', 'closed');
END;
CREATE TRIGGER "incident_open_search_update" AFTER UPDATE OF title, description, resolution
ON "incident" WHEN new.stage NOT IN ('resolved', 'closed') BEGIN
    UPDATE "incident_open_search"
    SET title = desk_search_text(new.title), description = desk_search_text(new.description),
        resolution = desk_search_text(new.resolution)
    WHERE rowid = new.id;
END;
-- the same work notes as incident_search_note takes (an incident not open has no row here)
CREATE TRIGGER "incident_open_search_note" AFTER INSERT ON "journal"
WHEN new.note <> '' AND new.action IN ('note', 'assign', 'transfer', 'pend', 'resume',
    'raise_change', 'close_change', 'reject', 'confirm', 'close', 'link')
BEGIN
    UPDATE "incident_open_search" SET notes = notes || ' ' || desk_search_text(new.note)
    WHERE rowid = new.incident_id;
END;
CREATE TRIGGER "incident_open_search_delete" AFTER DELETE ON "incident" BEGIN
    DELETE FROM "incident_open_search" WHERE rowid = old.id;
END;
-- open work is read from the queue order's index (schema 6), which begins with "done"
INSERT INTO "incident_open_search" (rowid, title, description, notes, resolution)
SELECT s.rowid, s.title, s.description, s.notes, s.resolution
FROM "incident" i JOIN "incident_search" s ON s.rowid = i.id
WHERE (i.stage IN ('resolved', 'closed')) = 0;
-- The incidents with an escalation no supervisor has acknowledged (R08), read from the
-- index alone: the Escalated queue and a saved queue's "unacknowledged" condition list
-- them, and schema 1's (acknowledged_at, at) index needed a row read for each one's
-- incident. Kept by SQLite (and the server) itself, as every index is. Its planner
-- statistics (storage/statistics.py) leave the other reads of escalations as they were;
-- the saved queues read through it by name.
CREATE INDEX "escalation_unacknowledged" ON "escalation" ("incident_id")
WHERE "acknowledged_at" IS NULL;
