"""Fault points for the reliability tests: ``DESK_APP_FAULT=name`` makes this process kill
itself (SIGKILL, no clean-up) when it reaches the point called ``name``, so that a test can
prove that a workstation dying at the worst moment loses and duplicates nothing. Unset in
normal use; checking it costs one dictionary look-up."""

from __future__ import annotations

import os
import signal


def fault_point(name: str) -> None:
    if os.environ.get("DESK_APP_FAULT") == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
