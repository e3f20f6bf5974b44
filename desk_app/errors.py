"""Typed refusals. Each carries a message key so the UI can show it in the user's language.

A refused service call raises one of these and leaves the database exactly as it was: every
service runs its checks inside its write transaction, which any exception rolls back.
"""

from __future__ import annotations

from desk_app.i18n import Language, text


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
    def __init__(self, reason: str = "") -> None:
        super().__init__("error.storage.readonly", reason=reason)


class DatabaseCorrupt(StorageError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("error.storage.corrupt", detail=detail)


class SchemaTooNew(StorageError):
    def __init__(self, file_version: int, program_version: int) -> None:
        super().__init__("error.storage.too_new", file_version=file_version,
                         program_version=program_version)
