"""Their callers, groups, categories, people and codes made into ours: found by the
mapping, else by code or name, else created or refused as the person chose."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desk_app.domain.validation import NAME_MAX
from desk_app.services.importing.fields import CREATE, REFUSE
from desk_app.services.importing.history import Ref
from desk_app.services.importing.mapping import Mapping
from desk_app.storage.bulk import insert_rows, next_id, tuples
from desk_app.storage.models import (
    Caller,
    Category,
    CloseCode,
    ImportReference,
    SupportGroup,
    User,
    WaitCode,
)


def _insert(model: Any, names: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    """``insert_rows`` with the model's defaults for the columns not given."""
    extra = [(name, f.default) for name, f in model._meta.fields.items()
             if name not in names and f.default is not None and not callable(f.default)]
    insert_rows(model, (*names, *(n for n, _ in extra)),
                [(*row, *(d for _, d in extra)) for row in rows])


_KIND_MODEL = {"caller": Caller, "group": SupportGroup, "category": Category,
               "person": User, "close_code": CloseCode, "wait_code": WaitCode}
_REFERENCE_KIND = {"caller": "caller", "group": "group", "category": "category",
                   "person": "user", "close_code": "close_code", "wait_code": "wait_code"}


@dataclass
class Unresolved:
    """A value that would be refused: its key and parameters."""

    key: str
    params: dict[str, object]


