"""Searching incidents from the main window's search box."""
