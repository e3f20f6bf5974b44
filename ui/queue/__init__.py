"""The queue tables of the main window: the navigation pane, the table model and its view."""
