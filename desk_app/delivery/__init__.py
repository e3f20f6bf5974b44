"""Delivering escalation notifications (R09): the outbox rows that ``services.alerts.escalation``
writes are claimed by workstations with a lease, delivered through their channel and their
outcome recorded, retried with backoff, or marked failed and left visible. Nothing here
imports Qt: the desktop pop-up goes through plyer, and the UI adds its tray fallback."""
