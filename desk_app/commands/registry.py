"""The registry of command-line verbs and what every verb shares: how it registers itself,
the language of messages, ``--now`` and the password prompt.

It lives apart from ``desk_app.cli`` (which parses and runs) so that each command module
imports this, and ``cli`` imports the commands, in one direction only.
"""

from __future__ import annotations

import argparse
import getpass
import locale
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from desk_app.clock import Clock, FakeClock, SystemClock
from desk_app.errors import BadInput, DeskError
from desk_app.i18n import Language, text
from desk_app.storage.postgres.url import ServerAddress, is_server

Command = Callable[[argparse.Namespace, Language], int]
COMMANDS: dict[str, tuple[Command, Callable[[argparse.ArgumentParser], None], str]] = {}


def command(name: str, help_text: str,
            arguments: Callable[[argparse.ArgumentParser], None]) -> Callable[[Command], Command]:
    """Register a subcommand; issue-specific modules add theirs the same way."""

    def register(fn: Command) -> Command:
        COMMANDS[name] = (fn, arguments, help_text)
        return fn

    return register


def default_language() -> Language:
    value = os.environ.get("DESK_APP_LANG") or os.environ.get("LANG") or (
        locale.getlocale()[0] or "")
    return "zh" if value.lower().startswith("zh") else "en"


def clock_from(value: str | None) -> Clock:
    """``--now``: a moment in ISO 8601 with its offset (a moment without one is taken as
    UTC, as everything is stored)."""
    if not value:
        return SystemClock()
    try:
        moment = datetime.fromisoformat(value)
    except (ValueError, TypeError) as error:
        raise BadInput("cli.bad_time", value=value) from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return FakeClock(moment)


def ask_password(lang: Language) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(text("cli.password", lang))
    if getpass.getpass(text("cli.password_again", lang)) != first:
        raise DeskError("cli.password_mismatch")
    return first


def named(database: object) -> str:
    """A database as a person gives it: a file's path, or a server's URL without its
    password. The verbs take their database as a ``Path``, and a URL that went through
    ``Path`` has lost a slash ("postgresql:/user@host"), which is not what to show."""
    if is_server(database):
        return ServerAddress.parse(str(database)).display()
    return str(database)
