"""Working with incidents from the command line: scans and reading an incident."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app.commands.registry import clock_from, command
from desk_app.domain.enums import (
    ClockState,
    EscalationReason,
    JournalAction,
    NotificationChannel,
    NotificationState,
    Stage,
    TargetStage,
)
from desk_app.formatting import format_duration, format_moment
from desk_app.i18n import Language, label, text
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident.queries import find_incident_id, incident_view
from desk_app.services.incident.workflow import auto_close
from desk_app.services.session import system_session
from desk_app.storage.opening import open_store


def _scan_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--now", help="the moment to scan at (ISO 8601), for tests and replays")


@command("scan", "run one escalation scan and automatic closure", _scan_args)
def run_scan(args: argparse.Namespace, lang: Language) -> int:
    store = open_store(args.file)
    clock = clock_from(args.now)
    escalated = scan(store, clock)
    closed = auto_close(store, clock)
    print(text("cli.scan_done", lang, escalations=len(escalated.escalations),
               incidents=len(escalated.incidents), closed=len(closed.incidents)))
    store.close()
    return 0


def _show_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("incident", help="number (INC0000042) or id")


@command("show", "show an incident with its history", _show_args)
def show(args: argparse.Namespace, lang: Language) -> int:
    store = open_store(args.file, read_only=True)
    session = system_session(store)
    view = incident_view(session, find_incident_id(session, args.incident))
    i = view.incident
    name = (lambda row: row.name_zh) if lang == "zh" else (lambda row: row.name_en)
    stage = label(Stage(i.stage), lang)
    if i.wait_code_id:
        stage += f" / {text('cli.pending', lang)}: {name(view.wait_code)}"
    lines = [
        f"{i.number}  {i.title}",
        f"  {text('cli.stage', lang)}: {stage}",
        f"  {text('cli.priority', lang)}: P{i.priority}  ({text('cli.impact', lang)} {i.impact},"
        f" {text('cli.urgency', lang)} {i.urgency})",
        f"  {text('cli.caller', lang)}: {view.caller.name}{' (VIP)' if view.caller.vip else ''}",
        f"  {text('cli.category', lang)}: {name(view.category)} → {name(view.group)}",
        f"  {text('cli.assignee', lang)}: {view.assignee.full_name if view.assignee else '-'}",
        f"  {text('cli.transfers', lang)}: {i.reassignment_count}",
        "",
        text("cli.targets", lang),
    ]
    for clock in view.clocks:
        left = clock.target_minutes * 60 - clock.used_seconds
        breached = " ⚠" if clock.breached_at else ""
        lines.append(
            f"  {label(TargetStage(clock.stage), lang)}: P{clock.priority} "
            f"{format_duration(clock.target_minutes * 60, lang)}, "
            f"{label(ClockState(clock.state), lang)}, "
            f"{text('cli.left', lang)} {format_duration(left, lang)}{breached}")
    lines += ["", text("cli.history", lang)]
    for entry in view.journal:
        who = entry.actor or text("cli.system", lang)
        what = label(JournalAction(entry.action), lang)
        detail = ", ".join(f"{k}: {o} → {n}" for k, (o, n) in entry.changes.items())
        note = f"  “{entry.note}”" if entry.note else ""
        lines.append(f"  {format_moment(entry.at, lang)}  {who}  {what}  {detail}{note}")
    if view.escalations:
        lines += ["", text("cli.escalations", lang)]
        for esc in view.escalations:
            lines.append(f"  {format_moment(esc.at, lang)}  "
                         f"{label(EscalationReason(esc.reason), lang)}  "
                         f"P{esc.old_priority} → P{esc.new_priority}")
            for recipient, channel, state in esc.notifications:
                lines.append(f"      {recipient}: {label(NotificationChannel(channel), lang)} "
                             f"({label(NotificationState(state), lang)})")
    print("\n".join(lines))
    store.close()
    return 0
