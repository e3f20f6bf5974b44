"""One source row read through the mapping: our field names, parsed dates and numbers, and
their reference values kept as they are until ``resolve`` finds or creates ours."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from desk_app.domain.enums import ContactChannel, IncidentType
from desk_app.services.importing.fields import PENDING_PREFIX, STATE_TARGETS
from desk_app.services.importing.mapping import Mapping
from desk_app.services.importing.source import Table

LEVEL_KINDS = ("impact", "urgency", "priority")


def _level_names() -> dict[str, dict[str, int]]:
    from desk_app.domain.enums import Impact, Priority, Urgency
    from desk_app.i18n import label

    return {kind: {label(member, lang).split("-", 1)[-1].strip().casefold(): int(member)
                   for member in enum for lang in ("en", "zh")}
            for kind, enum in (("impact", Impact), ("urgency", Urgency),
                               ("priority", Priority))}


_LEVEL_NAMES = _level_names()

_FIELDS_OF = {"%Y": r"(?P<Y>\d{4})", "%m": r"(?P<m>\d{1,2})", "%d": r"(?P<d>\d{1,2})",
              "%H": r"(?P<H>\d{1,2})", "%M": r"(?P<M>\d{1,2})", "%S": r"(?P<S>\d{1,2})"}


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str] | None:
    """A regular expression for a date pattern made only of %Y %m %d %H %M %S and plain
    characters (the patterns exports use), or None: ``strptime`` reads it. Event logs
    hold tens of thousands of distinct moments, and ``strptime`` costs most of reading
    them."""
    parts = re.split(r"(%.)", pattern)
    if "%Y" not in parts or any(p.startswith("%") and p not in _FIELDS_OF for p in parts):
        return None
    return re.compile("".join(_FIELDS_OF.get(p, re.escape(p)) for p in parts) + r"\Z")


def _strptime(value: str, pattern: str) -> datetime:
    compiled = _compiled(pattern)
    if compiled is None:
        return datetime.strptime(value, pattern)
    found = compiled.match(value)
    if found is None:
        raise ValueError(value)
    got = found.groupdict()
    return datetime(int(got["Y"]), int(got.get("m") or 1), int(got.get("d") or 1),
                    int(got.get("H") or 0), int(got.get("M") or 0), int(got.get("S") or 0))
_TYPES = tuple(t.value for t in IncidentType)
_CHANNELS = tuple(c.value for c in ContactChannel)


class RowRefused(Exception):
    """A row that cannot be read: its message key and parameters."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)


@dataclass
class Row:
    digest: str  # the source row's values, for the incident's fingerprint
    line: int
    number: str
    stage: str  # one of STATE_TARGETS
    wait_code: str | None  # our wait code while pending
    state_text: str  # their state, for the journal
    at: datetime | None
    actor: str
    sequence: int | None
    opened_at: datetime
    opened_by: str
    caller: str
    type: str
    channel: str
    category: str
    title: str
    description: str
    impact: int | None
    urgency: int | None
    priority: int | None
    group: str
    assignee: str
    reassignment_count: int | None
    resolution: str
    resolved_by: str
    resolved_at: datetime | None
    close_code: str
    closed_at: datetime | None


