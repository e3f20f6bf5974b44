"""What a PostgreSQL driver's exception means for the person: the same typed storage errors a
file gives (busy, read-only, disk full, unreachable).

Its own module, with nothing of the store in it, so that ``storage.database``'s one error
translation can ask it without importing the server's store."""

from __future__ import annotations

from desk_app.errors import DatabaseBusy, DatabaseIOError, DatabaseReadOnly, DiskFull, StorageError


def classify_server(exc: BaseException) -> StorageError | None:
    """The storage error a server's exception means, or None."""
    try:
        import psycopg
        from psycopg import errors
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return None
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (errors.SerializationFailure, errors.DeadlockDetected,
                             errors.LockNotAvailable)):
            return DatabaseBusy()
        if isinstance(seen, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            return DatabaseReadOnly("storage.readonly.server")
        if isinstance(seen, errors.DiskFull):
            return DiskFull()
        if isinstance(seen, psycopg.OperationalError):
            return DatabaseIOError(str(seen))
        seen = seen.__cause__ or seen.__context__
    return None
