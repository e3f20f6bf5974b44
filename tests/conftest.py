"""Fixtures shared by every test: a real SQLite file with a small organisation in it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# what a workstation remembers of each file's hash chain, kept out of the user's profile
os.environ.setdefault("DESK_APP_STATE_DIR", __import__("tempfile").mkdtemp(prefix="desk-state-"))
# the person's own settings, data and caches (Qt's and platformdirs' places) are never touched,
# and two test workers running at once never share them: each test process has its own
_HOME = __import__("tempfile").mkdtemp(prefix="desk-home-")
for _place in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_place] = os.path.join(_HOME, _place.lower())

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk_app.clock import FakeClock
from desk_app.domain.enums import Impact, IncidentType, Role
from desk_app.services.admin.people import (
    CallerForm,
    GroupForm,
    UserForm,
    save_caller,
    save_department,
    save_group,
    save_user,
)
from desk_app.services.admin.process import CategoryForm, save_category
from desk_app.services.database.setup import create_database
from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.services.security.passwords import use_cheap_hashes
from desk_app.services.session import Session, session_for
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store
from tests import postgres

PASSWORD = "correct horse"

pytest_plugins = ["tests.qt_leftovers", "tests.qt_patience"]

use_cheap_hashes()  # argon2id at OWASP's parameters costs ~0.5 s a hash; tests make hundreds
if not os.environ.get("DESK_TEST_REAL_KEYRING"):
    import keyring

    from tests.keyring_memory import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())


@dataclass
class Org:
    """A small service desk: one of each role, two L1 groups and an L2 group."""

    store: Store
    clock: FakeClock
    path: Path
    ids: dict[str, int]

    def as_(self, username: str) -> Session:
        return session_for(self.store, username, self.clock)

    def log(self, by: str = "desk", **fields: object) -> int:
        form = NewIncident(
            caller_id=fields.pop("caller_id", self.ids["caller"]),
            type=fields.pop("type", IncidentType.SYSTEM_FAULT),
            category_id=fields.pop("category_id", self.ids["cat_network"]),
            impact=fields.pop("impact", Impact.MODERATE),
            title=str(fields.pop("title", "VPN drops every few minutes")),
            **fields,  # type: ignore[arg-type]
        )
        changes = log_incident(self.as_(by), form)
        assert changes.created is not None
        return changes.created


def build_org(path: Path, clock: FakeClock) -> Org:
    store = create_database(path, UserForm("owner", "Olivia Owner", [], password=PASSWORD),
                            clock)
    owner = session_for(store, "owner", clock)
    ids: dict[str, int] = {"owner": owner.user_id or 0}

    def user(name: str, full: str, *roles: Role, **extra: object) -> int:
        changes = save_user(owner, UserForm(name, full, list(roles), password=PASSWORD,
                                            email=f"{name}@example.test", phone="13800000000",
                                            **extra))  # type: ignore[arg-type]
        assert changes.created is not None
        ids[name] = changes.created
        return changes.created

    user("desk", "王芳 Wang Fang", Role.SERVICE_DESK, Role.TIER1)
    user("desk2", "Dana Desk", Role.SERVICE_DESK)
    user("net1", "李强 Li Qiang", Role.TIER1)
    user("net2", "Nina Net", Role.TIER1)
    user("app1", "Adam App", Role.TIER1)
    user("l2", "赵磊 Zhao Lei", Role.TIER2)
    user("manager", "Mia Manager", Role.INCIDENT_MANAGER)
    user("head", "何静 He Jing", Role.DEPARTMENT_HEAD)
    user("head_it", "Ivan IT-Head", Role.DEPARTMENT_HEAD)
    user("outsider", "Oscar Outsider", Role.TIER1)

    ids["dept_finance"] = save_department(owner, "Finance", "财务部", ids["head"]).created or 0
    ids["dept_it"] = save_department(owner, "IT", "信息部", ids["head_it"]).created or 0
    ids["network"] = save_group(owner, GroupForm("NET", "Network", "网络组", 1, ids["dept_it"],
                                                 members=[ids["net1"], ids["net2"],
                                                          ids["desk"]])).created or 0
    ids["apps"] = save_group(owner, GroupForm("APP", "Applications", "应用组", 1,
                                              ids["dept_it"], members=[ids["app1"]])
                             ).created or 0
    ids["l2net"] = save_group(owner, GroupForm("NET2", "Network L2", "网络二线", 2,
                                               ids["dept_it"], members=[ids["l2"]])
                              ).created or 0
    ids["other"] = save_group(owner, GroupForm("OTH", "Other", "其他组", 1,
                                               members=[ids["outsider"]])).created or 0
    ids["cat_network"] = save_category(owner, CategoryForm(
        "network", "Network", "网络", ids["network"], ids["l2net"])).created or 0
    ids["cat_email"] = save_category(owner, CategoryForm(
        "email", "E-mail", "邮件", ids["apps"])).created or 0
    desk = session_for(store, "desk", clock)
    ids["caller"] = save_caller(desk, CallerForm("张伟 Zhang Wei", "13900000001",
                                                 department_id=ids["dept_finance"])
                                ).created or 0
    ids["vip"] = save_caller(desk, CallerForm("Victor VIP", vip=True,
                                              department_id=ids["dept_finance"])).created or 0
    return Org(store, clock, path, ids)


@pytest.fixture
def clock() -> FakeClock:
    # a Monday, 09:00 in Shanghai: office-hours targets start counting at once
    return FakeClock(START)


START = "2026-03-02T01:00:00+00:00"


@pytest.fixture(scope="session")
def org_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The organisation is built once (password hashing is slow on purpose) and copied."""
    path = tmp_path_factory.mktemp("template") / "org.sqlite"
    built = build_org(path, FakeClock(START))
    built.store.close()
    return path, built.ids


