"""A second workstation, as a separate process driven line by line through stdin.

    python -m tests.stations.workstation FILE USERNAME

Commands: ``note TEXT`` (a work note on incident 1), ``heartbeat``, ``maintain REASON``
(put the file under maintenance), ``end`` (end it), ``quit``. Each answers with one line:
``ok``, ``error CLASS MESSAGE``, or ``maintenance REASON|none``.
"""

from __future__ import annotations

import sys

from desk_app.errors import DeskError
from desk_app.services.incident.log import add_note
from desk_app.services.session import session_for
from desk_app.storage.opening import open_store
from desk_app.storage.presence import (
    Visitor,
    begin_maintenance,
    end_maintenance,
    heartbeat,
    join,
)


def main() -> int:
    path, username = sys.argv[1], sys.argv[2]
    store = open_store(path, daily_backup=False)
    session = session_for(store, username)
    join(store, Visitor(username=username, user_id=session.user_id,
                        workstation=f"ws-{username}"))
    print("ready", flush=True)
    for line in sys.stdin:
        word, _, rest = line.strip().partition(" ")
        try:
            if word == "note":
                add_note(session, 1, rest or "note")
                print("ok", flush=True)
            elif word == "heartbeat":
                state = heartbeat(store)
                print(f"maintenance {state.reason if state else 'none'}", flush=True)
            elif word == "maintain":
                begin_maintenance(store, rest or "restore")
                print("ok", flush=True)
            elif word == "end":
                end_maintenance(store)
                print("ok", flush=True)
            elif word == "quit":
                break
        except DeskError as error:
            print(f"error {type(error).__name__} {error.message('en')}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
