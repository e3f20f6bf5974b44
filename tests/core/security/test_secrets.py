"""Secrets out of the shared file: the SMTP password and the SMS token live in the sending
workstation's credential store; the file records only that one is set and who sends. Tested
against a real Secret Service (GNOME Keyring on a D-Bus session of its own) and against a
computer without any credential store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desk_app.delivery import secrets
from desk_app.delivery.config import read_config, set_config_values
from desk_app.storage.backup import backup_to
from desk_app.storage.models import Setting
from tests.conftest import Org

SECRET = "s3cret-Pa55word-xyzzy"
TOKEN = "tok-7f3a9c51e2"


def _settings(org: Org) -> dict[str, str]:
    return org.store.read(lambda: {r.key: r.value for r in Setting.select()})


def test_secrets_are_kept_in_the_credential_store_not_the_file(org: Org, tmp_path: Path
                                                               ) -> None:
    owner = org.as_("owner")
    set_config_values(owner, smtp_password=SECRET, sms_token=TOKEN,
                      sms_url="https://sms.example.test/send?key=$token&to=$phone")
    config = read_config(owner)
    assert (config.smtp_password, config.sms_token) == (SECRET, TOKEN)
    stored = _settings(org)
    assert stored["delivery.smtp_password"] == secrets.MARKER
    assert stored["delivery.sms_token"] == secrets.MARKER
    assert socket.gethostname() in stored[secrets.WORKSTATIONS_KEY]
    copy = backup_to(org.store, tmp_path / "copy.sqlite")
    org.store.close()
    for path in (org.path, copy):
        raw = path.read_bytes()
        assert SECRET.encode() not in raw and TOKEN.encode() not in raw


def test_another_workstation_saving_settings_keeps_the_secret_set(org: Org) -> None:
    owner = org.as_("owner")
    set_config_values(owner, smtp_password=SECRET)
    keyring.set_keyring(type(keyring.get_keyring())())  # a second computer: an empty store
    assert read_config(owner).smtp_password == ""
    set_config_values(owner, scan_interval_seconds=45)
    assert _settings(org)["delivery.smtp_password"] == secrets.MARKER


def test_without_a_credential_store_the_secret_is_refused_and_nothing_saved(
        org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _settings(org)
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    assert not secrets.store_available()
    with pytest.raises(secrets.SecretStoreMissing) as error:
        set_config_values(org.as_("owner"), smtp_password=SECRET, scan_interval_seconds=45)
    assert "credential store" in error.value.message("en")
    assert "SMTP 密码" in error.value.message("zh")
    assert _settings(org) == before
    set_config_values(org.as_("owner"), scan_interval_seconds=45)  # the rest still saves


def test_plaintext_secrets_of_an_older_file_are_moved_out(org: Org) -> None:
    def older_file() -> None:
        for key, value in (("delivery.smtp_password", SECRET),
                           ("delivery.sms_url", f"https://g.test/s?to=$phone&token={TOKEN}")):
            Setting.insert(key=key, value=value, version=1).on_conflict_replace().execute()

    org.store.write(older_file)
    assert org.store.write(secrets.move_out_of_file) == []
    stored = _settings(org)
    assert stored["delivery.smtp_password"] == secrets.MARKER
    assert stored["delivery.sms_url"] == "https://g.test/s?to=$phone&token=$token"
    config = read_config(org.as_("owner"))
    assert (config.smtp_password, config.sms_token) == (SECRET, TOKEN)


def test_plaintext_secrets_leave_the_file_even_without_a_store(
        org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    org.store.write(lambda: Setting.insert(key="delivery.smtp_password", value=SECRET,
                                           version=1).on_conflict_replace().execute())
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    assert org.store.write(secrets.move_out_of_file) == ["smtp_password"]
    stored = _settings(org)
    assert stored["delivery.smtp_password"] == ""
    assert stored[secrets.LOST_KEY] == "smtp_password"


SCRIPT = textwrap.dedent("""
    import sys
    import keyring
    from desk_app.delivery import secrets
    from desk_app.delivery.config import read_config, set_config_values
    from desk_app.services.session import session_for
    from desk_app.storage.opening import open_store

    backend = keyring.get_keyring()
    assert "SecretService" in type(backend).__module__ + type(backend).__name__, backend
    assert secrets.store_available()
    store = open_store(sys.argv[1], daily_backup=False)
    owner = session_for(store, "owner")
    set_config_values(owner, smtp_password=sys.argv[2])
    assert read_config(owner).smtp_password == sys.argv[2]
    file_id = store.read(lambda: secrets.Setting.get(
        secrets.Setting.key == secrets.FILE_ID_KEY).value)
    assert keyring.get_password("desk-app", file_id + ":smtp_password") == sys.argv[2]
    store.close()
    print("kept in", type(backend).__name__)
""")


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and
                         shutil.which("gnome-keyring-daemon")),
                    reason="needs dbus-run-session and gnome-keyring-daemon (.ci/run installs)")
def test_a_real_secret_service_keeps_the_smtp_password(org: Org, tmp_path: Path) -> None:
    org.store.close()
    home = tmp_path / "home"
    home.mkdir()
    script = tmp_path / "keep.py"
    script.write_text(SCRIPT, encoding="utf-8")
    command = (f"echo -n unlock | gnome-keyring-daemon --unlock --components=secrets "
               f">/dev/null 2>&1; exec {sys.executable} {script} {org.path} {SECRET}")
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parents[3]),
           "XDG_RUNTIME_DIR": str(home)}
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", command], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kept in" in result.stdout
    assert SECRET.encode() not in org.path.read_bytes()
