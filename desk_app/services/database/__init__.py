"""The database file as a whole: creating one, checking it, and its daily care."""
