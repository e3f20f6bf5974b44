"""ServiceNow's incident event log (``incident`` audit export): one row per update, each
the whole record as it was after the update, ``?`` for an empty value, day-first dates."""

NAME = "servicenow"

#: The columns of the event log as ServiceNow exports it, in its order.
LOG_COLUMNS = (
    "number", "incident_state", "active", "reassignment_count", "reopen_count", "sys_mod_count",
    "made_sla", "caller_id", "opened_by", "opened_at", "sys_created_by", "sys_created_at",
    "sys_updated_by", "sys_updated_at", "contact_type", "location", "category", "subcategory",
    "u_symptom", "cmdb_ci", "impact", "urgency", "priority", "assignment_group", "assigned_to",
    "knowledge", "u_priority_confirmation", "notify", "problem_id", "rfc", "vendor", "caused_by",
    "closed_code", "resolved_by", "resolved_at", "closed_at",
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("number",),
    "state": ("incident_state", "state"),
    "updated_at": ("sys_updated_at",),
    "updated_by": ("sys_updated_by",),
    "sequence": ("sys_mod_count",),
    "opened_at": ("opened_at",),
    "opened_by": ("opened_by",),
    "caller": ("caller_id",),
    "channel": ("contact_type",),
    "category": ("category",),
    "title": ("short_description",),
    "subcategory": ("subcategory",),
    "symptom": ("u_symptom",),
    "description": ("description",),
    "impact": ("impact",),
    "urgency": ("urgency",),
    "priority": ("priority",),
    "group": ("assignment_group",),
    "assignee": ("assigned_to",),
    "reassignment_count": ("reassignment_count",),
    "resolution": ("close_notes",),
    "resolved_by": ("resolved_by",),
    "resolved_at": ("resolved_at",),
    "close_code": ("closed_code", "close_code"),
    "closed_at": ("closed_at",),
}

VALUES: dict[str, dict[str, str]] = {
    "state": {
        "New": "assigned",  # a new record already carries its assignment group
        "Active": "in_progress",
        "In Progress": "in_progress",
        "Awaiting User Info": "pending:awaiting_caller",
        "Awaiting Vendor": "pending:awaiting_vendor",
        "Awaiting Problem": "pending:awaiting_problem",
        "Awaiting Evidence": "pending:awaiting_evidence",
        "Awaiting Change": "pending:awaiting_change_request",
        "On Hold": "pending:awaiting_caller",
        "Resolved": "resolved",
        "Closed": "closed",
    },
    "channel": {"Phone": "phone", "Email": "email", "Walk-in": "walk_in",
                "Self-service": "other", "Chat": "other"},
}

DEFAULTS = {"type": "system_fault", "channel": "phone"}
DATE_FORMATS = ("%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
NULL_VALUES = ("?",)
