"""A workstation claiming outbox rows on a server as fast as it can, for the test of two
real processes leasing at once (tests/core/storage/test_server_leases.py).

    python -m tests.lease_worker URL NOW GO_FILE

waits for GO_FILE (so that both start together), claims e-mail rows five at a time until
none are left, and prints the ids it got as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(url: str, now: str, go: str) -> int:
    from desk_app.clock import FakeClock
    from desk_app.delivery.outbox import Outbox
    from desk_app.domain.enums import NotificationChannel
    from desk_app.storage.opening import open_store

    store = open_store(url)
    outbox = Outbox(store, FakeClock(now))
    while not Path(go).exists():
        time.sleep(0.005)
    taken: list[int] = []
    empty = 0
    while empty < 3:
        claims = outbox.claim([NotificationChannel.EMAIL], limit=5)
        empty = 0 if claims else empty + 1
        taken += [c.alert.notification_id for c in claims]
    store.close()
    print(json.dumps(taken))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
