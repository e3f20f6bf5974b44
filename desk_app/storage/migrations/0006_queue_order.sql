-- Schema 6: the order of every queue sort read from an index, so that the first page of a
-- queue of 100,000 incidents is a walk of 100 index entries rather than a sort of them all
-- (docs/performance.md). The queue order (desk_app.services.queues) is: open work before
-- resolved and closed, then priority, then the next target time (none last), then the
-- number; every other sort key is followed by the same order, so each index below is its
-- key followed by those columns. Name sorts (caller, category, group, assignee) walk the
-- small table by name and each one's incidents through these indexes.
CREATE INDEX "incident_queue_order" ON "incident" ((stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
DROP INDEX "incident_caller_id";
CREATE INDEX "incident_caller_order" ON "incident" (caller_id, (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
DROP INDEX "incident_category_id";
CREATE INDEX "incident_category_order" ON "incident" (category_id, (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
CREATE INDEX "incident_group_order" ON "incident" (group_id, (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
CREATE INDEX "incident_assignee_order" ON "incident" (assignee_id, (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
CREATE INDEX "incident_escalated_order" ON "incident" (escalation_count, (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
-- descending: the stage sort read backwards starts with the few logged incidents, forwards
-- with the many closed ones, and the tie order after it runs forwards either way
CREATE INDEX "incident_stage_order" ON "incident" ((CASE stage WHEN 'logged' THEN 0 WHEN 'assigned' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'resolved' THEN 3 WHEN 'closed' THEN 4 END) DESC, (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
CREATE INDEX "incident_type_order" ON "incident" ((CASE type WHEN 'business_problem' THEN 0 WHEN 'system_fault' THEN 1 WHEN 'information_inquiry' THEN 2 WHEN 'user_complaint' THEN 3 END), (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
CREATE INDEX "incident_title_order" ON "incident" (title, (stage IN ('resolved', 'closed')), priority, (next_deadline IS NULL), next_deadline);
CREATE INDEX "caller_name" ON "caller" ("name");
CREATE INDEX "category_name_en" ON "category" ("name_en");
CREATE INDEX "category_name_zh" ON "category" ("name_zh");
CREATE INDEX "support_group_name_en" ON "support_group" ("name_en");
CREATE INDEX "support_group_name_zh" ON "support_group" ("name_zh");
CREATE INDEX "user_full_name" ON "user" ("full_name");
