"""Which open file the models read and write.

The models are declared once, against a proxy. A store's reads and writes bind the proxy
to that store's connection for their duration (a context variable, so each thread and each
nested call sees its own), so that two files open in one process never read or write each
other: a tool that copies incidents from one file to another (an import, a move to a
server) keeps both open. Outside any read or write the proxy falls back to the store bound
last (``Store.bind``), as code that reads a model directly expects.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from peewee import DatabaseProxy


class StoreProxy(DatabaseProxy):
    """peewee's ``DatabaseProxy`` whose target is the innermost store in use, or else the
    one bound last."""

    __slots__ = ("_active", "_default")

    def __init__(self) -> None:
        object.__setattr__(self, "_active", contextvars.ContextVar("desk_app_database",
                                                                   default=None))
        object.__setattr__(self, "_default", None)
        super().__init__()

    @property  # type: ignore[override]
    def obj(self) -> Any:
        active = self._active.get()
        return active if active is not None else self._default

    def __setattr__(self, attr: str, value: Any) -> None:
        if attr == "obj":  # ``initialize``: the store bound last
            object.__setattr__(self, "_default", value)
        else:
            object.__setattr__(self, attr, value)

    @contextmanager
    def using(self, db: Any) -> Iterator[None]:
        """Bind to ``db`` until the block ends (nested blocks bind and restore in turn)."""
        token = self._active.set(db)
        try:
            yield
        finally:
            self._active.reset(token)
