-- Schema 33: the values behind the reports' medians, means and 90th percentiles, counted
-- (docs/kpis.md, "Speed"). Every stopped target clock gives a row per series in
-- report_value: its working seconds ('<stage>.working'), its calendar seconds
-- ('<stage>.calendar'), both under the clock's priority, and for a restore clock its working
-- seconds under the incident's resolver ('resolve.person', 0 for none); every acknowledged
-- escalation its calendar seconds to acknowledgement under its reason ('ack'). A row is placed in
-- a value bucket (report_value_edge: the buckets' lower bounds) and report_value_month
-- counts them per desk month (report_month: the local midnights that start a month), series,
-- part and bucket, with their sum and the parts of the exact sum of their minutes as floats
-- (whole minutes, and the rest times 2^58 in two halves): a median or percentile finds its
-- bucket from the counts and reads only that bucket's values, in order, through the primary
-- key; a mean is the exact sum of the minutes over the count. Triggers keep both tables in
-- the same transaction as every write of a clock, an escalation or an incident's resolver.
-- report_escalation_month counts the escalations per desk month, reason, and the incident's
-- stage, group and priority now (acknowledged too); triggers move an incident's counts with
-- its stage, group and priority. report_incident_month and report_clock_month are the day
-- summaries of schema 27 added up per month, kept by triggers on the day tables, so that a
-- period of whole months adds up a twelfth of the rows a year. report_person_month counts
-- the incidents resolved per month, assignee and resolver (0 for none) with their calendar
-- seconds from logging to resolution (per person, and the pending share's whole); triggers
-- on the incidents keep it. The pending spans of schema 31 get their working seconds
-- (on their calendar, up to the incident's resolution: what a report counts), which
-- SQLite cannot count (the calendars are the program's): a change of a span, of its
-- incident's resolution or of a calendar marks the incident in report_pending_dirty, and
-- the program counts its spans again before its write commits; a report counts the spans
-- of incidents still marked (a write by another program) itself. `desk-app check` recounts
-- every one. Kept in files only, as the other report_ tables. (The spans' new column
-- "working" is added by the program's step of this migration, which also fills every table.)
CREATE TABLE IF NOT EXISTS "report_value_edge" ("lower" INTEGER NOT NULL PRIMARY KEY);

CREATE TABLE IF NOT EXISTS "report_month" ("start" INTEGER NOT NULL PRIMARY KEY);

CREATE TABLE IF NOT EXISTS "report_value" ("series" VARCHAR(255) NOT NULL, "part" INTEGER NOT NULL, "bucket" INTEGER NOT NULL, "at" INTEGER NOT NULL, "item_id" INTEGER NOT NULL, "seconds" INTEGER NOT NULL, PRIMARY KEY ("series", "part", "bucket", "at", "item_id")) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS "report_value_month" ("month" INTEGER NOT NULL, "series" VARCHAR(255) NOT NULL, "part" INTEGER NOT NULL, "bucket" INTEGER NOT NULL, "n" INTEGER NOT NULL DEFAULT 0, "total" INTEGER NOT NULL DEFAULT 0, "whole" INTEGER NOT NULL DEFAULT 0, "high" INTEGER NOT NULL DEFAULT 0, "low" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("month", "series", "part", "bucket")) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS "report_escalation_month" ("month" INTEGER NOT NULL, "reason" VARCHAR(255) NOT NULL, "stage" VARCHAR(255) NOT NULL, "group_id" INTEGER NOT NULL, "priority" INTEGER NOT NULL, "escalated" INTEGER NOT NULL DEFAULT 0, "acknowledged" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("month", "reason", "stage", "group_id", "priority")) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS "report_incident_month" ("month" INTEGER NOT NULL, "priority" INTEGER NOT NULL, "group_id" INTEGER NOT NULL, "category_id" INTEGER NOT NULL, "channel" VARCHAR(255) NOT NULL, "logged" INTEGER NOT NULL DEFAULT 0, "first_contact" INTEGER NOT NULL DEFAULT 0, "linked" INTEGER NOT NULL DEFAULT 0, "resolved" INTEGER NOT NULL DEFAULT 0, "transfers_3" INTEGER NOT NULL DEFAULT 0, "moves_0" INTEGER NOT NULL DEFAULT 0, "moves_1" INTEGER NOT NULL DEFAULT 0, "moves_2" INTEGER NOT NULL DEFAULT 0, "moves_3" INTEGER NOT NULL DEFAULT 0, "moves_4" INTEGER NOT NULL DEFAULT 0, "moves_5" INTEGER NOT NULL DEFAULT 0, "closed" INTEGER NOT NULL DEFAULT 0, "auto_closed" INTEGER NOT NULL DEFAULT 0, "rated" INTEGER NOT NULL DEFAULT 0, "rating_sum" INTEGER NOT NULL DEFAULT 0, "rated_1" INTEGER NOT NULL DEFAULT 0, "rated_2" INTEGER NOT NULL DEFAULT 0, "rated_3" INTEGER NOT NULL DEFAULT 0, "rated_4" INTEGER NOT NULL DEFAULT 0, "rated_5" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("month", "priority", "group_id", "category_id", "channel")) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS "report_clock_month" ("month" INTEGER NOT NULL, "stage" VARCHAR(255) NOT NULL, "clock_priority" INTEGER NOT NULL, "priority" INTEGER NOT NULL, "group_id" INTEGER NOT NULL, "category_id" INTEGER NOT NULL, "channel" VARCHAR(255) NOT NULL, "stopped" INTEGER NOT NULL DEFAULT 0, "met" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("month", "stage", "clock_priority", "priority", "group_id", "category_id", "channel")) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS "report_person_month" ("month" INTEGER NOT NULL, "assignee_id" INTEGER NOT NULL, "resolved_by_id" INTEGER NOT NULL, "resolved" INTEGER NOT NULL DEFAULT 0, "seconds" INTEGER NOT NULL DEFAULT 0, PRIMARY KEY ("month", "assignee_id", "resolved_by_id")) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS "report_pending_dirty" ("incident_id" INTEGER NOT NULL PRIMARY KEY);

CREATE TRIGGER IF NOT EXISTS "report_value_clock_insert" AFTER INSERT ON "target_clock" WHEN NEW.state = 'stopped' BEGIN
  INSERT INTO report_value (series, part, bucket, at, item_id, seconds) SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id, v.seconds FROM (SELECT NEW.stage || '.working' AS series, NEW.priority AS part, NEW.elapsed_seconds AS seconds, NEW.stopped_at AS at, NEW.id AS item_id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT NEW.stage || '.calendar', NEW.priority, NEW.stopped_at - NEW.started_at, NEW.stopped_at, NEW.id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), NEW.elapsed_seconds, NEW.stopped_at, NEW.id FROM incident i WHERE i.id = NEW.incident_id AND NEW.stage = 'resolve' AND NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL) v WHERE 1;
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), 1, v.seconds, v.seconds / 60, v.f / 536870912, v.f % 536870912 FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT NEW.stage || '.working' AS series, NEW.priority AS part, NEW.elapsed_seconds AS seconds, NEW.stopped_at AS at, NEW.id AS item_id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT NEW.stage || '.calendar', NEW.priority, NEW.stopped_at - NEW.started_at, NEW.stopped_at, NEW.id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), NEW.elapsed_seconds, NEW.stopped_at, NEW.id FROM incident i WHERE i.id = NEW.incident_id AND NEW.stage = 'resolve' AND NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

CREATE TRIGGER IF NOT EXISTS "report_value_clock_delete" AFTER DELETE ON "target_clock" WHEN OLD.state = 'stopped' BEGIN
  DELETE FROM report_value WHERE (series, part, bucket, at, item_id) IN (SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id FROM (SELECT OLD.stage || '.working' AS series, OLD.priority AS part, OLD.elapsed_seconds AS seconds, OLD.stopped_at AS at, OLD.id AS item_id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT OLD.stage || '.calendar', OLD.priority, OLD.stopped_at - OLD.started_at, OLD.stopped_at, OLD.id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), OLD.elapsed_seconds, OLD.stopped_at, OLD.id FROM incident i WHERE i.id = OLD.incident_id AND OLD.stage = 'resolve' AND OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL) v);
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), -1, -v.seconds, -(v.seconds / 60), -(v.f / 536870912), -(v.f % 536870912) FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT OLD.stage || '.working' AS series, OLD.priority AS part, OLD.elapsed_seconds AS seconds, OLD.stopped_at AS at, OLD.id AS item_id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT OLD.stage || '.calendar', OLD.priority, OLD.stopped_at - OLD.started_at, OLD.stopped_at, OLD.id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), OLD.elapsed_seconds, OLD.stopped_at, OLD.id FROM incident i WHERE i.id = OLD.incident_id AND OLD.stage = 'resolve' AND OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

