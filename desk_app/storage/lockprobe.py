"""The helper process of the lock self-test: it takes SQLite's write lock on a probe file,
says so, and keeps it until told to let go.

It must be a separate process: POSIX locks are per process, and SQLite coordinates its own
connections inside one process without asking the filesystem at all. Kept free of imports
beyond the standard library so that it starts in a fraction of a second.

    python -m desk_app.storage.lockprobe PROBE_FILE [VFS]
"""

from __future__ import annotations

import sqlite3
import sys

from desk_app.storage.uri import sqlite_uri


def hold(probe: str, vfs: str | None = None) -> int:
    target = sqlite_uri(probe, vfs=vfs) if vfs else sqlite_uri(probe)
    try:
        conn = sqlite3.connect(target, uri=True, timeout=5, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO probe VALUES (1)")
    except sqlite3.Error as error:
        print(f"error {getattr(error, 'sqlite_errorname', '')} {error}", flush=True)
        return 1
    print("held", flush=True)
    sys.stdin.readline()  # the test process writes a line (or exits) when it is done
    conn.execute("ROLLBACK")
    conn.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    return hold(args[0], args[1] if len(args) > 1 else None)


if __name__ == "__main__":
    raise SystemExit(main())
