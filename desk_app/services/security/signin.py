"""Sign-in with its throttle: failed tries are recorded in the shared file per person, so that
guessing from several workstations counts together, and the process owner sees them.

The password is verified outside any write transaction (argon2id takes about half a second on
purpose; the file's write lock must not wait for it). The count is then written in a short
transaction of its own."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from desk_app.clock import Clock
from desk_app.domain.enums import Role
from desk_app.errors import AuthenticationError
from desk_app.services.security.passwords import hash_password, needs_upgrade, verify_password
from desk_app.storage.database import Store
from desk_app.storage.models import User, UserRole

#: Failed sign-ins allowed without delay; each one after waits twice as long as the last.
FREE_TRIES = 5
FIRST_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 300
#: Failed sign-ins after which the account is locked until the process owner unlocks it.
LOCK_AFTER = 10


def delay_after(failures: int) -> int:
    """Seconds a person must wait after ``failures`` consecutive failed sign-ins."""
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_TRIES)))


def wait_left(user: User, now: datetime) -> int:
    """Whole seconds before ``user`` may try again (0: now)."""
    delay = delay_after(int(user.failed_signins))
    if not delay or user.last_failed_at is None:
        return 0
    left = (user.last_failed_at + timedelta(seconds=delay) - now).total_seconds()
    return max(0, int(left + 0.999))


def check_sign_in(store: Store, username: str, password: str, clock: Clock
                  ) -> tuple[User, frozenset[Role]]:
    """The user and roles if ``password`` is theirs; otherwise the refusal, recorded."""

    def load() -> tuple[User | None, frozenset[Role]]:
        user = User.get_or_none(User.username == username.strip())
        if user is None:
            return None, frozenset()
        roles = frozenset(Role(r.role) for r in UserRole.select().where(UserRole.user == user))
        return user, roles

    user, roles = store.read(load)
    if user is None or not user.active:
        verify_password(password, _dummy())  # the same time for an unknown name
        raise AuthenticationError("error.sign_in")
    if user.locked:
        raise AuthenticationError("error.sign_in_locked", count=LOCK_AFTER)
    now = clock.now()
    left = wait_left(user, now)
    if left:
        raise AuthenticationError("error.sign_in_wait", seconds=left)
    if not verify_password(password, user.password_hash):
        _record_failure(store, user.id, now)
        raise AuthenticationError("error.sign_in")
    upgraded = hash_password(password) if needs_upgrade(user.password_hash) else None
    if (upgraded is not None or user.failed_signins) and not store.read_only:
        _record_success(store, user.id, user.password_hash, upgraded)
    return user, roles


def _record_failure(store: Store, user_id: int, now: datetime) -> None:
    if store.read_only:  # a file opened read-only records nothing; the refusal stands
        return

    def run() -> None:
        user = User.get_by_id(user_id)
        failures = int(user.failed_signins) + 1
        values: dict[object, object] = {User.failed_signins: failures, User.last_failed_at: now}
        if failures >= LOCK_AFTER:
            values[User.locked] = True
        User.update(values).where(User.id == user_id).execute()

    store.write(run)


def _record_success(store: Store, user_id: int, old_hash: str, new_hash: str | None) -> None:
    def run() -> None:
        values: dict[object, object] = {User.failed_signins: 0, User.last_failed_at: None}
        query = User.update(values).where(User.id == user_id)
        query.execute()
        if new_hash is not None:  # unless someone changed the password meanwhile
            User.update({User.password_hash: new_hash}).where(
                (User.id == user_id) & (User.password_hash == old_hash)).execute()

    store.write(run)


@cache
def _dummy() -> str:
    return hash_password("not a password of anyone")