CREATE TRIGGER IF NOT EXISTS "report_value_clock_update" AFTER UPDATE OF state, stopped_at, started_at, elapsed_seconds, priority, stage, incident_id ON "target_clock" WHEN (OLD.state = 'stopped' OR NEW.state = 'stopped') AND (OLD.state IS NOT NEW.state OR OLD.stopped_at IS NOT NEW.stopped_at OR OLD.started_at IS NOT NEW.started_at OR OLD.elapsed_seconds IS NOT NEW.elapsed_seconds OR OLD.priority IS NOT NEW.priority OR OLD.stage IS NOT NEW.stage OR OLD.incident_id IS NOT NEW.incident_id) BEGIN
  DELETE FROM report_value WHERE (series, part, bucket, at, item_id) IN (SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id FROM (SELECT OLD.stage || '.working' AS series, OLD.priority AS part, OLD.elapsed_seconds AS seconds, OLD.stopped_at AS at, OLD.id AS item_id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT OLD.stage || '.calendar', OLD.priority, OLD.stopped_at - OLD.started_at, OLD.stopped_at, OLD.id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), OLD.elapsed_seconds, OLD.stopped_at, OLD.id FROM incident i WHERE i.id = OLD.incident_id AND OLD.stage = 'resolve' AND OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL) v);
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), -1, -v.seconds, -(v.seconds / 60), -(v.f / 536870912), -(v.f % 536870912) FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT OLD.stage || '.working' AS series, OLD.priority AS part, OLD.elapsed_seconds AS seconds, OLD.stopped_at AS at, OLD.id AS item_id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT OLD.stage || '.calendar', OLD.priority, OLD.stopped_at - OLD.started_at, OLD.stopped_at, OLD.id WHERE OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), OLD.elapsed_seconds, OLD.stopped_at, OLD.id FROM incident i WHERE i.id = OLD.incident_id AND OLD.stage = 'resolve' AND OLD.state = 'stopped' AND OLD.stopped_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
  INSERT INTO report_value (series, part, bucket, at, item_id, seconds) SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id, v.seconds FROM (SELECT NEW.stage || '.working' AS series, NEW.priority AS part, NEW.elapsed_seconds AS seconds, NEW.stopped_at AS at, NEW.id AS item_id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT NEW.stage || '.calendar', NEW.priority, NEW.stopped_at - NEW.started_at, NEW.stopped_at, NEW.id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), NEW.elapsed_seconds, NEW.stopped_at, NEW.id FROM incident i WHERE i.id = NEW.incident_id AND NEW.stage = 'resolve' AND NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL) v WHERE 1;
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), 1, v.seconds, v.seconds / 60, v.f / 536870912, v.f % 536870912 FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT NEW.stage || '.working' AS series, NEW.priority AS part, NEW.elapsed_seconds AS seconds, NEW.stopped_at AS at, NEW.id AS item_id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT NEW.stage || '.calendar', NEW.priority, NEW.stopped_at - NEW.started_at, NEW.stopped_at, NEW.id WHERE NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), NEW.elapsed_seconds, NEW.stopped_at, NEW.id FROM incident i WHERE i.id = NEW.incident_id AND NEW.stage = 'resolve' AND NEW.state = 'stopped' AND NEW.stopped_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

