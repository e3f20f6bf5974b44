"""The desktop pop-up through plyer (R09). Best effort: the in-app inbox is the record, so an
OS notification that cannot be shown is logged and reported back for the UI's tray fallback,
never raised."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: A pop-up leaves the screen by itself after this long; the inbox keeps everything.
EXPIRE_SECONDS = 15


def plyer_notify(title: str, message: str) -> str | None:
    """Show a pop-up through plyer; None when shown, else why not (no backend, D-Bus down…)."""
    try:
        from plyer import notification

        # plyer's facade drops what it does not know, and its notify-send backend (Linux
        # without dbus-python) reads the expiry from ``expire_time`` and defaults it to "0",
        # which the notification spec defines as "never expires": pop-ups stayed on screen
        # until dismissed one by one. The backend call takes both spellings.
        notification._notify(title=title, message=message, app_name="desk-app",
                             app_icon="", timeout=EXPIRE_SECONDS, ticker="", toast=False,
                             hints={}, expire_time=str(EXPIRE_SECONDS * 1000))
    except Exception as error:  # plyer raises whatever its backend raises
        reason = f"{type(error).__name__}: {error}".rstrip(": ")
        log.warning("desktop notification not shown: %s", reason)
        return reason
    return None
