"""The desktop pop-up through plyer (R09). Best effort: the in-app inbox is the record, so an
OS notification that cannot be shown is logged and reported back for the UI's tray fallback,
never raised."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def plyer_notify(title: str, message: str) -> str | None:
    """Show a pop-up through plyer; None when shown, else why not (no backend, D-Bus down…)."""
    try:
        from plyer import notification

        notification.notify(title=title, message=message, app_name="desk-app", timeout=15)
    except Exception as error:  # plyer raises whatever its backend raises
        reason = f"{type(error).__name__}: {error}".rstrip(": ")
        log.warning("desktop notification not shown: %s", reason)
        return reason
    return None
