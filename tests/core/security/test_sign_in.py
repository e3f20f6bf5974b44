"""Passwords and sign-in: argon2id hashes, old scrypt hashes upgraded at the next sign-in,
failed sign-ins recorded per person with a growing wait after 5 and a lock after 10 that the
process owner sees and lifts; one's own password change; the owner's reset."""

from __future__ import annotations

import os

import pytest

from desk_app.errors import AuthenticationError, PermissionDenied, SignedOut, ValidationError
from desk_app.services.security import accounts
from desk_app.services.security.passwords import scrypt_hash
from desk_app.services.security.signin import LOCK_AFTER, delay_after
from desk_app.services.session import sign_in
from desk_app.storage.models import User
from tests.conftest import PASSWORD, Org


def _user(org: Org, username: str) -> User:
    return org.store.read(lambda: User.get(User.username == username))


def test_new_hashes_are_argon2id(org: Org) -> None:
    assert _user(org, "desk").password_hash.startswith("$argon2id$")


def test_an_old_scrypt_hash_is_upgraded_at_the_next_sign_in(org: Org) -> None:
    old = scrypt_hash(PASSWORD, os.urandom(16))
    org.store.write(lambda: User.update(password_hash=old).where(
        User.username == "desk").execute())
    session = sign_in(org.store, "desk", PASSWORD, org.clock)
    assert session.username == "desk"
    assert _user(org, "desk").password_hash.startswith("$argon2id$")
    sign_in(org.store, "desk", PASSWORD, org.clock)  # and it still opens


def test_failed_sign_ins_are_recorded_then_delayed_then_locked(org: Org) -> None:
    for attempt in range(1, LOCK_AFTER + 1):
        with pytest.raises(AuthenticationError) as error:
            sign_in(org.store, "desk", "wrong", org.clock)
        assert error.value.key == "error.sign_in"
        assert _user(org, "desk").failed_signins == attempt
        if delay_after(attempt) and attempt < LOCK_AFTER:  # the right password waits too
            with pytest.raises(AuthenticationError) as error:
                sign_in(org.store, "desk", PASSWORD, org.clock)
            assert error.value.key == "error.sign_in_wait"
            org.clock.advance(seconds=delay_after(attempt))
    assert _user(org, "desk").locked
    with pytest.raises(AuthenticationError) as error:  # the right password no longer opens
        sign_in(org.store, "desk", PASSWORD, org.clock)
    assert error.value.key == "error.sign_in_locked"
    assert "流程负责人" in error.value.message("zh")
    seen = accounts.failed_sign_ins(org.as_("owner"))
    assert [(r.username, r.failures, r.locked) for r in seen] == [("desk", LOCK_AFTER, True)]
    with pytest.raises(PermissionDenied):
        accounts.unlock(org.as_("manager"), org.ids["desk"])
    accounts.unlock(org.as_("owner"), org.ids["desk"])
    sign_in(org.store, "desk", PASSWORD, org.clock)
    assert accounts.failed_sign_ins(org.as_("owner")) == []


def test_delays_grow_after_five_failures() -> None:
    assert [delay_after(n) for n in range(1, 10)] == [0, 0, 0, 0, 5, 10, 20, 40, 80]


def test_a_success_clears_the_count(org: Org) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            sign_in(org.store, "desk", "wrong", org.clock)
    sign_in(org.store, "desk", PASSWORD, org.clock)
    assert _user(org, "desk").failed_signins == 0


def test_a_locked_persons_open_session_is_signed_out(org: Org) -> None:
    desk = org.as_("desk")
    org.store.write(lambda: User.update(locked=True).where(User.username == "desk").execute())
    with pytest.raises(SignedOut):
        accounts.change_own_password(desk, PASSWORD, "battery staple")


def test_people_change_their_own_password(org: Org) -> None:
    desk = org.as_("desk")
    with pytest.raises(AuthenticationError):
        accounts.change_own_password(desk, "not it", "battery staple")
    with pytest.raises(ValidationError):
        accounts.change_own_password(desk, PASSWORD, "short")
    accounts.change_own_password(desk, PASSWORD, "battery staple")
    with pytest.raises(AuthenticationError):
        sign_in(org.store, "desk", PASSWORD, org.clock)
    sign_in(org.store, "desk", "battery staple", org.clock)


def test_a_reset_password_must_be_changed_at_next_sign_in(org: Org) -> None:
    with pytest.raises(PermissionDenied):
        accounts.reset_password(org.as_("manager"), org.ids["desk"], "temporary1")
    accounts.reset_password(org.as_("owner"), org.ids["desk"], "temporary1")
    session = sign_in(org.store, "desk", "temporary1", org.clock)
    assert session.must_change_password
    with pytest.raises(AuthenticationError) as error:  # nothing else until it is changed
        accounts.failed_sign_ins(session)
    assert error.value.key == "error.must_change_password"
    accounts.change_own_password(session, "temporary1", "my own secret")
    assert not session.must_change_password
    assert not sign_in(org.store, "desk", "my own secret", org.clock).must_change_password


def test_the_idle_lock_minutes_are_set_by_the_process_owner(org: Org) -> None:
    from desk_app.services.security.idle import (
        DEFAULT_MINUTES,
        idle_lock_minutes,
        save_idle_lock_minutes,
    )

    assert idle_lock_minutes(org.as_("desk")) == DEFAULT_MINUTES
    with pytest.raises(PermissionDenied):
        save_idle_lock_minutes(org.as_("manager"), 5)
    with pytest.raises(ValidationError):
        save_idle_lock_minutes(org.as_("owner"), -1)
    save_idle_lock_minutes(org.as_("owner"), 5)
    assert idle_lock_minutes(org.as_("desk")) == 5