@dataclass
class Resolver:
    """Ids of our rows by their values; what it would create is listed in ``created``."""

    source: str
    mapping: Mapping
    known: dict[str, dict[str, int]] = field(default_factory=dict)
    created: dict[str, dict[str, None]] = field(default_factory=dict)  # kind -> values
    ids: dict[Ref, int] = field(default_factory=dict)
    now: datetime | None = None

    def load(self) -> None:
        """Read the names and codes of what exists (in a read or write transaction)."""
        for kind, model in _KIND_MODEL.items():
            names: dict[str, int] = {}
            if kind == "caller":
                rows = tuples(Caller.select(Caller.id, Caller.name).where(Caller.active))
                for row_id, name in rows:
                    names.setdefault(name.casefold(), row_id)
            elif kind == "person":
                for row_id, username, full_name in tuples(User.select(
                        User.id, User.username, User.full_name)):
                    names.setdefault(username.casefold(), row_id)
                    names.setdefault(full_name.casefold(), row_id)
            else:
                table: Any = model
                for row_id, code, en, zh in tuples(table.select(
                        table.id, table.code, table.name_en, table.name_zh)):
                    for name in (code, en, zh):
                        names.setdefault(name.casefold(), row_id)
            for key, local in tuples(ImportReference.select(
                    ImportReference.external_key, ImportReference.local_id).where(
                    (ImportReference.source == self.source)
                    & (ImportReference.kind == _REFERENCE_KIND[kind]))):
                names[f"\x00{key}"] = local
            self.known[kind] = names

    def find(self, ref: Ref) -> int | Unresolved | None:
        """Our id for ``ref``; None: it is to be created; or why it is refused."""
        names = self.known[ref.kind]
        if f"\x00{ref.value}" in names:  # what an earlier import from this source made
            return names[f"\x00{ref.value}"]
        ours = self.mapping.value(ref.kind, ref.value)
        if ours == REFUSE:
            return Unresolved("import.refuse.value_refused", {"kind": ref.kind,
                                                                "value": ref.value})
        if ours is not None and ours != CREATE:
            found = names.get(ours.casefold())
            if found is None:
                return Unresolved("import.refuse.mapped_to_unknown",
                                  {"kind": ref.kind, "value": ref.value, "ours": ours})
            return found
        if ours is None:
            found = names.get(ref.value.casefold())
            if found is not None:
                return found
            if self.mapping.unknown.get(ref.kind, CREATE) == REFUSE:
                return Unresolved("import.refuse.unknown_value",
                                  {"kind": ref.kind, "value": ref.value})
        if len(ref.value) > NAME_MAX:
            return Unresolved("import.refuse.too_long", {"field": ref.kind})
        return None

    def check(self, refs: Iterable[Ref]) -> Unresolved | None:
        for ref in refs:
            found = self.find(ref)
            if isinstance(found, Unresolved):
                return found
            if found is None:
                self.created.setdefault(ref.kind, {})[ref.value] = None
        return None

    # -- writing -----------------------------------------------------------------------
    def create_all(self, now: datetime, category_groups: dict[str, Ref]) -> None:
        """Create what ``check`` found missing, in an order that lets categories name their
        group; remember each as this source's, for the next import."""
        self.now = now
        references: list[tuple[object, ...]] = []
        for kind in ("group", "person", "caller", "close_code", "wait_code", "category"):
            values = [v for v in self.created.get(kind, {}) if self.find(Ref(kind, v)) is None]
            if not values:
                continue
            for value, local in zip(values, self._create(kind, values, now, category_groups),
                                    strict=True):
                self.known[kind][f"\x00{value}"] = local
                references.append((self.source, _REFERENCE_KIND[kind], value, local, "",
                                   None, now))
        insert_rows(ImportReference, ("source", "kind", "external_key", "local_id",
                                      "fingerprint", "incident_version", "imported_at"),
                    references)
        self.created.clear()

    def _create(self, kind: str, values: list[str], now: datetime,
                category_groups: dict[str, Ref]) -> list[int]:
        """Insert one row per value in one statement; their ids, in order."""
        model = _KIND_MODEL[kind]
        first = next_id(model)
        ids = list(range(first, first + len(values)))
        if kind == "caller":
            _insert(Caller, ("id", "name"), [(i, v) for i, v in zip(ids, values,
                                                                         strict=True)])
            return ids
        if kind == "person":
            # someone who worked in the other tool: a name in the history, not a login here
            codes = self._codes(User, "username", values)
            _insert(User, ("id", "username", "full_name", "password_hash", "active",
                               "created_at"),
                        [(i, c, v, "!", False, now) for i, c, v in zip(ids, codes, values,
                                                                      strict=True)])
            return ids
        codes = self._codes(model, "code", values)
        if kind == "category":
            groups = []
            for value in values:
                group = category_groups.get(value)
                group_id = self.id_of(group) if group is not None else None
                groups.append(group_id if group_id is not None else self._fallback_group())
            _insert(Category, ("id", "code", "name_en", "name_zh", "group"),
                        [(i, c, v, v, g) for i, c, v, g in zip(ids, codes, values, groups,
                                                               strict=True)])
            return ids
        names = values
        if kind == "wait_code":
            names = [v.replace("_", " ").capitalize() for v in values]
        _insert(model, ("id", "code", "name_en", "name_zh"),
                    [(i, c, n, n) for i, c, n in zip(ids, codes, names, strict=True)])
        return ids

    def _fallback_group(self) -> int:
        """The group of a category that comes without any (no incident of it names one)."""
        ref = Ref("group", self.source)
        found = self.find(ref)
        if isinstance(found, int):
            return found
        local = self._create("group", [self.source], self.now or datetime.now(UTC), {})[0]
        self.known["group"][f"\x00{self.source}"] = local
        insert_rows(ImportReference, ("source", "kind", "external_key", "local_id",
                                      "fingerprint", "imported_at"),
                    [(self.source, "group", self.source, local, "", self.now)])
        return local

    @staticmethod
    def _codes(model: Any, column: str, values: list[str]) -> list[str]:
        """Unique codes made from the names (``Group 56`` → ``group_56``)."""
        taken = {row[0] for row in model.select(getattr(model, column)).tuples()}
        result = []
        for value in values:
            base = re.sub(r"[^0-9A-Za-z]+", "_", value).strip("_").lower()[:40] or "imported"
            code, n = base, 1
            while code in taken:
                n += 1
                code = f"{base}_{n}"
            taken.add(code)
            result.append(code)
        return result

    def id_of(self, ref: Ref | None) -> int | None:
        if ref is None:
            return None
        if ref in self.ids:
            return self.ids[ref]
        found = self.find(ref)
        if not isinstance(found, int):
            raise LookupError(ref)
        self.ids[ref] = found
        return found

