"""The mapping from their columns and values to ours: a tool's preset, what the person chose
the last time for that source (remembered in the database), and a ``--mapping`` file, each
overriding the one before."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desk_app.errors import BadInput
from desk_app.services.arguments import checked
from desk_app.services.importing.fields import (
    CREATE,
    FIELD_NAMES,
    REFUSE,
    VALUE_KINDS,
)
from desk_app.services.importing.formats import FORMATS, Preset
from desk_app.services.importing.source import usable_path
from desk_app.storage.bulk import insert_rows, tuples
from desk_app.storage.models import ImportMapping

#: Reference kinds whose unknown values are created or refused, as the person chooses.
UNKNOWN_KINDS = ("caller", "group", "category", "person", "close_code", "wait_code")


@dataclass
class Mapping:
    format: str
    columns: dict[str, str] = field(default_factory=dict)  # our field -> their column
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> theirs -> ours
    defaults: dict[str, str] = field(default_factory=dict)  # our field -> a constant
    date_formats: list[str] = field(default_factory=list)
    timezone: str = "UTC"
    null_values: list[str] = field(default_factory=list)
    unknown: dict[str, str] = field(default_factory=lambda: dict.fromkeys(UNKNOWN_KINDS,
                                                                          CREATE))

    def value(self, kind: str, theirs: str) -> str | None:
        return self.values.get(kind, {}).get(theirs)

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def to_json(self) -> dict[str, Any]:
        return {"format": self.format, "columns": self.columns, "values": self.values,
                "defaults": self.defaults, "date_formats": self.date_formats,
                "timezone": self.timezone, "null_values": self.null_values,
                "unknown": self.unknown}


def preset(format_name: str) -> Preset:
    found = FORMATS.get(format_name)
    if found is None:
        raise BadInput("import.bad_format", format=format_name, known=", ".join(FORMATS))
    return found


def guess_columns(preset_: Preset, columns: list[str]) -> dict[str, str]:
    """Our field -> their column: the preset's names first, then a column named like the
    field (case and spaces aside)."""
    present = set(columns)
    folded = {c.strip().lower().replace(" ", "_"): c for c in columns}
    result: dict[str, str] = {}
    for name in FIELD_NAMES:
        for candidate in preset_.columns.get(name, ()):
            if candidate in present:
                result[name] = candidate
                break
        else:
            if name in folded:
                result[name] = folded[name]
    return result


@checked
def build_mapping(format_name: str, columns: list[str], remembered: Mapping | None = None,
                  given: dict[str, Any] | None = None) -> Mapping:
    """The preset for ``format_name`` with the remembered choices and then ``given`` (the
    ``--mapping`` file) laid over it."""
    base = preset(format_name)
    mapping = Mapping(format_name, guess_columns(base, columns),
                      {kind: dict(v) for kind, v in base.values.items()}, dict(base.defaults),
                      list(base.date_formats), "UTC", list(base.null_values))
    for layer in (remembered.to_json() if remembered else None, given):
        if layer:
            _lay(mapping, layer)
    unknown_columns = sorted(c for c in mapping.columns.values() if c not in set(columns))
    if unknown_columns:
        raise BadInput("import.missing_columns", columns=", ".join(unknown_columns))
    return mapping


def _lay(mapping: Mapping, layer: dict[str, Any]) -> None:
    def table(name: str) -> dict[str, Any]:
        value = layer.get(name, {})
        if not isinstance(value, dict):
            raise BadInput("import.bad_mapping", detail=name)
        return value

    for ours, theirs in table("columns").items():
        if ours not in FIELD_NAMES or not isinstance(theirs, str):
            raise BadInput("import.bad_mapping", detail=f"columns.{ours}")
        if theirs:
            mapping.columns[ours] = theirs
        else:
            mapping.columns.pop(ours, None)
    for kind, pairs in table("values").items():
        if kind not in VALUE_KINDS or not isinstance(pairs, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in pairs.items()):
            raise BadInput("import.bad_mapping", detail=f"values.{kind}")
        mapping.values.setdefault(kind, {}).update(pairs)
    for ours, constant in table("defaults").items():
        if ours not in FIELD_NAMES or not isinstance(constant, str):
            raise BadInput("import.bad_mapping", detail=f"defaults.{ours}")
        mapping.defaults[ours] = constant
    for kind, policy in table("unknown").items():
        if kind not in UNKNOWN_KINDS or policy not in (CREATE, REFUSE):
            raise BadInput("import.bad_mapping", detail=f"unknown.{kind}")
        mapping.unknown[kind] = policy
    for name in ("date_formats", "null_values"):
        if name in layer:
            items = layer[name]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise BadInput("import.bad_mapping", detail=name)
            setattr(mapping, name, list(items))
    if "timezone" in layer:
        zone = layer["timezone"]
        try:
            if not isinstance(zone, str) or not zone:
                raise ValueError(zone)
            ZoneInfo(zone)
        except (ValueError, ZoneInfoNotFoundError) as error:
            raise BadInput("import.bad_timezone", zone=str(zone)) from error
        mapping.timezone = zone


def read_mapping_file(path: str | Path) -> dict[str, Any]:
    path = usable_path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as error:
        raise BadInput("import.no_file", path=str(path)) from error
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BadInput("import.bad_mapping", detail=str(path)) from error
    if not isinstance(data, dict):
        raise BadInput("import.bad_mapping", detail=str(path))
    return data


# -- remembered in the database --------------------------------------------------------------
_SETTINGS = ("date_formats", "timezone", "null_values")


def remembered(source: str, format_name: str) -> Mapping | None:
    """What was chosen the last time for ``source`` (None: never imported from it)."""
    rows = tuples(ImportMapping.select().where(ImportMapping.source == source))
    if not rows:
        return None
    mapping = Mapping(format_name, unknown={})
    for _, _, kind, theirs, ours in rows:
        if kind == "column":
            mapping.columns[theirs] = ours
        elif kind == "default":
            mapping.defaults[theirs] = ours
        elif kind == "unknown":
            mapping.unknown[theirs] = ours
        elif kind == "setting" and theirs in _SETTINGS:
            setattr(mapping, theirs, ours if theirs == "timezone" else json.loads(ours))
        elif kind in VALUE_KINDS:
            mapping.values.setdefault(kind, {})[theirs] = ours
    return mapping


def remember(source: str, mapping: Mapping) -> None:
    """Keep ``mapping`` for the next import from ``source`` (inside the import's write)."""
    ImportMapping.delete().where(ImportMapping.source == source).execute()
    rows: list[tuple[str, str, str, str]] = []
    rows += [(source, "column", ours, theirs) for ours, theirs in mapping.columns.items()]
    rows += [(source, "default", ours, value) for ours, value in mapping.defaults.items()]
    rows += [(source, "unknown", kind, policy) for kind, policy in mapping.unknown.items()]
    rows += [(source, kind, theirs, ours) for kind, pairs in mapping.values.items()
             for theirs, ours in pairs.items()]
    rows.append((source, "setting", "timezone", mapping.timezone))
    rows.append((source, "setting", "date_formats", json.dumps(mapping.date_formats)))
    rows.append((source, "setting", "null_values", json.dumps(mapping.null_values)))
    insert_rows(ImportMapping, ("source", "kind", "their_value", "our_value"), rows)
