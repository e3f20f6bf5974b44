"""The first-run wizard's server page with TLS: the CA certificate is chosen beside the TLS
mode; a certificate it does not vouch for is said in the person's language with everything
typed kept; the right one goes on, and the server is remembered with its authority."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desk_app.storage.postgres.url import ServerAddress
from tests import tls_server
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, english
from tests.ui.test_server_wizard import _to_server_page
from ui.startup.wizard import SERVER_PAGE, FirstRunWizard
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["english"]


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tls_server.TlsServer]:
    yield from tls_server.running(tmp_path_factory.mktemp("tls"))


def _fill(wizard: FirstRunWizard, tls: tls_server.TlsServer, database: str,
          ca: Path) -> None:
    fields = wizard.server_page.fields
    address = ServerAddress.parse(tls.url(database, ""))
    fields.host.setText(address.host)
    fields.port.setValue(address.port)
    fields.database.setText(database)
    fields.user.setText(address.user)
    fields.tls.setCurrentIndex(fields.tls.findData("verify-full"))
    fields.certificates["sslrootcert"].path.setText(str(ca))
    fields.password.setText("typed")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_wizard_checks_the_servers_certificate_against_the_chosen_authority(
        qtbot: QtBot, tls: tls_server.TlsServer, english: None, language: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    database = tls.server.create_database().rsplit("/", 1)[-1]
    wizard = FirstRunWizard("en", lambda lang: translations.apply(lang))
    qtbot.addWidget(wizard)
    if language == "zh":
        wizard.language_page.chinese.setChecked(True)
    _to_server_page(wizard, create=False)
    page = wizard.server_page
    fields = page.fields
    assert fields.certificates["sslrootcert"].isEnabled()
    fields.tls.setCurrentIndex(fields.tls.findData("disable"))
    assert not fields.certificates["sslrootcert"].isEnabled()  # no TLS: no files

    _fill(wizard, tls, database, tls.stranger)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.currentId() == SERVER_PAGE
    said = fields.status.text()
    assert ("secure connection (TLS)" in said and "CA certificate" in said) \
        if language == "en" else ("安全连接(TLS)" in said and "CA 证书" in said), said
    # everything typed is kept
    assert fields.certificates["sslrootcert"].path.text() == str(tls.stranger)
    assert fields.password.text() == "typed"
    assert fields.tls.currentData() == "verify-full"
    assert fields.host.text() == "localhost"

    # the right authority: the database holds no desk yet, which is offered (declined here)
    fields.certificates["sslrootcert"].path.setText(str(tls.ca))
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: offered.append(text)
                        or QMessageBox.StandardButton.No)
    fields.test.click()
    assert fields.status.text() and "TLS" not in fields.status.text()
    # what the start-up opens and remembers: the server with its authority, no password
    chosen = ServerAddress.parse(str(wizard.target()))
    assert dict(chosen.options) == {"sslmode": "verify-full", "sslrootcert": str(tls.ca)}
    assert "typed" not in str(wizard.target())