-- the resolver's values move with the incident's resolver; an incident deleted takes them
-- before its clocks go (their own trigger no longer finds the incident's resolver)
CREATE TRIGGER IF NOT EXISTS "report_value_resolver" AFTER UPDATE OF resolved_by_id ON "incident" WHEN OLD.resolved_by_id IS NOT NEW.resolved_by_id BEGIN
  DELETE FROM report_value WHERE (series, part, bucket, at, item_id) IN (SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id FROM (SELECT 'resolve.person' AS series, coalesce(OLD.resolved_by_id, 0) AS part, k.elapsed_seconds AS seconds, k.stopped_at AS at, k.id AS item_id FROM target_clock k WHERE k.incident_id = OLD.id AND k.stage || '' = 'resolve' AND k.state = 'stopped' AND k.stopped_at IS NOT NULL) v);
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), -1, -v.seconds, -(v.seconds / 60), -(v.f / 536870912), -(v.f % 536870912) FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT 'resolve.person' AS series, coalesce(OLD.resolved_by_id, 0) AS part, k.elapsed_seconds AS seconds, k.stopped_at AS at, k.id AS item_id FROM target_clock k WHERE k.incident_id = OLD.id AND k.stage || '' = 'resolve' AND k.state = 'stopped' AND k.stopped_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
  INSERT INTO report_value (series, part, bucket, at, item_id, seconds) SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id, v.seconds FROM (SELECT 'resolve.person' AS series, coalesce(NEW.resolved_by_id, 0) AS part, k.elapsed_seconds AS seconds, k.stopped_at AS at, k.id AS item_id FROM target_clock k WHERE k.incident_id = NEW.id AND k.stage || '' = 'resolve' AND k.state = 'stopped' AND k.stopped_at IS NOT NULL) v WHERE 1;
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), 1, v.seconds, v.seconds / 60, v.f / 536870912, v.f % 536870912 FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT 'resolve.person' AS series, coalesce(NEW.resolved_by_id, 0) AS part, k.elapsed_seconds AS seconds, k.stopped_at AS at, k.id AS item_id FROM target_clock k WHERE k.incident_id = NEW.id AND k.stage || '' = 'resolve' AND k.state = 'stopped' AND k.stopped_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

