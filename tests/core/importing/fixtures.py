"""Small exports written by the tests themselves, in the shapes the tools write."""

from __future__ import annotations

import csv
from pathlib import Path

from desk_app.services.importing.formats.servicenow import LOG_COLUMNS

SN_HEADER = list(LOG_COLUMNS)


def sn_row(number: str, state: str, mod: int, at: str, *, count: int = 0,
           group: str = "Group 1", assignee: str = "?", category: str = "Category 1",
           caller: str = "Caller 1", impact: str = "2 - Medium", urgency: str = "2 - Medium",
           priority: str = "3 - Moderate", code: str = "code 1", by: str = "Updated by 1",
           opened: str = "01-03-2016 09:00", resolved_at: str = "?", closed_at: str = "?",
           reopen: int = 0) -> dict[str, str]:
    """One row of ServiceNow's event log: the record after one update."""
    row = dict.fromkeys(SN_HEADER, "?")
    row.update({
        "number": number, "incident_state": state, "active": "FALSE" if state == "Closed"
        else "TRUE", "reassignment_count": str(count), "reopen_count": str(reopen),
        "sys_mod_count": str(mod), "made_sla": "TRUE", "caller_id": caller,
        "opened_by": "Opened by  8", "opened_at": opened, "sys_updated_by": by,
        "sys_updated_at": at, "contact_type": "Phone", "location": "Location 1",
        "category": category, "subcategory": "Subcategory 7", "u_symptom": "Symptom 3",
        "impact": impact, "urgency": urgency, "priority": priority,
        "assignment_group": group, "assigned_to": assignee, "knowledge": "TRUE",
        "u_priority_confirmation": "FALSE", "notify": "Do Not Notify", "closed_code": code,
        "resolved_by": "Resolved by 5", "resolved_at": resolved_at, "closed_at": closed_at,
    })
    return row


def write_csv(path: Path, rows: list[dict[str, str]], header: list[str] | None = None,
              delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, header or list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def servicenow_log(path: Path) -> Path:
    """Six incidents, each a case the importer must get right:

    INC1 new → active → resolved → closed, one transfer on the way
    INC2 three transfers (R07 would escalate today: imported history does not), pending
         twice ("Awaiting User Info", then "Awaiting Vendor"), resolved, reopened, closed
    INC3 resolved while new (Assigned → Resolved: the accept is implied), closed
    INC4 closed without a close code (R23): refused
    INC5 closed, then changed again (R24): refused
    INC6 still open, in progress: its targets count from the import on
    """
    rows = [
        sn_row("INC1", "New", 0, "01-03-2016 09:00"),
        sn_row("INC1", "New", 1, "01-03-2016 09:30", count=1, group="Group 2"),
        sn_row("INC1", "Active", 2, "01-03-2016 10:00", count=1, group="Group 2",
               assignee="Resolver 1"),
        sn_row("INC1", "Resolved", 3, "01-03-2016 11:00", count=1, group="Group 2",
               assignee="Resolver 1"),
        sn_row("INC1", "Closed", 4, "06-03-2016 12:00", count=1, group="Group 2",
               assignee="Resolver 1", closed_at="06-03-2016 12:00"),

        sn_row("INC2", "New", 0, "02-03-2016 09:00", priority="2 - High",
               urgency="1 - High"),
        sn_row("INC2", "Active", 1, "02-03-2016 09:10", count=1, group="Group 2",
               priority="2 - High", urgency="1 - High"),
        sn_row("INC2", "Awaiting User Info", 2, "02-03-2016 10:00", count=1, group="Group 2",
               priority="2 - High", urgency="1 - High"),
        sn_row("INC2", "Awaiting Vendor", 3, "02-03-2016 11:00", count=2, group="Group 3",
               priority="2 - High", urgency="1 - High"),
        sn_row("INC2", "Active", 4, "03-03-2016 09:00", count=3, group="Group 1",
               priority="2 - High", urgency="1 - High"),
        sn_row("INC2", "Resolved", 5, "03-03-2016 10:00", count=3, group="Group 1",
               priority="2 - High", urgency="1 - High"),
        sn_row("INC2", "Active", 6, "03-03-2016 11:00", count=3, group="Group 1",
               priority="2 - High", urgency="1 - High", reopen=1),
        sn_row("INC2", "Resolved", 7, "03-03-2016 12:00", count=3, group="Group 1",
               priority="2 - High", urgency="1 - High", reopen=1),
        sn_row("INC2", "Closed", 8, "08-03-2016 12:00", count=3, group="Group 1",
               priority="2 - High", urgency="1 - High", reopen=1, code="code 2"),

        sn_row("INC3", "New", 0, "04-03-2016 09:00", category="Category 2"),
        sn_row("INC3", "Resolved", 1, "04-03-2016 09:05", category="Category 2"),
        sn_row("INC3", "Closed", 2, "09-03-2016 09:05", category="Category 2"),

        sn_row("INC4", "New", 0, "04-03-2016 10:00"),
        sn_row("INC4", "Resolved", 1, "04-03-2016 10:05"),
        sn_row("INC4", "Closed", 2, "09-03-2016 10:05", code="?"),

        sn_row("INC5", "New", 0, "04-03-2016 11:00"),
        sn_row("INC5", "Resolved", 1, "04-03-2016 11:05"),
        sn_row("INC5", "Closed", 2, "09-03-2016 11:05"),
        sn_row("INC5", "Active", 3, "10-03-2016 11:05"),

        sn_row("INC6", "New", 0, "05-03-2016 09:00"),
        sn_row("INC6", "Active", 1, "05-03-2016 09:30", assignee="Resolver 2"),
    ]
    return write_csv(path, rows, SN_HEADER)
