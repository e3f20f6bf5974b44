-- Schema 27: summary tables for the reports (docs/kpis.md, "Summary tables"). A month or a
-- year of counts is read from one row per day x priority x group x category x channel
-- instead of from every incident and target clock of the period. Triggers keep them in the
-- same transaction as every write of an incident or a clock (whatever program writes it);
-- `desk-app check` recounts them from the incidents. Days are the desk's days: the local
-- midnights of its report time zone, listed in report_calendar (filled by the program for
-- the zone, with the tables, when this migration runs); a moment before the calendar's
-- first day is on day -1, which no report period reaches.
CREATE TABLE "report_calendar" ("start" INTEGER NOT NULL PRIMARY KEY);

CREATE TABLE "report_incident_day" ("day" INTEGER NOT NULL, "priority" INTEGER NOT NULL, "group_id" INTEGER NOT NULL, "category_id" INTEGER NOT NULL, "channel" VARCHAR(255) NOT NULL, "logged" INTEGER NOT NULL DEFAULT 0, "first_contact" INTEGER NOT NULL DEFAULT 0, "linked" INTEGER NOT NULL DEFAULT 0, "resolved" INTEGER NOT NULL DEFAULT 0, "transfers_3" INTEGER NOT NULL DEFAULT 0, "moves_0" INTEGER NOT NULL DEFAULT 0, "moves_1" INTEGER NOT NULL DEFAULT 0, "moves_2" INTEGER NOT NULL DEFAULT 0, "moves_3" INTEGER NOT NULL DEFAULT 0, "moves_4" INTEGER NOT NULL DEFAULT 0, "moves_5" INTEGER NOT NULL DEFAULT 0, "closed" INTEGER NOT NULL DEFAULT 0, "auto_closed" INTEGER NOT NULL DEFAULT 0, "rated" INTEGER NOT NULL DEFAULT 0, "rating_sum" INTEGER NOT NULL DEFAULT 0, "rated_1" INTEGER NOT NULL DEFAULT 0, "rated_2" INTEGER NOT NULL DEFAULT 0, "rated_3" INTEGER NOT NULL DEFAULT 0, "rated_4" INTEGER NOT NULL DEFAULT 0, "rated_5" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("day", "priority", "group_id", "category_id", "channel")) WITHOUT ROWID;

CREATE TABLE "report_clock_day" ("day" INTEGER NOT NULL, "stage" VARCHAR(255) NOT NULL, "clock_priority" INTEGER NOT NULL, "priority" INTEGER NOT NULL, "group_id" INTEGER NOT NULL, "category_id" INTEGER NOT NULL, "channel" VARCHAR(255) NOT NULL, "stopped" INTEGER NOT NULL DEFAULT 0, "met" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("day", "stage", "clock_priority", "priority", "group_id", "category_id", "channel")) WITHOUT ROWID;

CREATE TRIGGER "report_incident_insert" AFTER INSERT ON "incident" BEGIN
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, logged, first_contact, linked)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.created_at), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, 1, (NEW.resolved_at IS NOT NULL AND NEW.assigned_at IS NULL AND NEW.accepted_at IS NULL), (NEW.linked_incident_id IS NOT NULL) WHERE 1
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.resolved_at), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, 1, (NEW.reassignment_count >= 3), (min(NEW.reassignment_count, 5) = 0), (min(NEW.reassignment_count, 5) = 1), (min(NEW.reassignment_count, 5) = 2), (min(NEW.reassignment_count, 5) = 3), (min(NEW.reassignment_count, 5) = 4), (min(NEW.reassignment_count, 5) = 5) WHERE NEW.resolved_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.closed_at), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, 1, (NEW.closed_by_id IS NULL), (NEW.satisfaction IS NOT NULL), coalesce(NEW.satisfaction, 0), (NEW.satisfaction IS 1), (NEW.satisfaction IS 2), (NEW.satisfaction IS 3), (NEW.satisfaction IS 4), (NEW.satisfaction IS 5) WHERE NEW.closed_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;