CREATE TRIGGER IF NOT EXISTS "report_value_incident_delete" BEFORE DELETE ON "incident" BEGIN
  DELETE FROM report_value WHERE (series, part, bucket, at, item_id) IN (SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id FROM (SELECT 'resolve.person' AS series, coalesce(OLD.resolved_by_id, 0) AS part, k.elapsed_seconds AS seconds, k.stopped_at AS at, k.id AS item_id FROM target_clock k WHERE k.incident_id = OLD.id AND k.stage || '' = 'resolve' AND k.state = 'stopped' AND k.stopped_at IS NOT NULL) v);
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), -1, -v.seconds, -(v.seconds / 60), -(v.f / 536870912), -(v.f % 536870912) FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT 'resolve.person' AS series, coalesce(OLD.resolved_by_id, 0) AS part, k.elapsed_seconds AS seconds, k.stopped_at AS at, k.id AS item_id FROM target_clock k WHERE k.incident_id = OLD.id AND k.stage || '' = 'resolve' AND k.state = 'stopped' AND k.stopped_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

-- the escalations' counts and their times to acknowledge
CREATE TRIGGER IF NOT EXISTS "report_escalation_insert" AFTER INSERT ON "escalation" BEGIN
  INSERT INTO report_escalation_month (month, reason, stage, group_id, priority, escalated, acknowledged)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.at), -1), NEW.reason, i.stage, i.group_id, i.priority, 1, (NEW.acknowledged_at IS NOT NULL) FROM incident i WHERE i.id = NEW.incident_id
  ON CONFLICT (month, reason, stage, group_id, priority) DO UPDATE SET escalated = escalated + excluded.escalated, acknowledged = acknowledged + excluded.acknowledged;
  INSERT INTO report_value (series, part, bucket, at, item_id, seconds) SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id, v.seconds FROM (SELECT 'ack' AS series, NEW.reason AS part, NEW.acknowledged_at - NEW.at AS seconds, NEW.at AS at, NEW.id AS item_id WHERE NEW.acknowledged_at IS NOT NULL) v WHERE 1;
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), 1, v.seconds, v.seconds / 60, v.f / 536870912, v.f % 536870912 FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT 'ack' AS series, NEW.reason AS part, NEW.acknowledged_at - NEW.at AS seconds, NEW.at AS at, NEW.id AS item_id WHERE NEW.acknowledged_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

CREATE TRIGGER IF NOT EXISTS "report_escalation_delete" AFTER DELETE ON "escalation" BEGIN
  INSERT INTO report_escalation_month (month, reason, stage, group_id, priority, escalated, acknowledged)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.at), -1), OLD.reason, i.stage, i.group_id, i.priority, -1, -(OLD.acknowledged_at IS NOT NULL) FROM incident i WHERE i.id = OLD.incident_id
  ON CONFLICT (month, reason, stage, group_id, priority) DO UPDATE SET escalated = escalated + excluded.escalated, acknowledged = acknowledged + excluded.acknowledged;
  DELETE FROM report_value WHERE (series, part, bucket, at, item_id) IN (SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id FROM (SELECT 'ack' AS series, OLD.reason AS part, OLD.acknowledged_at - OLD.at AS seconds, OLD.at AS at, OLD.id AS item_id WHERE OLD.acknowledged_at IS NOT NULL) v);
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), -1, -v.seconds, -(v.seconds / 60), -(v.f / 536870912), -(v.f % 536870912) FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT 'ack' AS series, OLD.reason AS part, OLD.acknowledged_at - OLD.at AS seconds, OLD.at AS at, OLD.id AS item_id WHERE OLD.acknowledged_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

