-- Schema 30: maintenance may also be the move of the team's data to a PostgreSQL server
-- (desk-app move): every other workstation's writes are refused while the file is copied.
-- SQLite cannot change a CHECK constraint, so the one-row table is rebuilt.
CREATE TABLE "maintenance_v30" ("id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "active" INTEGER NOT NULL, "reason" VARCHAR(255) CHECK (reason IS NULL OR reason IN ('migration', 'restore', 'move')), "token" VARCHAR(255), "username" VARCHAR(255) NOT NULL, "workstation" VARCHAR(255) NOT NULL, "started_at" INTEGER, "generation" INTEGER NOT NULL);
INSERT INTO "maintenance_v30" ("id", "active", "reason", "token", "username", "workstation", "started_at", "generation")
    SELECT "id", "active", "reason", "token", "username", "workstation", "started_at", "generation" FROM "maintenance";
DROP TABLE "maintenance";
ALTER TABLE "maintenance_v30" RENAME TO "maintenance";
