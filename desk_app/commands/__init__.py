"""Subcommands of the command line, one module per area; importing registers them."""

from desk_app.commands import (  # noqa: F401
    database,
    importing,
    incidents,
    knowledge,
    reports,
    server,
    storage,
    watch,
)
