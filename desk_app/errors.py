"""Typed refusals. Each carries a message key so the UI can show it in the user's language.

A refused service call raises one of these and leaves the database exactly as it was: every
service runs its checks inside its write transaction, which any exception rolls back.
"""

from __future__ import annotations

from desk_app.i18n import Language, Term, text


class DeskError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: Language = "en") -> str:
        return text(self.key, lang, **self.params)


class ValidationError(DeskError):
    """Input that cannot be accepted, per field, so a form can show each problem inline."""

    def __init__(self, fields: dict[str, tuple[str, dict[str, object]]]) -> None:
        self.fields = fields
        super().__init__("error.validation", count=len(fields))

    @classmethod
    def single(cls, field: str, key: str, **params: object) -> ValidationError:
        return cls({field: (key, params)})

    def field_messages(self, lang: Language = "en") -> dict[str, str]:
        return {name: text(key, lang, **params) for name, (key, params) in self.fields.items()}

    def message(self, lang: Language = "en") -> str:
        return "\n".join(self.field_messages(lang).values()) if hasattr(self, "fields") else ""


class PermissionDenied(DeskError):
    """R04: the actor's role does not allow this."""


class RuleViolation(DeskError):
    """A rule of the process refuses this (e.g. a move R05 does not allow)."""


class NotFound(DeskError):
    pass


class ConflictError(DeskError):
    """Someone else changed the row since it was read: never overwrite silently."""

    def __init__(self, key: str = "error.conflict", *, current_version: int | None = None,
                 **params: object) -> None:
        self.current_version = current_version
        super().__init__(key, **params)


class AuthenticationError(DeskError):
    pass


class SignedOut(AuthenticationError):
    """The acting person was disabled (or removed) since signing in: the call is refused and
    the workstation returns to its sign-in screen."""

    def __init__(self, user_id: int | None = None) -> None:
        super().__init__("error.signed_out")
        #: who was refused: a workstation handed to someone else meanwhile ignores an
        #: answer that arrives late for the person before
        self.user_id = user_id


class StorageError(DeskError):
    """The database file could not do what was asked; nothing was half-written."""


class DatabaseBusy(StorageError):
    def __init__(self) -> None:
        super().__init__("error.storage.busy")


class DatabaseIOError(StorageError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("error.storage.io", detail=detail)


class DiskFull(StorageError):
    def __init__(self) -> None:
        super().__init__("error.storage.full")


class DatabaseReadOnly(StorageError):
    """Writing is impossible here. ``reason`` is a message key (``storage.readonly.*``) so
    that the explanation reaches the user in their language, or a plain detail."""

    def __init__(self, reason: str = "storage.readonly.file") -> None:
        self.reason = reason
        super().__init__("error.storage.readonly",
                         reason=Term(reason) if reason.startswith("storage.") else reason)


class DatabaseCorrupt(StorageError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("error.storage.corrupt", detail=detail)


class SchemaTooNew(StorageError):
    """The file was upgraded by a newer program; ``needed`` is the version of desk-app that
    upgraded it, when the file records it."""

    def __init__(self, file_version: int, program_version: int, needed: str = "") -> None:
        self.needed = needed
        super().__init__("error.storage.too_new_program" if needed else "error.storage.too_new",
                         file_version=file_version, program_version=program_version,
                         needed=needed)


class SchemaTooOld(StorageError):
    """A read-only open found a file that needs an upgrade, which only a writer can do."""

    def __init__(self, file_version: int, program_version: int) -> None:
        super().__init__("error.storage.too_old", file_version=file_version,
                         program_version=program_version)


class DatabaseInWal(StorageError):
    """The file is in WAL mode and another program holds it so; WAL is never used here
    because it needs shared memory that network filesystems do not give."""

    def __init__(self) -> None:
        super().__init__("error.storage.wal")


class MaintenanceActive(StorageError):
    """Another workstation is restoring or upgrading the file: writes wait until it ends."""

    def __init__(self, username: str, workstation: str, reason: str) -> None:
        self.username = username
        self.workstation = workstation
        self.reason = reason
        super().__init__("error.storage.maintenance", username=username,
                         workstation=workstation, reason=Term(f"storage.maintenance.{reason}"))


class DatabaseReplaced(StorageError):
    """The file was restored from a backup since this workstation opened it: what it shows
    may belong to the replaced content, so it must reopen before writing again."""

    def __init__(self) -> None:
        super().__init__("error.storage.replaced")


class BackupUnusable(StorageError):
    """A backup chosen for a restore fails its integrity check (or is not a database)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__("error.storage.backup_bad", path=path, detail=detail)


class RestoreRefused(StorageError):
    """Other workstations did not let go of the file in time; a restore would pull the data
    from under their open forms."""

    def __init__(self, holdouts: list[str]) -> None:
        self.holdouts = holdouts
        super().__init__("error.storage.holdouts", who=", ".join(holdouts))


class NotADeskDatabase(StorageError):
    """The file is not a desk-app database: missing, empty, not SQLite, or another program's.
    Only ``init`` and the first-run wizard make a database; every other way in refuses such
    a file rather than turning it into a new, empty one (or restoring it over the team's)."""

    def __init__(self, path: str, reason: str) -> None:
        self.reason = reason
        super().__init__("error.storage.not_desk", path=path,
                         why=Term(f"storage.not_desk.{reason}"))


class BackupTargetRefused(StorageError):
    """``backup --to`` named a file that must not be overwritten."""

    def __init__(self, path: str, reason: str) -> None:
        self.reason = reason
        super().__init__("error.storage.backup_target", path=path,
                         why=Term(f"storage.backup_target.{reason}"))


class BadInput(DeskError):
    """A command line argument that cannot be used (exit code 2, like a refused form)."""


class DatabaseUnreachable(DatabaseIOError):
    """The file or its shared folder cannot be reached now (a dropped share, a vanished
    file): not damage. Forms keep their text and the call may be tried again; a restore is
    offered only for a reachable file that fails its integrity check."""

    def __init__(self, detail: str = "") -> None:
        StorageError.__init__(self, "error.storage.unreachable", detail=detail)


class DatabaseMoved(StorageError):
    """The team moved this file's data to a server (``desk-app move``): the file is kept
    as it was, and every workstation is told where the data now lives and goes there."""

    def __init__(self, target: str) -> None:
        self.target = target
        super().__init__("error.storage.moved", target=target)


class MoveRefused(StorageError):
    """``desk-app move`` would not copy: the server database already holds a desk, or the
    copy's figures differ from the file's (nothing is marked then)."""

    def __init__(self, reason: str, target: str, detail: str = "") -> None:
        self.reason = reason
        super().__init__("error.storage.move_refused", target=target, detail=detail,
                         why=Term(f"storage.move_refused.{reason}"))