CREATE TRIGGER "report_incident_delete" BEFORE DELETE ON "incident" BEGIN
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, logged, first_contact, linked)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.created_at), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -1, -(OLD.resolved_at IS NOT NULL AND OLD.assigned_at IS NULL AND OLD.accepted_at IS NULL), -(OLD.linked_incident_id IS NOT NULL) WHERE 1
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.resolved_at), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -1, -(OLD.reassignment_count >= 3), -(min(OLD.reassignment_count, 5) = 0), -(min(OLD.reassignment_count, 5) = 1), -(min(OLD.reassignment_count, 5) = 2), -(min(OLD.reassignment_count, 5) = 3), -(min(OLD.reassignment_count, 5) = 4), -(min(OLD.reassignment_count, 5) = 5) WHERE OLD.resolved_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.closed_at), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -1, -(OLD.closed_by_id IS NULL), -(OLD.satisfaction IS NOT NULL), -coalesce(OLD.satisfaction, 0), -(OLD.satisfaction IS 1), -(OLD.satisfaction IS 2), -(OLD.satisfaction IS 3), -(OLD.satisfaction IS 4), -(OLD.satisfaction IS 5) WHERE OLD.closed_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
  INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= k.stopped_at), -1), k.stage, k.priority, OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -count(*), -sum(k.elapsed_seconds <= k.target_minutes * 60)
  FROM target_clock k WHERE k.incident_id = OLD.id AND k.state = 'stopped' GROUP BY 1, 2, 3
  ON CONFLICT (day, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

CREATE TRIGGER "report_incident_update" AFTER UPDATE OF created_at, resolved_at, closed_at, closed_by_id, assigned_at, accepted_at, linked_incident_id, reassignment_count, satisfaction, priority, group_id, category_id, channel ON "incident" WHEN OLD.created_at IS NOT NEW.created_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.closed_at IS NOT NEW.closed_at OR OLD.closed_by_id IS NOT NEW.closed_by_id OR OLD.assigned_at IS NOT NEW.assigned_at OR OLD.accepted_at IS NOT NEW.accepted_at OR OLD.linked_incident_id IS NOT NEW.linked_incident_id OR OLD.reassignment_count IS NOT NEW.reassignment_count OR OLD.satisfaction IS NOT NEW.satisfaction OR OLD.priority IS NOT NEW.priority OR OLD.group_id IS NOT NEW.group_id OR OLD.category_id IS NOT NEW.category_id OR OLD.channel IS NOT NEW.channel BEGIN
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, logged, first_contact, linked)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.created_at), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -1, -(OLD.resolved_at IS NOT NULL AND OLD.assigned_at IS NULL AND OLD.accepted_at IS NULL), -(OLD.linked_incident_id IS NOT NULL) WHERE 1
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.resolved_at), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -1, -(OLD.reassignment_count >= 3), -(min(OLD.reassignment_count, 5) = 0), -(min(OLD.reassignment_count, 5) = 1), -(min(OLD.reassignment_count, 5) = 2), -(min(OLD.reassignment_count, 5) = 3), -(min(OLD.reassignment_count, 5) = 4), -(min(OLD.reassignment_count, 5) = 5) WHERE OLD.resolved_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.closed_at), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -1, -(OLD.closed_by_id IS NULL), -(OLD.satisfaction IS NOT NULL), -coalesce(OLD.satisfaction, 0), -(OLD.satisfaction IS 1), -(OLD.satisfaction IS 2), -(OLD.satisfaction IS 3), -(OLD.satisfaction IS 4), -(OLD.satisfaction IS 5) WHERE OLD.closed_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, logged, first_contact, linked)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.created_at), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, 1, (NEW.resolved_at IS NOT NULL AND NEW.assigned_at IS NULL AND NEW.accepted_at IS NULL), (NEW.linked_incident_id IS NOT NULL) WHERE 1
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.resolved_at), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, 1, (NEW.reassignment_count >= 3), (min(NEW.reassignment_count, 5) = 0), (min(NEW.reassignment_count, 5) = 1), (min(NEW.reassignment_count, 5) = 2), (min(NEW.reassignment_count, 5) = 3), (min(NEW.reassignment_count, 5) = 4), (min(NEW.reassignment_count, 5) = 5) WHERE NEW.resolved_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5;
  INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.closed_at), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, 1, (NEW.closed_by_id IS NULL), (NEW.satisfaction IS NOT NULL), coalesce(NEW.satisfaction, 0), (NEW.satisfaction IS 1), (NEW.satisfaction IS 2), (NEW.satisfaction IS 3), (NEW.satisfaction IS 4), (NEW.satisfaction IS 5) WHERE NEW.closed_at IS NOT NULL
  ON CONFLICT (day, priority, group_id, category_id, channel) DO UPDATE SET closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;

