-- Schema 15: a generation number for the reference data (desk_app.services.reference).
--
-- The services keep the small tables they consult on every call (calendars, targets, the
-- priority matrix, the incident managers, the escalation rules…) in memory while they have
-- not changed. PRAGMA data_version told only that *something* was committed by another
-- connection, so on a desk where several workstations log and update incidents every
-- write elsewhere threw the cache away and the next call read every table again (logging
-- an incident: 4 ms alone, 14 ms with another workstation writing). These triggers bump
-- the generation in the same transaction as any change to those tables, whoever makes it,
-- and the cache is kept while the generation stays the same. The new generation is a random
-- 64-bit number, not a count: a transaction that changed reference data and read it, then
-- rolled back, must not leave a cache entry under a number that a later change reuses.
CREATE TABLE "reference_generation" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "generation" INTEGER NOT NULL
);
INSERT INTO "reference_generation" ("id", "generation") VALUES (1, 0);
CREATE TRIGGER "reference_calendar_day_insert" AFTER INSERT ON "calendar_day" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_calendar_day_update" AFTER UPDATE ON "calendar_day" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_calendar_day_delete" AFTER DELETE ON "calendar_day" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_calendar_hours_insert" AFTER INSERT ON "calendar_hours" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_calendar_hours_update" AFTER UPDATE ON "calendar_hours" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_calendar_hours_delete" AFTER DELETE ON "calendar_hours" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_department_insert" AFTER INSERT ON "department" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_department_update" AFTER UPDATE ON "department" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_department_delete" AFTER DELETE ON "department" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_escalation_rule_insert" AFTER INSERT ON "escalation_rule" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_escalation_rule_update" AFTER UPDATE ON "escalation_rule" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_escalation_rule_delete" AFTER DELETE ON "escalation_rule" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_priority_cell_insert" AFTER INSERT ON "priority_cell" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_priority_cell_update" AFTER UPDATE ON "priority_cell" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_priority_cell_delete" AFTER DELETE ON "priority_cell" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_service_target_insert" AFTER INSERT ON "service_target" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_service_target_update" AFTER UPDATE ON "service_target" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_service_target_delete" AFTER DELETE ON "service_target" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_setting_insert" AFTER INSERT ON "setting" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_setting_update" AFTER UPDATE ON "setting" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_setting_delete" AFTER DELETE ON "setting" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_support_group_insert" AFTER INSERT ON "support_group" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_support_group_update" AFTER UPDATE ON "support_group" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_support_group_delete" AFTER DELETE ON "support_group" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_user_insert" AFTER INSERT ON "user" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_user_update" AFTER UPDATE ON "user" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_user_delete" AFTER DELETE ON "user" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_user_role_insert" AFTER INSERT ON "user_role" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_user_role_update" AFTER UPDATE ON "user_role" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_user_role_delete" AFTER DELETE ON "user_role" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_working_calendar_insert" AFTER INSERT ON "working_calendar" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_working_calendar_update" AFTER UPDATE ON "working_calendar" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
CREATE TRIGGER "reference_working_calendar_delete" AFTER DELETE ON "working_calendar" BEGIN
    UPDATE "reference_generation" SET "generation" = random() WHERE "id" = 1;
END;
