-- Schema 25: saved queues (issue 15). A person builds a queue from conditions (stage,
-- priority, group, category, assignee, caller, VIP, escalated, pending with wait code,
-- dates, words) and keeps it personal or shares it with everyone who works in the file;
-- the sidebar shows it with a live count. The conditions are JSON
-- (desk_app.services.bulk.saved_queues.Conditions); a person's queue names are unique.
CREATE TABLE "saved_queue" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "owner_id" INTEGER NOT NULL, "shared" INTEGER NOT NULL, "conditions" TEXT NOT NULL, "created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL, FOREIGN KEY ("owner_id") REFERENCES "user" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "saved_queue_owner_id_name" ON "saved_queue" ("owner_id", "name");
CREATE INDEX "saved_queue_shared" ON "saved_queue" ("shared");
