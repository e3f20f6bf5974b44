"""The main window's parts: tabs, status bar, search, preferences, the other half's screens."""
