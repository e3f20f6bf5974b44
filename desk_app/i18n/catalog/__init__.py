"""The message catalogue, one module per area so that areas can grow independently.

Each module defines ``MESSAGES: dict[key, {"en": ..., "zh": ...}]``; keys are unique across
modules (a test checks it, and that every key has both languages).
"""

from __future__ import annotations

from importlib import import_module

AREAS = ["core", "cli", "escalations", "history", "storage", "safety", "reports", "security",
         "alerts", "importing", "bulk", "knowledge", "guidance", "desktop", "server",
         "server_access", "server_data"]


def load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in AREAS:
        merged.update(import_module(f"{__name__}.{area}").MESSAGES)
    return merged
