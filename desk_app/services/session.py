"""Who is acting, on which file, at what time; and what a call changed.

Every service call acts as a signed-in user (or as the system, for scans and automatic
closure) and returns a ``Changes`` that the UI fans out to the views that must refresh,
after Anki's ``OpChanges``.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from desk_app.clock import Clock, SystemClock
from desk_app.domain.enums import Role
from desk_app.errors import AuthenticationError, NotFound, SignedOut
from desk_app.services.process.reference import forget
from desk_app.services.reports.pending_work import settle
from desk_app.services.security.signin import check_sign_in
from desk_app.storage.database import Store
from desk_app.storage.models import User, UserRole

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What a service call changed, for the views to refresh."""

    incidents: frozenset[int] = frozenset()
    escalations: frozenset[int] = frozenset()
    notifications: bool = False
    reference: bool = False
    created: int | None = None

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            incidents=self.incidents | other.incidents,
            escalations=self.escalations | other.escalations,
            notifications=self.notifications or other.notifications,
            reference=self.reference or other.reference,
            created=self.created if self.created is not None else other.created,
        )

    @property
    def new_id(self) -> int:
        """The id of the row a creating call made."""
        if self.created is None:
            raise ValueError("this call created nothing")
        return self.created

    @property
    def empty(self) -> bool:
        return not (self.incidents or self.escalations or self.notifications or self.reference)


@dataclass
class Session:
    store: Store
    user_id: int | None  # None: the system itself
    roles: frozenset[Role] = frozenset()
    username: str = "system"
    full_name: str = "System"
    clock: Clock = field(default_factory=SystemClock)
    workstation: str = field(default_factory=socket.gethostname)
    #: The process owner reset this person's password: every call but changing it is
    #: refused until they choose their own (``security.accounts.change_own_password``).
    must_change_password: bool = False

    @property
    def is_system(self) -> bool:
        return self.user_id is None

    def has(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)

    def write(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` in one write transaction. A call that changed reference data (or
        failed, perhaps halfway through such a change) makes the reference cache read the
        tables again (``services.process.reference``)."""
        def checked() -> T:
            self.refresh()
            result = fn()
            settle(self.store.db)  # the reports' pending spans this write changed
            return result

        try:
            result = self.store.write(checked)
        except BaseException:
            forget(self.store)
            raise
        if isinstance(result, Changes) and result.reference:
            forget(self.store)
        return result

    def read(self, fn: Callable[[], T]) -> T:
        def checked() -> T:
            self.refresh()
            return fn()

        return self.store.read(checked)

    def refresh(self) -> None:
        """Re-read this person's active flag and roles inside the running transaction, so
        that every check a service makes sees what the file says now: a person disabled
        meanwhile is refused (``SignedOut``, the workstation signs them out) and a demoted
        one has lost the power at once. One indexed query, on every call."""
        if self.user_id is None:
            return
        rows = self.store.db.execute_sql(
            "SELECT u.active AND NOT u.locked, u.must_change_password, r.role FROM user u "
            "LEFT JOIN user_role r ON r.user_id = u.id WHERE u.id = ?",
            (self.user_id,)).fetchall()
        if not rows or not rows[0][0]:
            self.roles = frozenset()
            raise SignedOut(self.user_id)
        self.must_change_password = bool(rows[0][1])
        if self.must_change_password:
            raise AuthenticationError("error.must_change_password")
        self.roles = frozenset(Role(role) for _active, _must, role in rows if role is not None)


def sign_in(store: Store, username: str, password: str, clock: Clock | None = None) -> Session:
    """A session for ``username``; the same refusal for an unknown name and a wrong password.

    Failed sign-ins are counted in the file per person (``security.signin``): after five, each
    further try must wait longer; after ten the account is locked until the process owner
    unlocks it. A hash of an older scheme is replaced at the first sign-in that proves it."""
    clock = clock or SystemClock()
    user, roles = check_sign_in(store, username, password, clock)
    session = Session(store, user.id, roles, user.username, user.full_name, clock)
    session.must_change_password = bool(user.must_change_password)
    return session


def session_for(store: Store, username: str, clock: Clock | None = None) -> Session:
    """A session for a known user without a password: for the command line run by an
    administrator who holds the file, for the demo generator and for tests."""

    def load() -> Session:
        user = User.get_or_none(User.username == username)
        if user is None:
            raise NotFound("error.not_found", what="User", id=username)
        if not user.active:
            raise AuthenticationError("error.sign_in")
        roles = frozenset(Role(r.role) for r in UserRole.select().where(UserRole.user == user))
        return Session(store, user.id, roles, user.username, user.full_name,
                       clock or SystemClock())

    return store.read(load)


def system_session(store: Store, clock: Clock | None = None) -> Session:
    return Session(store, None, clock=clock or SystemClock())
