-- The reports' pending spans (docs/kpis.md, "Pending"; issue 14). One row per change of an
-- incident's wait code that set a code (R16), from that change until the next change of it,
-- kept by a trigger on the journal in the same transaction as the change; with the calendar
-- of the incident's latest stopped restore clock, set by triggers on the clocks, so that a
-- report reads a period's pending time from this small table instead of the journal's JSON.
-- Kept in files only, as the other report_ tables (a server reads the journal).
-- (``k.stage || ''`` keeps the planner on the clocks' index by incident: with the stage
-- alone it scans every stopped restore clock of the partial index target_clock_stopped.)
CREATE TABLE "report_pending_span" ("incident_id" INTEGER NOT NULL REFERENCES "incident" ("id") ON DELETE CASCADE, "journal_id" INTEGER NOT NULL, "wait_code_id" INTEGER NOT NULL, "started_at" INTEGER NOT NULL, "ended_at" INTEGER, "calendar_id" INTEGER, PRIMARY KEY ("incident_id", "journal_id")) WITHOUT ROWID;

CREATE TRIGGER "report_pending_journal" AFTER INSERT ON "journal" WHEN NEW.action IN ('pend', 'resume', 'raise_change') AND NEW.changes LIKE '%"wait_code"%' BEGIN
    UPDATE "report_pending_span" SET ended_at = NEW.at WHERE incident_id = NEW.incident_id AND ended_at IS NULL;
    INSERT OR REPLACE INTO "report_pending_span" (incident_id, journal_id, wait_code_id, started_at, calendar_id) SELECT NEW.incident_id, NEW.id, CAST(json_extract(NEW.changes, '$.wait_code[1]') AS INTEGER), NEW.at, (SELECT k.calendar_id FROM "target_clock" k WHERE k.incident_id = NEW.incident_id AND k.stage || '' = 'resolve' AND k.state = 'stopped' ORDER BY k.stopped_at DESC, k.id DESC LIMIT 1) WHERE json_extract(NEW.changes, '$.wait_code[1]') IS NOT NULL;
END;

-- a journal row deleted (an incident's deletion, or a copy emptied by a plain connection
-- without foreign keys) takes its span with it
CREATE TRIGGER "report_pending_journal_delete" AFTER DELETE ON "journal" WHEN OLD.action IN ('pend', 'resume', 'raise_change') BEGIN
    DELETE FROM "report_pending_span" WHERE incident_id = OLD.incident_id AND journal_id = OLD.id;
END;

CREATE TRIGGER "report_pending_clock_insert" AFTER INSERT ON "target_clock" WHEN NEW.stage = 'resolve' AND NEW.state = 'stopped' BEGIN
    UPDATE "report_pending_span" SET calendar_id = (SELECT k.calendar_id FROM "target_clock" k WHERE k.incident_id = NEW.incident_id AND k.stage || '' = 'resolve' AND k.state = 'stopped' ORDER BY k.stopped_at DESC, k.id DESC LIMIT 1) WHERE incident_id = NEW.incident_id;
END;

CREATE TRIGGER "report_pending_clock_update" AFTER UPDATE OF state, stopped_at, calendar_id, stage, incident_id ON "target_clock" WHEN (OLD.stage = 'resolve' OR NEW.stage = 'resolve') AND (OLD.state = 'stopped' OR NEW.state = 'stopped') BEGIN
    UPDATE "report_pending_span" SET calendar_id = (SELECT k.calendar_id FROM "target_clock" k WHERE k.incident_id = report_pending_span.incident_id AND k.stage || '' = 'resolve' AND k.state = 'stopped' ORDER BY k.stopped_at DESC, k.id DESC LIMIT 1) WHERE incident_id IN (OLD.incident_id, NEW.incident_id);
END;

CREATE TRIGGER "report_pending_clock_delete" AFTER DELETE ON "target_clock" WHEN OLD.stage = 'resolve' AND OLD.state = 'stopped' BEGIN
    UPDATE "report_pending_span" SET calendar_id = (SELECT k.calendar_id FROM "target_clock" k WHERE k.incident_id = OLD.incident_id AND k.stage || '' = 'resolve' AND k.state = 'stopped' ORDER BY k.stopped_at DESC, k.id DESC LIMIT 1) WHERE incident_id = OLD.incident_id;
END;
