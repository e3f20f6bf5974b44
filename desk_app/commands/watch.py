"""``desk-app watch FILE``: the escalation scan, automatic closure and notification delivery,
headless and in a loop, for a PC that is always on with nobody signed in (R07, R09, R23);
and the day's backup, once a day (for a team's server, a ``pg_dump``).

With ``--user NAME`` it also shows that person's desktop alerts on this machine, as their
workstation would; several watchers (and workstations) may run against one file at once.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from desk_app.clock import Clock, OffsetClock, SystemClock
from desk_app.commands.registry import command, named
from desk_app.delivery.channels import DeliveryError
from desk_app.delivery.cycle import run_cycle
from desk_app.delivery.outbox import Outbox
from desk_app.errors import StorageError
from desk_app.formatting import format_moment
from desk_app.i18n import Language, text
from desk_app.services.database.care import daily_backup
from desk_app.services.reports.monthly import send_monthly_report
from desk_app.services.session import session_for
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store

log = logging.getLogger("desk_app.watch")


def _watch_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--interval", type=float,
                        help="seconds between rounds (default: the scan interval setting)")
    parser.add_argument("--user", help="also show this person's desktop alerts here")
    parser.add_argument("--cycles", type=int, default=0, help="stop after N rounds (0: never)")
    parser.add_argument("--clock-offset", type=float, default=0.0,
                        help="act as if the time were this many seconds later (tests, replays)")
    parser.add_argument("--quiet", action="store_true", help="print only errors")


@command("watch", "scan, close and deliver notifications in a loop (an always-on PC)",
         _watch_args)
def watch(args: argparse.Namespace, lang: Language) -> int:
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s",
                        stream=sys.stderr)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    clock: Clock = OffsetClock(args.clock_offset) if args.clock_offset else SystemClock()
    store = open_store(args.file)
    try:
        user_id = session_for(store, args.user, clock).user_id if args.user else None
        outbox = Outbox(store, clock)
        interval = args.interval or outbox.config.scan_interval_seconds
        if not args.quiet:
            print(text("cli.watch_started", lang, path=named(args.file), interval=interval,
                       worker=outbox.worker), flush=True)
        rounds = 0
        while not stop.is_set():
            try:
                report = run_cycle(store, clock, outbox, user_id=user_id)
            except StorageError as error:  # busy or unreachable share: try next round
                log.warning("%s", error.message("en"))
            except Exception:  # an always-on loop outlives one bad round; the next retries
                log.exception("round failed")
            else:
                _monthly_report(store, clock)
                _daily_backup(store, clock)
                if not args.quiet:
                    print(text("cli.watch_cycle", lang, at=format_moment(clock.now(), lang),
                               escalations=len(report.changes.escalations),
                               closed=report.closed, sent=report.count("sent"),
                               retry=report.count("retry"), failed=report.count("failed"),
                               popups=len(report.popups)), flush=True)
            rounds += 1
            if args.cycles and rounds >= args.cycles:
                break
            stop.wait(interval)
    finally:
        store.close()
    if not args.quiet:
        print(text("cli.watch_stopped", lang), flush=True)
    return 0


def _daily_backup(store: Store, clock: Clock) -> None:
    """The day's backup (a server's ``pg_dump``), once a day, pruned by the retention: a
    watcher runs for days, and a server has no first open of the day to take it."""
    try:
        taken = daily_backup(store, clock.now())
    except (StorageError, OSError) as error:  # the next round tries again
        log.warning("daily backup not taken: %s",
                    error.message("en") if isinstance(error, StorageError) else error)
    else:
        if taken is not None:
            log.info("daily backup taken: %s", taken.path)


def _monthly_report(store: Store, clock: Clock) -> None:
    """Last month's report to the process owners, once (``services.reports.monthly``)."""
    try:
        sent = send_monthly_report(store, clock)
    except (DeliveryError, StorageError) as error:  # the next round tries again
        log.warning("monthly report not sent: %s", error)
    else:
        if sent:
            log.info("monthly report sent to %s", ", ".join(sent))
