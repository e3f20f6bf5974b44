"""Any legal folder name works wherever the program opens, copies, checks, backs up or
restores a file: every command line verb over a set of awkward names. The names that broke
SQLite URIs made by formatting come first: ``#`` (everything after it was dropped, so a
restore opened another, empty file and left the database with no tables), ``%20`` (decoded
to a space: good backups looked damaged) and ``?``."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path, PureWindowsPath

import pytest

from desk_app.cli import main
from desk_app.clock import FakeClock
from desk_app.storage.models import Incident
from desk_app.storage.opening import open_store
from desk_app.storage.uri import sqlite_uri

AWKWARD = [
    "IT#Desk",
    "space%20and%25percent",
    "what?mode=rw&x",
    "it's \"quoted\"",
    "服务台 共享",
    "a b;c=d@e[f]",
    "long-" + "x" * 180,
]


def _cli(argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None
         ) -> int:
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["--lang", "en", *argv])


def _tables(path: Path) -> int:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                ).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("folder", AWKWARD)
def test_every_verb_works_in_an_awkward_folder(tmp_path: Path, folder: str,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    where = tmp_path / folder / "sub#2"
    where.mkdir(parents=True)
    db = where / "d#esk?.sqlite"
    assert _cli(["init", str(db), "--owner", "owner", "--full-name", "Owner"],
                "secret-password-1\n", monkeypatch) == 0
    assert sorted(p.name for p in where.iterdir()) == [db.name]  # no stray file beside it
    open_store(db).close()
    assert _cli(["scan", str(db)]) == 0
    assert _cli(["backup", str(db)]) == 0
    assert _cli(["restore", str(db), "--list"]) == 0
    listing = capsys.readouterr().out
    assert "good" in listing.lower() and "damaged" not in listing.lower(), listing
    before = _tables(db)
    assert _cli(["restore", str(db), "--latest", "--force", "--wait", "1"]) == 0
    assert _tables(db) == before > 10  # the file is whole, not an empty stranger
    assert _cli(["check", str(db)]) == 0
    assert not any(p.name.startswith("d") and p != db and p.suffix == ".sqlite"
                   for p in where.iterdir())


def test_show_in_a_hash_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import START, build_org

    where = tmp_path / "IT#Desk 服务台"
    where.mkdir()
    org = build_org(where / "d.sqlite", FakeClock(START))
    number = org.store.read(lambda: Incident.get_by_id(org.log(title="打印机卡纸")).number)
    org.store.close()
    capsys.readouterr()
    assert _cli(["show", str(org.path), number]) == 0
    assert "打印机卡纸" in capsys.readouterr().out


def test_the_hash_restore_no_longer_wipes_the_database(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The reproduction: the demo's file in ``IT#Desk``, a backup, then ``restore
    --latest``: it raised a traceback and left the file with no tables."""
    where = tmp_path / "r" / "IT#Desk"
    where.mkdir(parents=True)
    db = where / "d.sqlite"
    assert _cli(["init", str(db), "--owner", "owner", "--full-name", "Owner"],
                "secret-password-1\n", monkeypatch) == 0
    tables = _tables(db)
    assert _cli(["backup", str(db)]) == 0
    assert _cli(["restore", str(db), "--latest", "--force", "--wait", "1"]) == 0
    assert _tables(db) == tables
    assert not (tmp_path / "r" / "IT").exists()


@pytest.mark.parametrize(("path", "uri"), [
    (PureWindowsPath(r"C:\Users\王芳\IT#Desk\d.sqlite"),
     "file:///C:/Users/%E7%8E%8B%E8%8A%B3/IT%23Desk/d.sqlite?mode=ro"),
    (PureWindowsPath(r"\\server\share\IT Desk\d.sqlite"),
     "file:////server/share/IT%20Desk/d.sqlite?mode=ro"),
])
def test_windows_drive_letters_and_unc_paths(path: PureWindowsPath, uri: str) -> None:
    assert sqlite_uri(path, windows=True, mode="ro") == uri


def test_posix_uri_keeps_every_character() -> None:
    assert sqlite_uri(Path("/a/IT#Desk/x?y%20z.sqlite"), windows=False, mode="ro") == (
        "file:///a/IT%23Desk/x%3Fy%2520z.sqlite?mode=ro")
