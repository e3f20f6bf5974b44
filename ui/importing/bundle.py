"""Administration > Export or import everything…: the whole database to a folder (one CSV
per table and a manifest, secrets left out), and such a folder back into a database that
has no incidents yet (a desk moving to a new file keeps every id and its history).

The import is offered only when it can succeed: the folder holds an export and this
database has no incidents; otherwise the dialog says up front what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.i18n import text
from desk_app.services.importing.bundle import export_bundle, import_bundle, incidents_held
from ui.context import UiContext
from ui.errors import error_text
from ui.operations import Op
from ui.reading import read

MANIFEST = "manifest.json"


def _wrapped(caption: str, parent: QWidget) -> QLabel:
    label = QLabel(caption, parent)
    label.setWordWrap(True)
    return label


class BundleDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bundleDialog")
        self.context = context
        self.lang = context.language
        self.incidents: int | None = None  # in this database; None until read
        self.busy = False
        self.setWindowTitle(self.tr("Export or import everything"))

        out_box, self.out_path, self.export_button, _ = self._half(
            self.tr("Export everything"), self.tr("A new or empty folder"), "bundleOut",
            self.tr("&Export"), "bundleExport", self.export, self.tr(
                "Every table as a CSV file with a manifest, for another desk-app or a "
                "spreadsheet. Passwords and delivery secrets are left out."),
            self.tr("Export everything to"))
        in_box, self.in_path, self.import_button, in_layout = self._half(
            self.tr("Import everything"), self.tr("The folder of an export"), "bundleIn",
            self.tr("&Import"), "bundleImport", self.import_, self.tr(
                "Rebuilds this database from an export, keeping every incident, its history "
                "and every id. Only a database without incidents can take it."),
            self.tr("Import everything from"))
        self.hint = QLabel(in_box)
        self.hint.setObjectName("bundleHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        in_layout.addWidget(self.hint)

        self.result = QLabel(self)
        self.result.setObjectName("bundleResult")
        self.result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (out_box, in_box, self.result, buttons):
            layout.addWidget(widget)
        for line in (self.out_path, self.in_path):
            line.textChanged.connect(self._check)
        self.resize(560, self.sizeHint().height())
        self._check()
        session = context.session
        read(self, lambda: incidents_held(session), self._counted,
             lambda error: self.result.setText(error_text(error, self.lang)))

    def _half(self, title: str, placeholder: str, line_name: str, action: str,
              action_name: str, slot: Callable[[], None], description: str,
              chooser_title: str) -> tuple[QGroupBox, QLineEdit, QPushButton, QVBoxLayout]:
        """One half of the dialog: what it does, a folder with Browse…, and its button."""
        box = QGroupBox(title, self)
        line = QLineEdit(box)
        line.setObjectName(line_name)
        line.setPlaceholderText(placeholder)
        button = QPushButton(action, box)
        button.setObjectName(action_name)
        button.clicked.connect(slot)
        chooser = QPushButton(self.tr("Browse…"), box)
        chooser.clicked.connect(lambda: self._browse(line, chooser_title))
        layout = QVBoxLayout(box)
        layout.addWidget(_wrapped(description, box))
        row = QHBoxLayout()
        row.addWidget(line, 1)
        row.addWidget(chooser)
        row.addWidget(button)
        layout.addLayout(row)
        return box, line, button, layout

    def _browse(self, line: QLineEdit, title: str) -> None:
        found = QFileDialog.getExistingDirectory(self, title)
        if found:
            line.setText(found)

    def _counted(self, incidents: int) -> None:
        self.incidents = incidents
        self._check()

    # -- what can be done now ------------------------------------------------------------
    def import_missing(self) -> str:
        """Why the import cannot run now, in words; "" when it can."""
        folder = self.in_path.text().strip()
        if self.context.session.store.read_only:
            return self.tr("This database is open read-only.")
        if self.incidents is None:
            return self.tr("Counting the incidents of this database…")
        if self.incidents:
            return self.tr("This database already has %n incident(s); an export is imported "
                           "into a new, empty database.", "", self.incidents)
        if not folder:
            return self.tr("Choose the folder of an export.")
        if not (Path(folder) / MANIFEST).is_file():
            return self.tr("That folder holds no export (no manifest.json).")
        return ""

    def _check(self) -> None:
        missing = self.import_missing()
        self.import_button.setEnabled(not missing and not self.busy)
        self.hint.setText(missing)
        self.export_button.setEnabled(bool(self.out_path.text().strip()) and not self.busy)

    def _running(self, busy: bool) -> None:
        self.busy = busy
        self._check()

    # -- the two runs --------------------------------------------------------------------
    def export(self) -> None:
        folder = self.out_path.text().strip()
        if not folder or self.busy:
            return
        session = self.context.session
        self._running(True)
        self.result.setText(self.tr("Exporting…"))
        Op(self, lambda: export_bundle(session, folder)).success(
            lambda counts: self._exported(folder, counts)).failure(self._failed).run()

    def _exported(self, folder: str, counts: dict[str, int]) -> None:
        self._running(False)
        self.result.setText(text("export.done", self.lang, path=folder, **counts))

    def import_(self) -> None:
        folder = self.in_path.text().strip()
        if self.busy or self.import_missing():
            return
        if QMessageBox.question(
                self, self.tr("Import everything"),
                self.tr("Rebuild this database from the export in %1? Its people, lists "
                        "and settings are replaced by the export's.").replace("%1", folder),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        session = self.context.session
        self._running(True)
        self.result.setText(self.tr("Importing…"))
        Op(self, lambda: import_bundle(session, folder)).success(self._imported).failure(
            self._failed).run()

    def _imported(self, counts: dict[str, int]) -> None:
        self.incidents = counts.get("incidents", 0)
        self._running(False)
        self.result.setText(text("import.bundle.done", self.lang, **counts))
        self.context.hub.external.emit()  # everything shown is read again

    def _failed(self, error: BaseException) -> None:
        self._running(False)
        self.result.setText(error_text(error, self.lang))