#: The tests that run on both kinds of database (a file and a server): the rules, the
#: property test, the concurrent scans and the conflicts. The rest (screens, files' own
#: safety) use a file.
BOTH_KINDS = ("tests/core/test_r0", "tests/core/test_r1", "tests/core/test_r2",
              "tests/core/test_property_lifecycle.py", "tests/core/test_search.py",
              "tests/core/test_queues.py",
              "tests/core/storage/test_conflicts.py",
              "tests/core/reports/test_monthly_report.py",
              "tests/core/knowledge/test_attachments.py",
              "tests/core/knowledge/test_suggestions.py",
              "tests/core/knowledge/test_articles.py",
              "tests/core/bulk/test_open_work_words.py")
KINDS = ("file", "server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_kind" not in metafunc.fixturenames:
        return
    where = str(Path(metafunc.definition.fspath).relative_to(Path(__file__).parent.parent))
    if where.startswith(BOTH_KINDS) and not metafunc.definition.get_closest_marker("file_only"):
        metafunc.parametrize("database_kind", KINDS, indirect=True)


@pytest.fixture
def database_kind(request: pytest.FixtureRequest) -> str:
    """"file" or "server" (a test in ``BOTH_KINDS`` runs once with each)."""
    return str(getattr(request, "param", "file"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[postgres.Server]:
    """A PostgreSQL server for the whole run (``tests/postgres.py``). It is an error, not a
    skip, when none can be started: ``.ci/run`` installs one."""
    yield from postgres.running()


@pytest.fixture(scope="session")
def server_org_template(pg_server: postgres.Server) -> tuple[str, dict[str, int]]:
    """The organisation built once on the server; each test gets a copy of the database."""
    url = pg_server.create_database()
    built = build_org(Path(url), FakeClock(START))
    built.store.close()
    return url.rsplit("/", 1)[1], built.ids


@pytest.fixture
def server_url(pg_server: postgres.Server) -> Iterator[str]:
    """A new, empty database on the test server."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@contextmanager
def org_copy(request: pytest.FixtureRequest, kind: str, folder: Path) -> Iterator[Org]:
    """A copy of the test organisation on a ``kind`` of database ("file": in ``folder``),
    with a clock of its own, for fixtures of a wider scope than ``org``'s."""
    if kind == "server":
        server: postgres.Server = request.getfixturevalue("pg_server")
        name, ids = request.getfixturevalue("server_org_template")
        url = server.create_database(template=name)
        store = open_store(url)
        try:
            yield Org(store, FakeClock(START), Path(url), dict(ids))
        finally:
            store.close()
            server.drop_database(url)
        return
    template, ids = request.getfixturevalue("org_template")
    path = folder / "desk.sqlite"
    shutil.copyfile(template, path)
    store = open_store(path, daily_backup=False)
    try:
        yield Org(store, FakeClock(START), path, dict(ids))
    finally:
        store.close()


@pytest.fixture
def org(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock,
        database_kind: str) -> Iterator[Org]:
    if database_kind == "server":
        server: postgres.Server = request.getfixturevalue("pg_server")
        name, ids = request.getfixturevalue("server_org_template")
        url = server.create_database(template=name)
        store = open_store(url)
        yield Org(store, clock, Path(url), dict(ids))
        store.close()
        server.drop_database(url)
        return
    template, ids = request.getfixturevalue("org_template")
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(template, path)
    store = open_store(path, daily_backup=False)  # tests that want backups take them
    yield Org(store, clock, path, dict(ids))
    store.close()
