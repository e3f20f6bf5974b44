-- Schema 22: sign-in safety and tamper evidence (docs/security.md).
-- Failed sign-ins per person, the process owner's lock and forced password change.
ALTER TABLE "user" ADD COLUMN "failed_signins" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "user" ADD COLUMN "last_failed_at" INTEGER;
ALTER TABLE "user" ADD COLUMN "locked" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "user" ADD COLUMN "must_change_password" INTEGER NOT NULL DEFAULT 0;
-- The file's own id: the credential store files this file's secrets under it.
INSERT OR IGNORE INTO "setting" (key, version, value) VALUES ('security.file_id', 1, lower(hex(randomblob(16))));
-- The hash chain. Every journal row and every witness row (a change to a person, their roles
-- or groups, a setting, a matrix cell, an escalation's acknowledgement or an incident's
-- fields) takes the next number of one sequence and a hash over its content and the previous
-- hash; ``chain_head`` holds the last, so a write reads one row, never the chain. (A witness
-- row is hashed as stored: ``new.content`` straight from ``json_array`` would be embedded as
-- JSON, not as the text the check reads back.)
CREATE TABLE "chain_head" ("id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "seq" INTEGER NOT NULL, "hash" TEXT NOT NULL);
INSERT INTO "chain_head" (id, seq, hash) VALUES (1, 0, '');
ALTER TABLE "journal" ADD COLUMN "seq" INTEGER;
ALTER TABLE "journal" ADD COLUMN "chain" TEXT;
CREATE TABLE "witness" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(20) NOT NULL, "ref" VARCHAR(255) NOT NULL, "content" TEXT, "seq" INTEGER, "chain" TEXT);
CREATE INDEX "witness_kind_ref_id" ON "witness" ("kind", "ref", "id");
CREATE INDEX "witness_seq" ON "witness" ("seq");
CREATE INDEX "journal_seq" ON "journal" ("seq");
CREATE TRIGGER "journal_chain" AFTER INSERT ON "journal" BEGIN
    UPDATE "chain_head" SET seq = seq + 1, hash = desk_chain(hash, seq + 1, 'journal', json_array(new.id, new.incident_id, new.at, new.actor_id, new.action, new.changes, new.note));
    UPDATE "journal" SET seq = (SELECT seq FROM "chain_head"), chain = (SELECT hash FROM "chain_head") WHERE id = new.id;
END;
CREATE TRIGGER "witness_chain" AFTER INSERT ON "witness" BEGIN
    UPDATE "chain_head" SET seq = seq + 1, hash = desk_chain(hash, seq + 1, 'witness', (SELECT json_array(id, kind, ref, content) FROM "witness" WHERE id = new.id));
    UPDATE "witness" SET seq = (SELECT seq FROM "chain_head"), chain = (SELECT hash FROM "chain_head") WHERE id = new.id;
