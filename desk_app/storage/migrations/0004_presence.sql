-- Schema 4: who has the file open (presence) and maintenance mode (restores, upgrades).
CREATE TABLE "presence" ("id" INTEGER NOT NULL PRIMARY KEY, "token" VARCHAR(255) NOT NULL, "user_id" INTEGER, "username" VARCHAR(255) NOT NULL, "full_name" VARCHAR(255) NOT NULL, "workstation" VARCHAR(255) NOT NULL, "pid" INTEGER NOT NULL, "program_version" VARCHAR(255) NOT NULL, "schema_version" INTEGER NOT NULL, "started_at" INTEGER NOT NULL, "heartbeat_at" INTEGER NOT NULL, "state" VARCHAR(255) NOT NULL CHECK (state IN ('active', 'released')), FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "presence_token" ON "presence" ("token");
CREATE INDEX "presence_user_id" ON "presence" ("user_id");
CREATE INDEX "presence_heartbeat_at" ON "presence" ("heartbeat_at");
CREATE TABLE "maintenance" ("id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "active" INTEGER NOT NULL, "reason" VARCHAR(255) CHECK (reason IS NULL OR reason IN ('migration', 'restore')), "token" VARCHAR(255), "username" VARCHAR(255) NOT NULL, "workstation" VARCHAR(255) NOT NULL, "started_at" INTEGER, "generation" INTEGER NOT NULL);
INSERT INTO "maintenance" ("id", "active", "username", "workstation", "generation") VALUES (1, 0, '', '', 0);
