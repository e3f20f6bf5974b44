"""A team's database on a PostgreSQL server (the same program, the same rules)."""

from desk_app.storage.postgres.url import is_server

__all__ = ["is_server"]
