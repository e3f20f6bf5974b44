"""People from a directory export (issue 15): callers, users and support groups, one a row,
updated by login when they are already here.

Columns (English or Chinese titles, case aside): ``name``, ``login``, ``department``,
``phone``, ``email``, ``vip``, and optionally ``kind`` (caller — the default —, user or
group), ``groups`` (a user's support groups, by code or name, separated by ``;``) and
``roles`` (a user's roles, e.g. ``tier1;service_desk``). A new user gets no password: the
process owner gives one before they can sign in. A group's login is its code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desk_app.domain.enums import Role
from desk_app.domain.validation import NAME_MAX
from desk_app.i18n import Language, text
from desk_app.services.admin.common import require_owner
from desk_app.services.importing.history import Refusal
from desk_app.services.importing.report import refusal_line
from desk_app.services.importing.source import read_table
from desk_app.services.session import Session
from desk_app.storage.models import (
    Caller,
    Department,
    GroupMember,
    ImportReference,
    SupportGroup,
    User,
    UserRole,
)

SOURCE = "people"

_ALIASES = {
    "name": ("name", "full_name", "display_name", "姓名", "名称"),
    "login": ("login", "username", "account", "samaccountname", "登录名", "账号", "工号"),
    "department": ("department", "dept", "部门"),
    "phone": ("phone", "telephone", "mobile", "电话", "手机"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮件"),
    "vip": ("vip",),
    "kind": ("kind", "type", "类型"),
    "groups": ("groups", "group", "支持组"),
    "roles": ("roles", "role", "角色"),
}
_YES = {"1", "true", "yes", "y", "是", "vip", "x"}


@dataclass
class PeopleReport:
    dry_run: bool
    added: int = 0
    updated: int = 0
    refused: list[Refusal] = field(default_factory=list)


def _columns(columns: list[str]) -> dict[str, str]:
    folded = {c.strip().lower().replace(" ", "_"): c for c in columns}
    return {ours: folded[alias] for ours, aliases in _ALIASES.items() for alias in aliases
            if alias in folded}


def import_people(session: Session, path: str | Path, *, dry_run: bool = False
                  ) -> PeopleReport:
    table = read_table(path)
    columns = _columns(table.columns)
    report = PeopleReport(dry_run)

    def run() -> PeopleReport:
        require_owner(session)  # R04
        report.added = report.updated = 0  # a retried transaction counts again
        report.refused.clear()
        now = session.clock.now()
        rows = [(line, {ours: " ".join(values.get(theirs, "").split())
                        for ours, theirs in columns.items()}) for line, values in table.rows]
        # groups first, so that a user's groups named by a later row are found, not doubled
        rows.sort(key=lambda item: item[1].get("kind", "").lower() != "group")
        for line, row in rows:
            outcome = _one(row, now)
            if isinstance(outcome, tuple):
                report.refused.append(Refusal(row.get("login") or row.get("name", ""), line,
                                              outcome[0], outcome[1]))
            elif outcome == "added":
                report.added += 1
            else:
                report.updated += 1
        if dry_run:
            raise _DryRun
        return report

    try:
        return session.write(run)
    except _DryRun:
        return report


class _DryRun(Exception):
    """Rolls the dry run's transaction back: it changed nothing."""


def _one(row: dict[str, str], now: object) -> str | tuple[str, dict[str, object]]:
    """"added" or "updated", or why the row is refused."""
    kind = (row.get("kind") or "caller").lower()
    name, login = row.get("name", ""), row.get("login", "")
    outcome = "updated"
    if kind not in ("caller", "user", "group"):
        return "import.people.bad_kind", {"value": kind[:40]}
    if not name:
        return "import.people.no_name", {}
    if len(name) > NAME_MAX or len(login) > NAME_MAX:
        return "import.refuse.too_long", {"field": "caller"}
    department = _department(row.get("department", ""))
    if kind == "group":
        code = login or name
        group = SupportGroup.get_or_none(SupportGroup.code == code)
        if group is None:
            SupportGroup.create(code=code, name_en=name, name_zh=name,
                                department=department, email=row.get("email", ""))
            outcome = "added"
        else:
            SupportGroup.update(name_en=name, name_zh=name, department=department,
                                email=row.get("email", group.email),
                                version=SupportGroup.version + 1).where(
                SupportGroup.id == group.id).execute()
            outcome = "updated"
        return outcome
    if kind == "user":
        if not login:
            return "import.people.no_login", {}
        roles = [r.strip() for r in row.get("roles", "").replace(",", ";").split(";")
                 if r.strip()]
        if any(r not in {x.value for x in Role} for r in roles):
            return "import.refuse.unmapped", {"kind": "user", "value": row.get("roles", "")}
        user = User.get_or_none(User.username == login)
        if user is None:
            user = User.create(username=login, full_name=name, email=row.get("email", ""),
                               phone=row.get("phone", ""), password_hash="!",
                               created_at=now)
            outcome = "added"
        else:
            User.update(full_name=name, email=row.get("email") or user.email,
                        phone=row.get("phone") or user.phone,
                        version=User.version + 1).where(User.id == user.id).execute()
            outcome = "updated"
        for role in roles:
            UserRole.insert(user=user.id, role=role).on_conflict_ignore().execute()
        for group_name in [g.strip() for g in row.get("groups", "").split(";") if g.strip()]:
            group = SupportGroup.get_or_none((SupportGroup.code == group_name)
                                             | (SupportGroup.name_en == group_name)
                                             | (SupportGroup.name_zh == group_name))
            if group is None:
                group = SupportGroup.create(code=group_name[:40], name_en=group_name,
                                            name_zh=group_name)
            GroupMember.insert(group=group.id, user=user.id).on_conflict_ignore().execute()
        return outcome
    # a caller: by the login the directory gave, else by name
    vip = row.get("vip", "").lower() in _YES
    caller_id = None
    if login:
        ref = ImportReference.get_or_none((ImportReference.source == SOURCE)
                                          & (ImportReference.kind == "caller")
                                          & (ImportReference.external_key == login))
        caller_id = ref.local_id if ref is not None else None
    if caller_id is None and not login:
        found = Caller.get_or_none(Caller.name == name)
        caller_id = found.id if found is not None else None
    values = {"name": name, "phone": row.get("phone", ""), "email": row.get("email", ""),
              "department": department, "vip": vip}
    if caller_id is None:
        caller_id = Caller.insert(**values).execute()
        if login:
            ImportReference.insert(source=SOURCE, kind="caller", external_key=login,
                                   local_id=caller_id, imported_at=now).execute()
        outcome = "added"
    else:
        Caller.update(**values, version=Caller.version + 1).where(
            Caller.id == caller_id).execute()
        outcome = "updated"
    return outcome


def _department(name: str) -> int | None:
    if not name:
        return None
    found = Department.get_or_none((Department.name_en == name) | (Department.name_zh == name))
    if found is not None:
        return int(found.id)
    return int(Department.insert(name_en=name[:NAME_MAX], name_zh=name[:NAME_MAX]).execute())


def people_lines(report: PeopleReport, lang: Language) -> list[str]:
    key = "import.people.dry_run" if report.dry_run else "import.people.done"
    return [text(key, lang, added=report.added, updated=report.updated,
                 refused=len(report.refused))] + [refusal_line(r, lang)
                                                  for r in report.refused]