CREATE TRIGGER IF NOT EXISTS "report_escalation_update" AFTER UPDATE OF at, reason, acknowledged_at, incident_id ON "escalation" WHEN OLD.at IS NOT NEW.at OR OLD.reason IS NOT NEW.reason OR OLD.acknowledged_at IS NOT NEW.acknowledged_at OR OLD.incident_id IS NOT NEW.incident_id BEGIN
  INSERT INTO report_escalation_month (month, reason, stage, group_id, priority, escalated, acknowledged)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.at), -1), OLD.reason, i.stage, i.group_id, i.priority, -1, -(OLD.acknowledged_at IS NOT NULL) FROM incident i WHERE i.id = OLD.incident_id
  ON CONFLICT (month, reason, stage, group_id, priority) DO UPDATE SET escalated = escalated + excluded.escalated, acknowledged = acknowledged + excluded.acknowledged;
  INSERT INTO report_escalation_month (month, reason, stage, group_id, priority, escalated, acknowledged)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.at), -1), NEW.reason, i.stage, i.group_id, i.priority, 1, (NEW.acknowledged_at IS NOT NULL) FROM incident i WHERE i.id = NEW.incident_id
  ON CONFLICT (month, reason, stage, group_id, priority) DO UPDATE SET escalated = escalated + excluded.escalated, acknowledged = acknowledged + excluded.acknowledged;
  DELETE FROM report_value WHERE (series, part, bucket, at, item_id) IN (SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id FROM (SELECT 'ack' AS series, OLD.reason AS part, OLD.acknowledged_at - OLD.at AS seconds, OLD.at AS at, OLD.id AS item_id WHERE OLD.acknowledged_at IS NOT NULL) v);
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), -1, -v.seconds, -(v.seconds / 60), -(v.f / 536870912), -(v.f % 536870912) FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT 'ack' AS series, OLD.reason AS part, OLD.acknowledged_at - OLD.at AS seconds, OLD.at AS at, OLD.id AS item_id WHERE OLD.acknowledged_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
  INSERT INTO report_value (series, part, bucket, at, item_id, seconds) SELECT v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), v.at, v.item_id, v.seconds FROM (SELECT 'ack' AS series, NEW.reason AS part, NEW.acknowledged_at - NEW.at AS seconds, NEW.at AS at, NEW.id AS item_id WHERE NEW.acknowledged_at IS NOT NULL) v WHERE 1;
  INSERT INTO report_value_month (month, series, part, bucket, n, total, whole, high, low) SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1), v.series, v.part, (SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds), 1, v.seconds, v.seconds / 60, v.f / 536870912, v.f % 536870912 FROM (SELECT *, CAST((seconds / 60.0 - seconds / 60) * 288230376151711744.0 AS INTEGER) AS f FROM (SELECT 'ack' AS series, NEW.reason AS part, NEW.acknowledged_at - NEW.at AS seconds, NEW.at AS at, NEW.id AS item_id WHERE NEW.acknowledged_at IS NOT NULL)) v WHERE 1
  ON CONFLICT (month, series, part, bucket) DO UPDATE SET n = n + excluded.n, total = total + excluded.total, whole = whole + excluded.whole, high = high + excluded.high, low = low + excluded.low;
END;

CREATE TRIGGER IF NOT EXISTS "report_escalation_incident" AFTER UPDATE OF stage, group_id, priority ON "incident" WHEN OLD.stage IS NOT NEW.stage OR OLD.group_id IS NOT NEW.group_id OR OLD.priority IS NOT NEW.priority BEGIN
  INSERT INTO report_escalation_month (month, reason, stage, group_id, priority, escalated, acknowledged)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= e.at), -1), e.reason, OLD.stage, OLD.group_id, OLD.priority, -count(*), -count(e.acknowledged_at) FROM escalation e WHERE e.incident_id = OLD.id GROUP BY 1, 2
  ON CONFLICT (month, reason, stage, group_id, priority) DO UPDATE SET escalated = escalated + excluded.escalated, acknowledged = acknowledged + excluded.acknowledged;
  INSERT INTO report_escalation_month (month, reason, stage, group_id, priority, escalated, acknowledged)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= e.at), -1), e.reason, NEW.stage, NEW.group_id, NEW.priority, count(*), count(e.acknowledged_at) FROM escalation e WHERE e.incident_id = NEW.id GROUP BY 1, 2
  ON CONFLICT (month, reason, stage, group_id, priority) DO UPDATE SET escalated = escalated + excluded.escalated, acknowledged = acknowledged + excluded.acknowledged;