END;
-- People: the fields that decide who may sign in and as whom.
CREATE TRIGGER "witness_user_insert" AFTER INSERT ON "user" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('user', new.id, json_array(new.username, new.full_name, new.email, new.phone, new.password_hash, new.active, new.locked, new.must_change_password));
END;
CREATE TRIGGER "witness_user_update" AFTER UPDATE ON "user"
WHEN old.username IS NOT new.username OR old.full_name IS NOT new.full_name OR old.email IS NOT new.email OR old.phone IS NOT new.phone OR old.password_hash IS NOT new.password_hash OR old.active IS NOT new.active OR old.locked IS NOT new.locked OR old.must_change_password IS NOT new.must_change_password
BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('user', new.id, json_array(new.username, new.full_name, new.email, new.phone, new.password_hash, new.active, new.locked, new.must_change_password));
END;
CREATE TRIGGER "witness_user_delete" AFTER DELETE ON "user" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('user', old.id, NULL);
END;
CREATE TRIGGER "witness_role_insert" AFTER INSERT ON "user_role" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('roles', new.user_id, (SELECT json_group_array(role) FROM (SELECT role FROM "user_role" WHERE user_id = new.user_id ORDER BY role)));
END;
CREATE TRIGGER "witness_role_delete" AFTER DELETE ON "user_role" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('roles', old.user_id, (SELECT json_group_array(role) FROM (SELECT role FROM "user_role" WHERE user_id = old.user_id ORDER BY role)));
END;
CREATE TRIGGER "witness_member_insert" AFTER INSERT ON "group_member" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('groups', new.user_id, (SELECT json_group_array(group_id) FROM (SELECT group_id FROM "group_member" WHERE user_id = new.user_id ORDER BY group_id)));
END;
CREATE TRIGGER "witness_member_delete" AFTER DELETE ON "group_member" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('groups', old.user_id, (SELECT json_group_array(group_id) FROM (SELECT group_id FROM "group_member" WHERE user_id = old.user_id ORDER BY group_id)));
END;
-- Settings and the priority matrix.
CREATE TRIGGER "witness_setting_insert" AFTER INSERT ON "setting" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('setting', new.key, json_array(new.value));
END;
CREATE TRIGGER "witness_setting_update" AFTER UPDATE ON "setting" WHEN old.value IS NOT new.value OR old.key IS NOT new.key BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('setting', new.key, json_array(new.value));
END;
CREATE TRIGGER "witness_setting_delete" AFTER DELETE ON "setting" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('setting', old.key, NULL);
END;
CREATE TRIGGER "witness_matrix_update" AFTER UPDATE ON "priority_cell" WHEN old.priority IS NOT new.priority OR old.impact IS NOT new.impact OR old.urgency IS NOT new.urgency BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('matrix', new.id, json_array(new.impact, new.urgency, new.priority));
END;
-- Escalations: who acknowledged, when, with what comment.
CREATE TRIGGER "witness_escalation_insert" AFTER INSERT ON "escalation" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('escalation', new.id, json_array(new.incident_id, new.reason, new.at, new.acknowledged_at, new.acknowledged_by_id, new.ack_comment));
END;
CREATE TRIGGER "witness_escalation_update" AFTER UPDATE ON "escalation"
WHEN old.acknowledged_at IS NOT new.acknowledged_at OR old.acknowledged_by_id IS NOT new.acknowledged_by_id OR old.ack_comment IS NOT new.ack_comment OR old.incident_id IS NOT new.incident_id OR old.reason IS NOT new.reason OR old.at IS NOT new.at
BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('escalation', new.id, json_array(new.incident_id, new.reason, new.at, new.acknowledged_at, new.acknowledged_by_id, new.ack_comment));
END;
-- Incidents: a digest of the fields the journal speaks of (the witness keeps the digest, not
-- the text, so that the file does not grow by a copy of every description).
CREATE TRIGGER "witness_incident_insert" AFTER INSERT ON "incident" BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('incident', new.id, desk_digest(json_array(new.number, new.type, new.channel, new.caller_id, new.category_id, new.group_id, new.assignee_id, new.impact, new.urgency, new.priority, new.stage, new.wait_code_id, new.title, new.description, new.resolution, new.resolution_type, new.close_code_id, new.close_notes, new.satisfaction, new.confirmed_by_id, new.created_by_id, new.created_at, new.resolved_by_id, new.closed_by_id, new.linked_incident_id)));
END;
CREATE TRIGGER "witness_incident_update" AFTER UPDATE ON "incident"
WHEN old.number IS NOT new.number OR old.type IS NOT new.type OR old.channel IS NOT new.channel OR old.caller_id IS NOT new.caller_id OR old.category_id IS NOT new.category_id OR old.group_id IS NOT new.group_id OR old.assignee_id IS NOT new.assignee_id OR old.impact IS NOT new.impact OR old.urgency IS NOT new.urgency OR old.priority IS NOT new.priority OR old.stage IS NOT new.stage OR old.wait_code_id IS NOT new.wait_code_id OR old.title IS NOT new.title OR old.description IS NOT new.description OR old.resolution IS NOT new.resolution OR old.resolution_type IS NOT new.resolution_type OR old.close_code_id IS NOT new.close_code_id OR old.close_notes IS NOT new.close_notes OR old.satisfaction IS NOT new.satisfaction OR old.confirmed_by_id IS NOT new.confirmed_by_id OR old.created_by_id IS NOT new.created_by_id OR old.created_at IS NOT new.created_at OR old.resolved_by_id IS NOT new.resolved_by_id OR old.closed_by_id IS NOT new.closed_by_id OR old.linked_incident_id IS NOT new.linked_incident_id
BEGIN
    INSERT INTO "witness" (kind, ref, content) VALUES ('incident', new.id, desk_digest(json_array(new.number, new.type, new.channel, new.caller_id, new.category_id, new.group_id, new.assignee_id, new.impact, new.urgency, new.priority, new.stage, new.wait_code_id, new.title, new.description, new.resolution, new.resolution_type, new.close_code_id, new.close_notes, new.satisfaction, new.confirmed_by_id, new.created_by_id, new.created_at, new.resolved_by_id, new.closed_by_id, new.linked_incident_id)));
END;
