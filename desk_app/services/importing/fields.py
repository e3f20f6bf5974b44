"""Our side of a mapping: the fields an import fills and the values it maps.

An import works on events: one row per update of an incident (ServiceNow's event log) or
one row per incident (a plain ticket list). Either way each row says what the incident
looked like after that update; ``history`` works out the moves between them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    required: bool = False
    value_kind: str | None = None  # the kind of value mapping this field's values need


#: In the order the wizard shows them.
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("number", required=True),
    FieldSpec("state", required=True, value_kind="state"),
    FieldSpec("updated_at"),
    FieldSpec("updated_by", value_kind="person"),
    FieldSpec("sequence"),
    FieldSpec("opened_at", required=True),
    FieldSpec("opened_by", value_kind="person"),
    FieldSpec("caller", required=True, value_kind="caller"),
    FieldSpec("type", value_kind="type"),
    FieldSpec("channel", value_kind="channel"),
    FieldSpec("category", required=True, value_kind="category"),
    FieldSpec("title"),
    FieldSpec("subcategory"),
    FieldSpec("symptom"),
    FieldSpec("description"),
    FieldSpec("impact", value_kind="impact"),
    FieldSpec("urgency", value_kind="urgency"),
    FieldSpec("priority", value_kind="priority"),
    FieldSpec("group", value_kind="group"),
    FieldSpec("assignee", value_kind="person"),
    FieldSpec("reassignment_count"),
    FieldSpec("resolution"),
    FieldSpec("resolved_by", value_kind="person"),
    FieldSpec("resolved_at"),
    FieldSpec("close_code", value_kind="close_code"),
    FieldSpec("closed_at"),
)

FIELD_NAMES = tuple(f.name for f in FIELDS)
REQUIRED = tuple(f.name for f in FIELDS if f.required)

#: The kinds of value a person maps, and what the value becomes here.
VALUE_KINDS = ("state", "category", "group", "impact", "urgency", "priority", "close_code",
               "type", "channel", "caller", "person")

#: What a state maps to: a stage, or ``pending:<wait code>`` (the stage stays as it was).
STATE_TARGETS = ("logged", "assigned", "in_progress", "resolved", "closed")
PENDING_PREFIX = "pending:"

#: What a value of a reference kind may map to besides one of our rows' codes.
CREATE = "+create"
REFUSE = "+refuse"