END;

-- an incident deleted takes its escalations' counts before they go (their own trigger
-- no longer finds the incident)
CREATE TRIGGER IF NOT EXISTS "report_escalation_incident_delete" BEFORE DELETE ON "incident" BEGIN
  INSERT INTO report_escalation_month (month, reason, stage, group_id, priority, escalated, acknowledged)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= e.at), -1), e.reason, OLD.stage, OLD.group_id, OLD.priority, -count(*), -count(e.acknowledged_at) FROM escalation e WHERE e.incident_id = OLD.id GROUP BY 1, 2
  ON CONFLICT (month, reason, stage, group_id, priority) DO UPDATE SET escalated = escalated + excluded.escalated, acknowledged = acknowledged + excluded.acknowledged;
END;

-- the day summaries of schema 27 added up per desk month, kept by triggers on them
CREATE TRIGGER IF NOT EXISTS "report_incident_month_insert" AFTER INSERT ON "report_incident_day" BEGIN
  INSERT INTO report_incident_month (month, priority, group_id, category_id, channel, logged, first_contact, linked, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.day), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, NEW.logged, NEW.first_contact, NEW.linked, NEW.resolved, NEW.transfers_3, NEW.moves_0, NEW.moves_1, NEW.moves_2, NEW.moves_3, NEW.moves_4, NEW.moves_5, NEW.closed, NEW.auto_closed, NEW.rated, NEW.rating_sum, NEW.rated_1, NEW.rated_2, NEW.rated_3, NEW.rated_4, NEW.rated_5 WHERE 1
  ON CONFLICT (month, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked, resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5, closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;

CREATE TRIGGER IF NOT EXISTS "report_incident_month_delete" AFTER DELETE ON "report_incident_day" BEGIN
  INSERT INTO report_incident_month (month, priority, group_id, category_id, channel, logged, first_contact, linked, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.day), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -OLD.logged, -OLD.first_contact, -OLD.linked, -OLD.resolved, -OLD.transfers_3, -OLD.moves_0, -OLD.moves_1, -OLD.moves_2, -OLD.moves_3, -OLD.moves_4, -OLD.moves_5, -OLD.closed, -OLD.auto_closed, -OLD.rated, -OLD.rating_sum, -OLD.rated_1, -OLD.rated_2, -OLD.rated_3, -OLD.rated_4, -OLD.rated_5 WHERE 1
  ON CONFLICT (month, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked, resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5, closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;

CREATE TRIGGER IF NOT EXISTS "report_incident_month_update" AFTER UPDATE ON "report_incident_day" WHEN OLD.day IS NEW.day AND OLD.priority IS NEW.priority AND OLD.group_id IS NEW.group_id AND OLD.category_id IS NEW.category_id AND OLD.channel IS NEW.channel BEGIN
  INSERT INTO report_incident_month (month, priority, group_id, category_id, channel, logged, first_contact, linked, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.day), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, NEW.logged - OLD.logged, NEW.first_contact - OLD.first_contact, NEW.linked - OLD.linked, NEW.resolved - OLD.resolved, NEW.transfers_3 - OLD.transfers_3, NEW.moves_0 - OLD.moves_0, NEW.moves_1 - OLD.moves_1, NEW.moves_2 - OLD.moves_2, NEW.moves_3 - OLD.moves_3, NEW.moves_4 - OLD.moves_4, NEW.moves_5 - OLD.moves_5, NEW.closed - OLD.closed, NEW.auto_closed - OLD.auto_closed, NEW.rated - OLD.rated, NEW.rating_sum - OLD.rating_sum, NEW.rated_1 - OLD.rated_1, NEW.rated_2 - OLD.rated_2, NEW.rated_3 - OLD.rated_3, NEW.rated_4 - OLD.rated_4, NEW.rated_5 - OLD.rated_5 WHERE 1
  ON CONFLICT (month, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked, resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5, closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;

CREATE TRIGGER IF NOT EXISTS "report_incident_month_rekey" AFTER UPDATE ON "report_incident_day" WHEN NOT (OLD.day IS NEW.day AND OLD.priority IS NEW.priority AND OLD.group_id IS NEW.group_id AND OLD.category_id IS NEW.category_id AND OLD.channel IS NEW.channel) BEGIN
  INSERT INTO report_incident_month (month, priority, group_id, category_id, channel, logged, first_contact, linked, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.day), -1), OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -OLD.logged, -OLD.first_contact, -OLD.linked, -OLD.resolved, -OLD.transfers_3, -OLD.moves_0, -OLD.moves_1, -OLD.moves_2, -OLD.moves_3, -OLD.moves_4, -OLD.moves_5, -OLD.closed, -OLD.auto_closed, -OLD.rated, -OLD.rating_sum, -OLD.rated_1, -OLD.rated_2, -OLD.rated_3, -OLD.rated_4, -OLD.rated_5 WHERE 1
  ON CONFLICT (month, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked, resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5, closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
  INSERT INTO report_incident_month (month, priority, group_id, category_id, channel, logged, first_contact, linked, resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5, closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.day), -1), NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, NEW.logged, NEW.first_contact, NEW.linked, NEW.resolved, NEW.transfers_3, NEW.moves_0, NEW.moves_1, NEW.moves_2, NEW.moves_3, NEW.moves_4, NEW.moves_5, NEW.closed, NEW.auto_closed, NEW.rated, NEW.rating_sum, NEW.rated_1, NEW.rated_2, NEW.rated_3, NEW.rated_4, NEW.rated_5 WHERE 1
  ON CONFLICT (month, priority, group_id, category_id, channel) DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + excluded.first_contact, linked = linked + excluded.linked, resolved = resolved + excluded.resolved, transfers_3 = transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + excluded.moves_5, closed = closed + excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + excluded.rated_5;
END;

CREATE TRIGGER IF NOT EXISTS "report_clock_month_insert" AFTER INSERT ON "report_clock_day" BEGIN
  INSERT INTO report_clock_month (month, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.day), -1), NEW.stage, NEW.clock_priority, NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, NEW.stopped, NEW.met WHERE 1
  ON CONFLICT (month, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

CREATE TRIGGER IF NOT EXISTS "report_clock_month_delete" AFTER DELETE ON "report_clock_day" BEGIN
  INSERT INTO report_clock_month (month, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.day), -1), OLD.stage, OLD.clock_priority, OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -OLD.stopped, -OLD.met WHERE 1
  ON CONFLICT (month, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

CREATE TRIGGER IF NOT EXISTS "report_clock_month_update" AFTER UPDATE ON "report_clock_day" WHEN OLD.day IS NEW.day AND OLD.stage IS NEW.stage AND OLD.clock_priority IS NEW.clock_priority AND OLD.priority IS NEW.priority AND OLD.group_id IS NEW.group_id AND OLD.category_id IS NEW.category_id AND OLD.channel IS NEW.channel BEGIN
  INSERT INTO report_clock_month (month, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.day), -1), NEW.stage, NEW.clock_priority, NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, NEW.stopped - OLD.stopped, NEW.met - OLD.met WHERE 1
  ON CONFLICT (month, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

CREATE TRIGGER IF NOT EXISTS "report_clock_month_rekey" AFTER UPDATE ON "report_clock_day" WHEN NOT (OLD.day IS NEW.day AND OLD.stage IS NEW.stage AND OLD.clock_priority IS NEW.clock_priority AND OLD.priority IS NEW.priority AND OLD.group_id IS NEW.group_id AND OLD.category_id IS NEW.category_id AND OLD.channel IS NEW.channel) BEGIN
  INSERT INTO report_clock_month (month, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.day), -1), OLD.stage, OLD.clock_priority, OLD.priority, OLD.group_id, OLD.category_id, OLD.channel, -OLD.stopped, -OLD.met WHERE 1
  ON CONFLICT (month, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
  INSERT INTO report_clock_month (month, stage, clock_priority, priority, group_id, category_id, channel, stopped, met)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.day), -1), NEW.stage, NEW.clock_priority, NEW.priority, NEW.group_id, NEW.category_id, NEW.channel, NEW.stopped, NEW.met WHERE 1
  ON CONFLICT (month, stage, clock_priority, priority, group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, met = met + excluded.met;
END;

-- the incidents resolved per month, assignee and resolver
CREATE TRIGGER IF NOT EXISTS "report_person_insert" AFTER INSERT ON "incident" WHEN NEW.resolved_at IS NOT NULL BEGIN
  INSERT INTO report_person_month (month, assignee_id, resolved_by_id, resolved, seconds)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.resolved_at), -1), coalesce(NEW.assignee_id, 0), coalesce(NEW.resolved_by_id, 0), 1, (NEW.resolved_at - NEW.created_at) WHERE NEW.resolved_at IS NOT NULL
  ON CONFLICT (month, assignee_id, resolved_by_id) DO UPDATE SET resolved = resolved + excluded.resolved, seconds = seconds + excluded.seconds;
