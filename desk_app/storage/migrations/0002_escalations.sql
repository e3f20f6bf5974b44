-- Issue 4: the duty roster (R03) and the record of call tasks (R09).
-- A shift is a span of time; its assignments say who staffs the service desk in it.
CREATE TABLE "duty_shift" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "starts_at" INTEGER NOT NULL, "ends_at" INTEGER NOT NULL, "note" VARCHAR(255) NOT NULL, CHECK (starts_at < ends_at));
CREATE TABLE "duty_assignment" ("id" INTEGER NOT NULL PRIMARY KEY, "shift_id" INTEGER NOT NULL, "user_id" INTEGER NOT NULL, FOREIGN KEY ("shift_id") REFERENCES "duty_shift" ("id") ON DELETE CASCADE, FOREIGN KEY ("user_id") REFERENCES "user" ("id"));
-- A phone or verbal notification is a call task; each call made for it is one row here.
CREATE TABLE "call_attempt" ("id" INTEGER NOT NULL PRIMARY KEY, "notification_id" INTEGER NOT NULL, "called_by_id" INTEGER NOT NULL, "called_at" INTEGER NOT NULL, "reached" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("notification_id") REFERENCES "notification" ("id") ON DELETE CASCADE, FOREIGN KEY ("called_by_id") REFERENCES "user" ("id"));
CREATE INDEX "duty_shift_starts_at_ends_at" ON "duty_shift" ("starts_at", "ends_at");
CREATE INDEX "duty_shift_ends_at" ON "duty_shift" ("ends_at");
CREATE UNIQUE INDEX "duty_assignment_shift_id_user_id" ON "duty_assignment" ("shift_id", "user_id");
CREATE INDEX "duty_assignment_user_id" ON "duty_assignment" ("user_id");
CREATE INDEX "call_attempt_notification_id_called_at" ON "call_attempt" ("notification_id", "called_at");
CREATE INDEX "call_attempt_called_by_id" ON "call_attempt" ("called_by_id");
CREATE INDEX "notification_channel_state_next_attempt_at" ON "notification" ("channel", "state", "next_attempt_at");
CREATE INDEX "escalation_at" ON "escalation" ("at");
