-- Schema 23: bringing a desk's history in from another tool (issue 15).
--
-- import_reference keeps, for each row an import made, the source's own key for it (a
-- ServiceNow number, a GLPI ticket id, a directory login), so that importing the same export
-- again changes nothing and a later export adds and updates. import_mapping remembers the
-- columns and values a person mapped for a source, for the next import from it.
CREATE TABLE "import_mapping" ("id" INTEGER NOT NULL PRIMARY KEY, "source" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "their_value" VARCHAR(255) NOT NULL, "our_value" VARCHAR(255) NOT NULL);
CREATE UNIQUE INDEX "import_mapping_source_kind_their_value" ON "import_mapping" ("source", "kind", "their_value");
CREATE TABLE "import_reference" ("id" INTEGER NOT NULL PRIMARY KEY, "source" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('incident', 'caller', 'user', 'group', 'category', 'wait_code', 'close_code')), "external_key" VARCHAR(255) NOT NULL, "local_id" INTEGER NOT NULL, "fingerprint" VARCHAR(255) NOT NULL, "incident_version" INTEGER, "imported_at" INTEGER NOT NULL);
CREATE UNIQUE INDEX "import_reference_source_kind_external_key" ON "import_reference" ("source", "kind", "external_key");
CREATE INDEX "import_reference_kind_local_id" ON "import_reference" ("kind", "local_id");
-- The notes an import writes for its own steps ("implied by the imported history") are
-- message keys, not what people wrote: kept out of the search index like the system's
-- other entries (an event log imports tens of thousands of them).
DROP TRIGGER IF EXISTS "incident_search_note";
CREATE TRIGGER "incident_search_note" AFTER INSERT ON "journal"
WHEN new.note <> '' AND new.note NOT LIKE 'import.%' AND new.action IN ('note', 'assign',
    'transfer', 'pend', 'resume', 'raise_change', 'close_change', 'reject', 'confirm', 'close',
    'link')
BEGIN
    UPDATE "incident_search" SET notes = notes || ' ' || desk_search_text(new.note)
    WHERE rowid = new.incident_id;
END;
