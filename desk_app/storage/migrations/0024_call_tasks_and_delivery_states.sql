-- Schema 24: call tasks a desk can work, and delivery states that never wait for ever (R09).
--
-- A notification row may now also be "joined" (a later call for the same incident and person
-- joined the open call task, named by joined_to_id), "not_needed" (a call task that ended by
-- itself: its escalation was acknowledged or its incident resolved or closed),
-- "not_configured" (no SMTP server or SMS gateway) or "no_address" (the recipient has no
-- e-mail address or phone number); state_reason says why. SQLite cannot change a CHECK
-- constraint, so the table is rebuilt; call_attempt, which refers to it and would lose its
-- rows to the cascade of the old table's removal, is set aside and put back.
CREATE TEMP TABLE "call_attempt_kept" AS SELECT * FROM "call_attempt";
DROP TABLE "call_attempt";
CREATE TABLE "notification_v16" ("id" INTEGER NOT NULL PRIMARY KEY, "escalation_id" INTEGER NOT NULL, "recipient_id" INTEGER NOT NULL, "channel" VARCHAR(255) NOT NULL CHECK (channel IN ('phone', 'verbal', 'email', 'sms', 'desktop')), "state" VARCHAR(255) NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'acknowledged', 'joined', 'not_needed', 'not_configured', 'no_address')), "attempts" INTEGER NOT NULL, "next_attempt_at" INTEGER, "lease_owner" VARCHAR(255), "lease_until" INTEGER, "last_error" TEXT NOT NULL, "created_at" INTEGER NOT NULL, "sent_at" INTEGER, "acknowledged_at" INTEGER, "acknowledged_by_id" INTEGER, "joined_to_id" INTEGER, "state_reason" VARCHAR(255) NOT NULL, FOREIGN KEY ("escalation_id") REFERENCES "escalation" ("id") ON DELETE CASCADE, FOREIGN KEY ("recipient_id") REFERENCES "user" ("id"), FOREIGN KEY ("acknowledged_by_id") REFERENCES "user" ("id"), FOREIGN KEY ("joined_to_id") REFERENCES "notification" ("id") ON DELETE SET NULL);
INSERT INTO "notification_v16" ("id", "escalation_id", "recipient_id", "channel", "state", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_error", "created_at", "sent_at", "acknowledged_at", "acknowledged_by_id", "joined_to_id", "state_reason")
    SELECT "id", "escalation_id", "recipient_id", "channel", "state", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_error", "created_at", "sent_at", "acknowledged_at", "acknowledged_by_id", NULL, '' FROM "notification";
-- (The index on joined_to_id is made before the old table goes: with foreign keys on, dropping
-- a table deletes its rows first, and each deleted row is looked for in the new table's
-- joined_to_id, which refers to it by name; without the index that is a scan of the new
-- table per old row, hours at 100,000 incidents. The rename carries the index over.)
CREATE INDEX "notification_joined_to_id" ON "notification_v16" ("joined_to_id");
DROP TABLE "notification";
ALTER TABLE "notification_v16" RENAME TO "notification";
CREATE INDEX "notification_acknowledged_by_id" ON "notification" ("acknowledged_by_id");
CREATE UNIQUE INDEX "notification_escalation_id_recipient_id_channel" ON "notification" ("escalation_id", "recipient_id", "channel");
CREATE INDEX "notification_state_channel_next_attempt_at" ON "notification" ("state", "channel", "next_attempt_at");
CREATE INDEX "notification_recipient_id_state" ON "notification" ("recipient_id", "state");
CREATE INDEX "notification_channel_state_next_attempt_at" ON "notification" ("channel", "state", "next_attempt_at");
CREATE TABLE "call_attempt" ("id" INTEGER NOT NULL PRIMARY KEY, "notification_id" INTEGER NOT NULL, "called_by_id" INTEGER NOT NULL, "called_at" INTEGER NOT NULL, "reached" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("notification_id") REFERENCES "notification" ("id") ON DELETE CASCADE, FOREIGN KEY ("called_by_id") REFERENCES "user" ("id"));
CREATE INDEX "call_attempt_notification_id_called_at" ON "call_attempt" ("notification_id", "called_at");
CREATE INDEX "call_attempt_called_by_id" ON "call_attempt" ("called_by_id");
INSERT INTO "call_attempt" SELECT * FROM temp."call_attempt_kept";
DROP TABLE temp."call_attempt_kept";
-- Told once: e.g. the process owner, that e-mail is not configured and where to do it.
CREATE TABLE "notice" ("id" INTEGER NOT NULL PRIMARY KEY, "recipient_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "created_at" INTEGER NOT NULL, "read_at" INTEGER, FOREIGN KEY ("recipient_id") REFERENCES "user" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "notice_recipient_id_kind" ON "notice" ("recipient_id", "kind");
-- An acknowledged escalation is read for everyone it was sent to.
UPDATE "notification" SET "acknowledged_at" = (SELECT e."acknowledged_at" FROM "escalation" e WHERE e."id" = "notification"."escalation_id"),
    "acknowledged_by_id" = (SELECT e."acknowledged_by_id" FROM "escalation" e WHERE e."id" = "notification"."escalation_id")
    WHERE "acknowledged_at" IS NULL AND "escalation_id" IN (SELECT "id" FROM "escalation" WHERE "acknowledged_at" IS NOT NULL);
UPDATE "notification" SET "state" = 'acknowledged'
    WHERE "channel" = 'desktop' AND "state" IN ('pending', 'sent') AND "acknowledged_at" IS NOT NULL;
-- Call tasks whose reason is gone end as no longer needed, saying why.
UPDATE "notification" SET "state" = 'not_needed', "state_reason" = 'acknowledged', "lease_owner" = NULL, "lease_until" = NULL
    WHERE "channel" IN ('phone', 'verbal') AND "state" = 'pending'
      AND "escalation_id" IN (SELECT "id" FROM "escalation" WHERE "acknowledged_at" IS NOT NULL);
UPDATE "notification" SET "state" = 'not_needed', "lease_owner" = NULL, "lease_until" = NULL,
    "state_reason" = (SELECT i."stage" FROM "escalation" e JOIN "incident" i ON i."id" = e."incident_id" WHERE e."id" = "notification"."escalation_id")
    WHERE "channel" IN ('phone', 'verbal') AND "state" = 'pending'
      AND "escalation_id" IN (SELECT e."id" FROM "escalation" e JOIN "incident" i ON i."id" = e."incident_id" WHERE i."stage" IN ('resolved', 'closed'));
-- One open call task per incident and person: the later ones join the first.
-- (The first of each incident and person in one pass, and looked up by its key.)
CREATE TEMP TABLE "call_lead" ("id" INTEGER NOT NULL PRIMARY KEY, "lead" INTEGER NOT NULL);
INSERT INTO temp."call_lead" ("id", "lead")
    SELECT n."id", MIN(n."id") OVER (PARTITION BY n."recipient_id", e."incident_id")
    FROM "notification" n JOIN "escalation" e ON e."id" = n."escalation_id"
    WHERE n."channel" IN ('phone', 'verbal') AND n."state" = 'pending';
UPDATE "notification" SET "state" = 'joined', "lease_owner" = NULL, "lease_until" = NULL,
    "joined_to_id" = (SELECT c."lead" FROM temp."call_lead" c WHERE c."id" = "notification"."id")
    WHERE "id" IN (SELECT c."id" FROM temp."call_lead" c WHERE c."lead" <> c."id");
DROP TABLE temp."call_lead";
