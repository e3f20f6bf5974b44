"""The organisation of a generated database: departments, people, groups, categories, callers.

Rows are written with plain SQL, exactly as the admin services would write them (version 1,
roles and members in sorted order), because creating a hundred users through
``save_user`` would hash a hundred passwords on purpose slowly. Every user's password is
``BENCH_PASSWORD``; the hash is computed once by the core's own ``hash_password``.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass, field

from bench import texts
from desk_app.domain.enums import Role
from desk_app.services.security.passwords import hash_password
from desk_app.storage.reference import WAIT_CHANGE

BENCH_PASSWORD = "bench-password"
DESK_STAFF = 12
LEVEL1_PER_GROUP = 5
LEVEL2_PER_GROUP = 3
MANAGERS = 3
#: One caller per this many incidents (a desk of a few hundred people logs 100,000
#: incidents in two years, PROCESS issue 6); never fewer than ``MIN_CALLERS``.
INCIDENTS_PER_CALLER = 40
MIN_CALLERS = 50
VIP_SHARE = 0.03


@dataclass
class Category:
    id: int
    code: str
    group_id: int
    tier2_group_id: int | None
    topic: str


@dataclass
class Org:
    """Ids the incident stories draw from."""

    owner: int = 0
    managers: list[int] = field(default_factory=list)
    desk: list[int] = field(default_factory=list)
    heads: dict[int, int] = field(default_factory=dict)  # department -> head
    groups: dict[str, int] = field(default_factory=dict)  # code -> id
    group_department: dict[int, int | None] = field(default_factory=dict)
    members: dict[int, list[int]] = field(default_factory=dict)  # group -> users
    categories: list[Category] = field(default_factory=list)
    callers: list[tuple[int, int | None, bool]] = field(default_factory=list)  # id, dept, vip
    wait_codes: dict[str, int] = field(default_factory=dict)
    change_wait_code: int = 0
    close_codes: dict[str, int] = field(default_factory=dict)
    users: list[int] = field(default_factory=list)


def build_org(conn: sqlite3.Connection, rng: random.Random, incidents: int,
              created_at: int) -> Org:
    """Insert the organisation into a freshly migrated file; returns its ids."""
    org = Org()
    password_hash = hash_password(BENCH_PASSWORD)
    next_user = iter(range(1, 10_000))

    def user(roles: list[Role], username: str | None = None, full_name: str | None = None,
             zh: bool | None = None) -> int:
        user_id = next(next_user)
        if username is None or full_name is None:
            username, full_name = texts.person(rng, user_id)
        language = ("zh" if zh else "en") if zh is not None else rng.choice(["zh", "en", ""])
        conn.execute(
            "INSERT INTO user (id, version, username, full_name, email, phone, password_hash,"
            " language, calendar_id, active, created_at) VALUES (?,1,?,?,?,?,?,?,NULL,1,?)",
            (user_id, username, full_name, f"{username}@bench.example",
             f"138{rng.randrange(10**8):08d}", password_hash, language, created_at))
        for role in sorted(set(roles)):
            conn.execute("INSERT INTO user_role (user_id, role) VALUES (?, ?)",
                         (user_id, role.value))
        org.users.append(user_id)
        return user_id

    org.owner = user([Role.PROCESS_OWNER, Role.INCIDENT_MANAGER], "owner", "陈静 Chen Jing",
                     True)
    org.managers = [org.owner] + [user([Role.INCIDENT_MANAGER]) for _ in range(MANAGERS - 1)]
    org.desk = [user([Role.SERVICE_DESK, Role.TIER1]) for _ in range(DESK_STAFF)]
    departments = []
    office = conn.execute("SELECT id FROM working_calendar WHERE code = 'office'").fetchone()
    for number, (name_en, name_zh) in enumerate(texts.DEPARTMENTS, start=1):
        head = user([Role.DEPARTMENT_HEAD])
        if office is not None:  # heads keep office hours: their alerts wait for them (R09)
            conn.execute("UPDATE user SET calendar_id = ? WHERE id = ?", (office[0], head))
        conn.execute("INSERT INTO department (id, version, name_en, name_zh, head_id)"
                     " VALUES (?,1,?,?,?)", (number, name_en, name_zh, head))
        org.heads[number] = head
        departments.append(number)
    it_department = departments[0]
    for number, (code, name_en, name_zh, tier) in enumerate(texts.GROUPS, start=1):
        conn.execute(
            "INSERT INTO support_group (id, version, code, name_en, name_zh, tier,"
            " department_id, email, active) VALUES (?,1,?,?,?,?,?,?,1)",
            (number, code, name_en, name_zh, tier, it_department,
             f"{code.lower()}@bench.example"))
        org.groups[code] = number
        org.group_department[number] = it_department
        role = Role.TIER1 if tier == 1 else Role.TIER2
        size = LEVEL1_PER_GROUP if tier == 1 else LEVEL2_PER_GROUP
        people = sorted(user([role]) for _ in range(size))
        org.members[number] = people
        conn.executemany("INSERT INTO group_member (group_id, user_id) VALUES (?, ?)",
                         [(number, p) for p in people])
    for number, (code, name_en, name_zh, first, second, topic) in enumerate(
            texts.CATEGORIES, start=1):
        group, tier2 = org.groups[first], org.groups[second] if second else None
        conn.execute(
            "INSERT INTO category (id, version, code, name_en, name_zh, group_id,"
            " tier2_group_id, active) VALUES (?,1,?,?,?,?,?,1)",
            (number, code, name_en, name_zh, group, tier2))
        org.categories.append(Category(number, code, group, tier2, topic))

    callers = max(MIN_CALLERS, incidents // INCIDENTS_PER_CALLER)
    rows = []
    for number in range(1, callers + 1):
        _, name = texts.person(rng, number)
        department = rng.choice(departments) if rng.random() < 0.95 else None
        vip = rng.random() < VIP_SHARE
        zh_place = rng.random() < 0.7
        place = rng.choice(texts.PLACES_ZH if zh_place else texts.PLACES_EN)
        rows.append((number, name, f"139{rng.randrange(10**8):08d}",
                     f"caller{number}@bench.example", department,
                     f"{place} {rng.randrange(1, 25)}F", int(vip)))
        org.callers.append((number, department, vip))
    conn.executemany(
        "INSERT INTO caller (id, version, name, phone, email, department_id, location, vip,"
        " active) VALUES (?,1,?,?,?,?,?,?,1)", rows)

    for code_id, code, system in conn.execute("SELECT id, code, system FROM wait_code"):
        if code == WAIT_CHANGE:
            org.change_wait_code = code_id
        elif not system:
            org.wait_codes[code] = code_id
    org.close_codes = {code: code_id for code_id, code in
                       conn.execute("SELECT id, code FROM close_code")}
    return org
