"""Escalations on the workstation (R08, R09, R03): the background timer that scans and
delivers, the inbox, the escalation review screen, call tasks, the duty roster and delivery
settings. Each widget stands alone on a ``UiContext``; the main window places them."""