class Reader:
    """Reads rows through one mapping."""

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.nulls = set(mapping.null_values)
        self.zone = mapping.zone()
        self.moments: dict[str, datetime] = {}  # an event log repeats its moments
        self.columns = dict(mapping.columns)
        self.defaults = dict(mapping.defaults)
        self.levels: dict[tuple[str, str], int] = {}

    def fields_of(self, values: dict[str, str]) -> dict[str, str]:
        """Our fields' values in a row: their column's value, empty for their "no value"
        (ServiceNow's ``?``), else the mapping's default for the field."""
        result = dict(self.defaults)
        nulls = self.nulls
        for name, column in self.columns.items():
            value = values.get(column, "")
            if not value or value in nulls:
                continue
            if "  " in value or "\t" in value:
                value = " ".join(value.split()) if "\n" not in value else value
            result[name] = value
        return result

    @staticmethod
    def raw(fields: dict[str, str], name: str) -> str:
        return fields.get(name, "")

    def moment(self, values: dict[str, str], name: str, required: bool = False
               ) -> datetime | None:
        value = self.raw(values, name)
        if not value:
            if required:
                raise RowRefused("import.refuse.required", field=name)
            return None
        known = self.moments.get(value)
        if known is None:
            known = self.moments[value] = self.parse_moment(name, value)
        return known

    def parse_moment(self, name: str, value: str) -> datetime:
        for pattern in self.mapping.date_formats:
            try:
                parsed = _strptime(value, pattern)
            except ValueError:
                continue
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=self.zone)
            if not 1970 <= parsed.year <= 9000:
                break
            return parsed.astimezone(UTC).replace(microsecond=0)
        raise RowRefused("import.refuse.bad_date", field=name, value=value[:60])

    def whole(self, values: dict[str, str], name: str) -> int | None:
        value = self.raw(values, name)
        if not value:
            return None
        try:
            number = int(value)
        except ValueError as error:
            raise RowRefused("import.refuse.bad_number", field=name,
                             value=value[:60]) from error
        if not 0 <= number <= 1_000_000:
            raise RowRefused("import.refuse.bad_number", field=name, value=value[:60])
        return number

    def level(self, values: dict[str, str], kind: str) -> int | None:
        """1–4 from their value: the mapping, else a leading digit (``2 - Medium``)."""
        value = self.raw(values, kind)
        if not value:
            return None
        key = (kind, value)
        if key not in self.levels:
            self.levels[key] = self.parse_level(kind, value)
        return self.levels[key]

    def parse_level(self, kind: str, value: str) -> int:
        mapped = self.mapping.value(kind, value)
        text = mapped if mapped is not None else value
        if mapped is None:  # "1 - High": our level of that name first (urgency High is 2)
            name = text.split("-", 1)[-1].strip().casefold()
            if name in _LEVEL_NAMES[kind]:
                return _LEVEL_NAMES[kind][name]
        head = text.split()[0].rstrip(".-:") if text.split() else ""
        if head.isdigit() and 1 <= int(head) <= 4:
            return int(head)
        raise RowRefused("import.refuse.unmapped", kind=kind, value=value[:60])

    def choice(self, values: dict[str, str], kind: str, allowed: tuple[str, ...]) -> str:
        value = self.raw(values, kind)
        mapped = self.mapping.value(kind, value)
        result = mapped if mapped is not None else value
        if result not in allowed:
            raise RowRefused("import.refuse.unmapped", kind=kind, value=value[:60])
        return result

    def state(self, values: dict[str, str]) -> tuple[str, str | None, str]:
        value = self.raw(values, "state")
        if not value:
            raise RowRefused("import.refuse.required", field="state")
        mapped = self.mapping.value("state", value)
        target = mapped if mapped is not None else value.lower().replace(" ", "_")
        if target.startswith(PENDING_PREFIX) and len(target) > len(PENDING_PREFIX):
            return "", target[len(PENDING_PREFIX):], value
        if target in STATE_TARGETS:
            return target, None, value
        raise RowRefused("import.refuse.unmapped", kind="state", value=value[:60])

    def read(self, line: int, source: dict[str, str]) -> Row:
        values = self.fields_of(source)
        number = self.raw(values, "number")
        if not number:
            raise RowRefused("import.refuse.required", field="number")
        if len(number) > 100:
            raise RowRefused("import.refuse.too_long", field="number")
        stage, wait_code, state_text = self.state(values)
        return Row(
            digest="\x1f".join(source.values()),
            line=line, number=number, stage=stage, wait_code=wait_code, state_text=state_text,
            at=self.moment(values, "updated_at"),
            actor=self.raw(values, "updated_by"),
            sequence=self.whole(values, "sequence"),
            opened_at=self.moment(values, "opened_at", required=True) or datetime.now(UTC),
            opened_by=self.raw(values, "opened_by"),
            caller=self.raw(values, "caller"),
            type=self.choice(values, "type", _TYPES),
            channel=self.choice(values, "channel", _CHANNELS),
            category=self.raw(values, "category"),
            title=self.title(values),
            description=self.raw(values, "description"),
            impact=self.level(values, "impact"),
            urgency=self.level(values, "urgency"),
            priority=self.level(values, "priority"),
            group=self.raw(values, "group"),
            assignee=self.raw(values, "assignee"),
            reassignment_count=self.whole(values, "reassignment_count"),
            resolution=self.raw(values, "resolution"),
            resolved_by=self.raw(values, "resolved_by"),
            resolved_at=self.moment(values, "resolved_at"),
            close_code=self.raw(values, "close_code"),
            closed_at=self.moment(values, "closed_at"),
        )

    def title(self, values: dict[str, str]) -> str:
        """Their short description; a log without one (ServiceNow's event log) gets a title
        from what it has: subcategory and symptom, else the category."""
        title = self.raw(values, "title")
        if not title:
            parts = [self.raw(values, n) for n in ("subcategory", "symptom")]
            title = " · ".join(p for p in parts if p) or self.raw(values, "category")
        return " ".join(title.split())[:200]


def read_rows(table: Table, mapping: Mapping
              ) -> tuple[dict[str, list[Row]], list[tuple[int, str, str, dict[str, object]]]]:
    """The rows grouped by incident number (in file order), and the rows that could not be
    read: (line, number, message key, parameters)."""
    reader = Reader(mapping)
    by_number: dict[str, list[Row]] = {}
    bad: list[tuple[int, str, str, dict[str, object]]] = []
    for line, values in table.rows:
        try:
            row = reader.read(line, values)
        except RowRefused as refusal:
            number = reader.raw(reader.fields_of(values), "number")[:100]
            bad.append((line, number, refusal.key, refusal.params))
            continue
        by_number.setdefault(row.number, []).append(row)
    return by_number, bad
