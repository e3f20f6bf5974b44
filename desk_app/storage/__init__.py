"""SQLite storage: connection rules, models, migrations, reference data."""
