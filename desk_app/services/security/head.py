"""Each workstation remembers the end of the hash chain it last saw, per file, outside the
file (in the user's local state folder). If the file no longer holds that entry as it was,
its history was rewritten behind this workstation's back — even by someone who rebuilt a
consistent chain — or an older copy was put in its place; the daily backups are a second
witness of the same kind."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_state_dir

from desk_app.storage.database import Store

STATE_FILE = "chain_heads.json"


def _state_path() -> Path:
    base = os.environ.get("DESK_APP_STATE_DIR") or user_state_dir("desk-app", appauthor=False)
    return Path(base) / STATE_FILE


@dataclass(frozen=True)
class HeadCheck:
    """What the witness found: ``rewritten`` with the entry it remembered."""

    rewritten: bool
    seq: int = 0


def _key(store: Store) -> str:
    rows = store.execute("SELECT value FROM setting WHERE key = 'security.file_id'")
    # a server by its address (its ``path`` is the address shown, not a path to resolve)
    where = getattr(store, "url", None) or store.path.resolve()
    return f"{rows[0][0] if rows else ''}|{where}"


def _current(store: Store) -> tuple[int, str] | None:
    try:
        rows = store.execute("SELECT seq, hash FROM chain_head WHERE id = 1")
    except Exception:
        return None
    return (int(rows[0][0]), str(rows[0][1])) if rows else None


def _load() -> dict[str, list]:
    try:
        return dict(json.loads(_state_path().read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def check_head(store: Store) -> HeadCheck:
    """Compare the file with what this workstation remembers of it (and nothing if it
    remembers nothing yet)."""
    remembered = _load().get(_key(store))
    if not remembered or _current(store) is None:
        return HeadCheck(False)
    seq, chain = int(remembered[0]), str(remembered[1])
    if seq == 0:
        return HeadCheck(False)
    rows = store.execute("SELECT chain FROM journal WHERE seq = ? UNION ALL "
                         "SELECT chain FROM witness WHERE seq = ?", (seq, seq))
    if len(rows) != 1 or rows[0][0] != chain:
        return HeadCheck(True, seq)
    return HeadCheck(False, seq)


def remember_head(store: Store) -> None:
    """Note the file's current chain end as seen by this workstation."""
    current = _current(store)
    if current is None:
        return
    heads = _load()
    heads[_key(store)] = list(current)
    path = _state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(heads), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a read-only profile: the witness is lost, the program still works
