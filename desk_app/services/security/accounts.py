"""A person's own password, and the process owner's powers over sign-in: reset a password
(which must be changed at the next sign-in), unlock an account, see failed sign-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_app.domain.enums import Role
from desk_app.domain.validation import Problems
from desk_app.errors import AuthenticationError, NotFound, SignedOut
from desk_app.services import permissions as perm
from desk_app.services.admin.people import PASSWORD_MIN
from desk_app.services.security.passwords import hash_password, verify_password
from desk_app.services.session import Changes, Session
from desk_app.storage.models import User


def _check_new(new: str) -> None:
    problems = Problems()
    if len(new) < PASSWORD_MIN:
        problems.add("password", "validation.password_short", min=PASSWORD_MIN)
    problems.raise_if_any()


def change_own_password(session: Session, current: str, new: str) -> Changes:
    """Replace one's own password, proving the current one. The only call a person whose
    password was reset may make (``Session.refresh`` refuses the rest)."""
    _check_new(new)
    if session.user_id is None:
        raise AuthenticationError("error.sign_in")
    stored = session.store.read(lambda: User.get_or_none(User.id == session.user_id))
    if stored is None or not stored.active or stored.locked:
        raise SignedOut(session.user_id)
    if not verify_password(current, stored.password_hash):
        raise AuthenticationError("error.password_wrong")
    new_hash = hash_password(new)  # slow on purpose: outside the write lock

    def run() -> Changes:
        user = User.get_or_none(User.id == session.user_id)
        if user is None or not user.active or user.locked:
            raise SignedOut(session.user_id)
        User.update({User.password_hash: new_hash, User.must_change_password: False,
                     User.version: User.version + 1}).where(User.id == user.id).execute()
        return Changes(reference=True)

    result = session.store.write(run)
    session.must_change_password = False
    return result


def reset_password(session: Session, user_id: int, temporary: str) -> Changes:
    """The process owner gives a person a temporary password, to be changed at their next
    sign-in; it also lifts a lock (R04)."""
    _check_new(temporary)
    new_hash = hash_password(temporary)

    def run() -> Changes:
        perm.require_role(session, "reset_password", Role.PROCESS_OWNER)
        _user(user_id)
        User.update({User.password_hash: new_hash, User.must_change_password: True,
                     User.locked: False, User.failed_signins: 0, User.last_failed_at: None,
                     User.version: User.version + 1}).where(User.id == user_id).execute()
        return Changes(reference=True)

    return session.write(run)


def unlock(session: Session, user_id: int) -> Changes:
    """The process owner lifts the lock ten failed sign-ins put on an account."""

    def run() -> Changes:
        perm.require_role(session, "unlock", Role.PROCESS_OWNER)
        _user(user_id)
        User.update({User.locked: False, User.failed_signins: 0, User.last_failed_at: None,
                     User.version: User.version + 1}).where(User.id == user_id).execute()
        return Changes(reference=True)

    return session.write(run)


@dataclass(frozen=True)
class FailedSignIns:
    user_id: int
    username: str
    full_name: str
    failures: int
    last_failed_at: datetime | None
    locked: bool


def failed_sign_ins(session: Session) -> list[FailedSignIns]:
    """Everyone with failed sign-ins since their last good one, or locked: for the process
    owner."""

    def run() -> list[FailedSignIns]:
        perm.require_role(session, "see_people", Role.PROCESS_OWNER)
        query = User.select().where((User.failed_signins > 0) | User.locked).order_by(
            User.locked.desc(), User.failed_signins.desc(), User.username)
        return [FailedSignIns(u.id, u.username, u.full_name, int(u.failed_signins),
                              u.last_failed_at, bool(u.locked)) for u in query]

    return session.read(run)


def _user(user_id: int) -> User:
    user = User.get_or_none(User.id == user_id)
    if user is None:
        raise NotFound("error.not_found", what="User", id=user_id)
    return user