END;

CREATE TRIGGER IF NOT EXISTS "report_person_delete" AFTER DELETE ON "incident" WHEN OLD.resolved_at IS NOT NULL BEGIN
  INSERT INTO report_person_month (month, assignee_id, resolved_by_id, resolved, seconds)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.resolved_at), -1), coalesce(OLD.assignee_id, 0), coalesce(OLD.resolved_by_id, 0), -1, -(OLD.resolved_at - OLD.created_at) WHERE OLD.resolved_at IS NOT NULL
  ON CONFLICT (month, assignee_id, resolved_by_id) DO UPDATE SET resolved = resolved + excluded.resolved, seconds = seconds + excluded.seconds;
END;

CREATE TRIGGER IF NOT EXISTS "report_person_update" AFTER UPDATE OF created_at, resolved_at, assignee_id, resolved_by_id ON "incident" WHEN (OLD.resolved_at IS NOT NULL OR NEW.resolved_at IS NOT NULL) AND (OLD.created_at IS NOT NEW.created_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.assignee_id IS NOT NEW.assignee_id OR OLD.resolved_by_id IS NOT NEW.resolved_by_id) BEGIN
  INSERT INTO report_person_month (month, assignee_id, resolved_by_id, resolved, seconds)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= OLD.resolved_at), -1), coalesce(OLD.assignee_id, 0), coalesce(OLD.resolved_by_id, 0), -1, -(OLD.resolved_at - OLD.created_at) WHERE OLD.resolved_at IS NOT NULL
  ON CONFLICT (month, assignee_id, resolved_by_id) DO UPDATE SET resolved = resolved + excluded.resolved, seconds = seconds + excluded.seconds;
  INSERT INTO report_person_month (month, assignee_id, resolved_by_id, resolved, seconds)
  SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= NEW.resolved_at), -1), coalesce(NEW.assignee_id, 0), coalesce(NEW.resolved_by_id, 0), 1, (NEW.resolved_at - NEW.created_at) WHERE NEW.resolved_at IS NOT NULL
  ON CONFLICT (month, assignee_id, resolved_by_id) DO UPDATE SET resolved = resolved + excluded.resolved, seconds = seconds + excluded.seconds;
