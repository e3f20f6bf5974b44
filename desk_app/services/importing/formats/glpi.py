"""GLPI's ticket list exported as CSV (Assistance > Tickets > Export): one row per ticket,
the column titles of GLPI's search options, semicolons, ``Y-m-d H:i`` dates."""

NAME = "glpi"

COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("ID",),
    "state": ("Status",),
    "updated_at": ("Last update",),
    "opened_at": ("Opening date",),
    "caller": ("Requester - Requester", "Requester"),
    "opened_by": ("Writer", "Writer - Writer"),
    "type": ("Type",),
    "channel": ("Request source",),
    "category": ("Category",),
    "title": ("Title",),
    "description": ("Description",),
    "impact": ("Impact",),
    "urgency": ("Urgency",),
    "priority": ("Priority",),
    "group": ("Assigned to - Technician group", "Assigned to - Group", "Technician group"),
    "assignee": ("Assigned to - Technician", "Technician"),
    "resolution": ("Solution - Solution", "Solution"),
    "resolved_at": ("Resolution date",),
    "close_code": ("Solution type", "Solution - Solution type"),
    "closed_at": ("Closing date",),
}

VALUES: dict[str, dict[str, str]] = {
    "state": {
        "New": "logged",
        "Processing (assigned)": "in_progress",
        "Processing (planned)": "in_progress",
        "Pending": "pending:awaiting_caller",
        "Waiting": "pending:awaiting_caller",
        "Solved": "resolved",
        "Closed": "closed",
    },
    "type": {"Incident": "system_fault", "Request": "information_inquiry"},
    "channel": {"Phone": "phone", "E-Mail": "email", "Email": "email", "Direct": "walk_in",
                "Helpdesk": "other", "Other": "other", "Written": "other"},
    "impact": {"Very high": "1", "High": "1", "Medium": "2", "Low": "3", "Very low": "4"},
    "urgency": {"Very high": "1", "High": "2", "Medium": "3", "Low": "4", "Very low": "4"},
    "priority": {"Major": "1", "Very high": "1", "High": "2", "Medium": "3", "Low": "4",
                 "Very low": "4"},
}

DEFAULTS = {"type": "system_fault", "channel": "phone"}
DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M")
NULL_VALUES = ()
