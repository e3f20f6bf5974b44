"""The Administration's import wizard (issue 15)."""