END;

-- the pending spans whose working seconds are to be counted again (the program does it)
CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_insert" AFTER INSERT ON "report_pending_span" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) VALUES (NEW.incident_id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_update" AFTER UPDATE OF incident_id, wait_code_id, started_at, ended_at, calendar_id ON "report_pending_span" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) VALUES (NEW.incident_id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_resolved" AFTER UPDATE OF resolved_at ON "incident" WHEN OLD.resolved_at IS NOT NEW.resolved_at BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT NEW.id WHERE EXISTS (SELECT 1 FROM report_pending_span s WHERE s.incident_id = NEW.id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_working_calendar_insert" AFTER INSERT ON "working_calendar" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (NEW.id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_working_calendar_update" AFTER UPDATE ON "working_calendar" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_working_calendar_delete" AFTER DELETE ON "working_calendar" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (OLD.id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_calendar_hours_insert" AFTER INSERT ON "calendar_hours" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (NEW.calendar_id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_calendar_hours_update" AFTER UPDATE ON "calendar_hours" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (OLD.calendar_id, NEW.calendar_id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_calendar_hours_delete" AFTER DELETE ON "calendar_hours" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (OLD.calendar_id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_calendar_day_insert" AFTER INSERT ON "calendar_day" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (NEW.calendar_id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_calendar_day_update" AFTER UPDATE ON "calendar_day" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (OLD.calendar_id, NEW.calendar_id);
END;

CREATE TRIGGER IF NOT EXISTS "report_pending_dirty_calendar_day_delete" AFTER DELETE ON "calendar_day" BEGIN
  INSERT OR IGNORE INTO report_pending_dirty (incident_id) SELECT DISTINCT s.incident_id FROM report_pending_span s WHERE s.calendar_id IN (OLD.calendar_id);
END;