CREATE TRIGGER "report_incident_clocks" AFTER UPDATE OF priority, group_id, category_id, channel ON "incident" WHEN OLD.priority IS NOT NEW.priority OR OLD.group_id IS NOT NEW.group_id OR OLD.category_id IS NOT NEW.category_id OR OLD.channel IS NOT NEW.channel BEGIN
  INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= k.stopped_at), -1), k.stage, k.priority, OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -count(*), -sum(k.elapsed_seconds <= k.target_minutes * 60)
  FROM target_clock k WHERE k.incident_id = NEW.id AND k.state = 'stopped' GROUP BY 1, 2, 3
  ON CONFLICT (day, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
  INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= k.stopped_at), -1), k.stage, k.priority, NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, count(*), sum(k.elapsed_seconds <= k.target_minutes * 60)
  FROM target_clock k WHERE k.incident_id = NEW.id AND k.state = 'stopped' GROUP BY 1, 2, 3
  ON CONFLICT (day, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

CREATE TRIGGER "report_clock_insert" AFTER INSERT ON "target_clock" BEGIN
  INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.stopped_at), -1), NEW.stage, NEW.priority, i.priority, i.group_id, i.category_id, i.channel, 1, (NEW.elapsed_seconds <= NEW.target_minutes * 60)
  FROM incident i WHERE i.id = NEW.incident_id AND NEW.state = 'stopped'
  ON CONFLICT (day, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

CREATE TRIGGER "report_clock_delete" AFTER DELETE ON "target_clock" BEGIN
  INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.stopped_at), -1), OLD.stage, OLD.priority, i.priority, i.group_id, i.category_id, i.channel, -1, -(OLD.elapsed_seconds <= OLD.target_minutes * 60)
  FROM incident i WHERE i.id = OLD.incident_id AND OLD.state = 'stopped'
  ON CONFLICT (day, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

CREATE TRIGGER "report_clock_update" AFTER UPDATE OF state, stopped_at, elapsed_seconds, target_minutes, priority, stage, incident_id ON "target_clock" WHEN (OLD.state IS NOT NEW.state OR OLD.stopped_at IS NOT NEW.stopped_at OR OLD.elapsed_seconds IS NOT NEW.elapsed_seconds OR OLD.target_minutes IS NOT NEW.target_minutes OR OLD.priority IS NOT NEW.priority OR OLD.stage IS NOT NEW.stage OR OLD.incident_id IS NOT NEW.incident_id) AND (OLD.state = 'stopped' OR NEW.state = 'stopped') BEGIN
  INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= OLD.stopped_at), -1), OLD.stage, OLD.priority, i.priority, i.group_id, i.category_id, i.channel, -1, -(OLD.elapsed_seconds <= OLD.target_minutes * 60)
  FROM incident i WHERE i.id = OLD.incident_id AND OLD.state = 'stopped'
  ON CONFLICT (day, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
  INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= NEW.stopped_at), -1), NEW.stage, NEW.priority, i.priority, i.group_id, i.category_id, i.channel, 1, (NEW.elapsed_seconds <= NEW.target_minutes * 60)
  FROM incident i WHERE i.id = NEW.incident_id AND NEW.state = 'stopped'
  ON CONFLICT (day, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

-- What the reports still read per incident, read from indexes alone: the incidents logged
-- in a period and not resolved in it, per assignee (handled); those resolved in it, per
-- assignee and resolver, with their logging time (pending share); and the ratings, per
-- group and resolver. The first two widen the indexes of migration 0011 under their names.
DROP INDEX "incident_created_at";
CREATE INDEX "incident_created_at" ON "incident" ("created_at", "resolved_at", "assignee_id");
DROP INDEX "incident_resolved_at";
CREATE INDEX "incident_resolved_at" ON "incident" ("resolved_at", "created_at", "assignee_id", "resolved_by_id") WHERE ("resolved_at" IS NOT NULL);
CREATE INDEX "incident_rated" ON "incident" ("closed_at", "satisfaction", "group_id", "resolved_by_id") WHERE ("satisfaction" IS NOT NULL);
-- The stopped clocks' index holds their state too: SQLite reads a partial index's own
-- condition column from the table otherwise, one lookup per clock.
DROP INDEX "target_clock_stopped";
CREATE INDEX "target_clock_stopped" ON "target_clock" ("stage", "stopped_at", "priority", "elapsed_seconds", "target_minutes", "started_at", "incident_id", "state") WHERE ("state" = 'stopped');
-- The pending share reads the wait-code changes of the incidents resolved in a period:
-- found in a small index of those journal rows instead of every incident's history.
CREATE INDEX "journal_wait" ON "journal" ("incident_id", "id") WHERE ("action" IN ('pend', 'resume', 'raise_change'));
