-- Schema 11: the reports count incidents by the moment of the event counted (logged,
-- resolved, closed) and target clocks by the moment they stopped, over a period: one
-- index for each, so that a month is read from its own rows only.
CREATE INDEX "incident_created_at" ON "incident" ("created_at");
CREATE INDEX "incident_resolved_at" ON "incident" ("resolved_at", "created_at", "assignee_id") WHERE ("resolved_at" IS NOT NULL);
CREATE INDEX "incident_closed_at" ON "incident" ("closed_at") WHERE ("closed_at" IS NOT NULL);
CREATE INDEX "target_clock_stopped" ON "target_clock" ("stage", "stopped_at", "priority", "elapsed_seconds", "target_minutes", "started_at", "incident_id") WHERE ("state" = 'stopped');
