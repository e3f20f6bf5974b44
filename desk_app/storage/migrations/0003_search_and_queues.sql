-- Schema 3: full-text search over incidents, and indexes for the queue views.
--
-- incident_search holds one row per incident (rowid = incident.id) with its title,
-- description, work notes and resolution as desk_app.storage.segment.index_text cuts them
-- (Chinese as overlapping bigrams). The triggers keep it in the same transaction as the
-- change; they call desk_search_text(), which every connection of the program registers.
CREATE VIRTUAL TABLE "incident_search" USING fts5(
    title, description, notes, resolution,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER "incident_search_insert" AFTER INSERT ON "incident" BEGIN
    INSERT INTO "incident_search" (rowid, title, description, notes, resolution)
    VALUES (new.id, desk_search_text(new.title), desk_search_text(new.description), '',
            desk_search_text(new.resolution));
END;
CREATE TRIGGER "incident_search_update" AFTER UPDATE OF title, description, resolution
ON "incident" BEGIN
    UPDATE "incident_search"
    SET title = desk_search_text(new.title), description = desk_search_text(new.description),
        resolution = desk_search_text(new.resolution)
    WHERE rowid = new.id;
END;
-- Work notes: what people wrote on the timeline (notes, transfers, pending, rejections…),
-- not the system's own entries (escalations, breaches, target matching).
CREATE TRIGGER "incident_search_note" AFTER INSERT ON "journal"
WHEN new.note <> '' AND new.action IN ('note', 'assign', 'transfer', 'pend', 'resume',
    'raise_change', 'close_change', 'reject', 'confirm', 'close', 'link')
BEGIN
    UPDATE "incident_search" SET notes = notes || ' ' || desk_search_text(new.note)
    WHERE rowid = new.incident_id;
END;
CREATE TRIGGER "incident_search_delete" AFTER DELETE ON "incident" BEGIN
    DELETE FROM "incident_search" WHERE rowid = old.id;
END;
INSERT INTO "incident_search" (rowid, title, description, notes, resolution)
SELECT i.id, desk_search_text(i.title), desk_search_text(i.description),
       COALESCE((SELECT group_concat(desk_search_text(j.note), ' ') FROM "journal" j
                 WHERE j.incident_id = i.id AND j.note <> ''
                   AND j.action IN ('note', 'assign', 'transfer', 'pend', 'resume',
                                    'raise_change', 'close_change', 'reject', 'confirm',
                                    'close', 'link')), ''),
       desk_search_text(i.resolution)
FROM "incident" i;
-- The Pending queue (desk_app.services.queues); the other queues use schema 1's indexes.
CREATE INDEX "incident_pending" ON "incident" ("wait_code_id") WHERE ("wait_code_id" IS NOT NULL);
