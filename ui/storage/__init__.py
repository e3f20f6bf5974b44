"""Standalone pieces of the workstation for the shared database file: the status-bar
indicator (where the file is, read-only, busy), the administrator's backup/restore/check
panel, the presence list, the restore offer for a damaged file, and the heartbeat that
keeps this workstation's presence and hears of maintenance. The main window wires them."""
