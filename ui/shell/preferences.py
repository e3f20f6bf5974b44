"""Settings of this workstation: the language (follow the system, English, 简体中文)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desk_app.i18n import Language


class PreferencesDialog(QDialog):
    def __init__(self, current: Language | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        self.language.addItem("", None)
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate()

    def choice(self) -> Language | None:
        return self.language.currentData()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("&Language:"))
        self.language.setItemText(0, self.tr("Follow the system"))
        self.note.setText(self.tr(
            "Every window changes language at once, and the choice goes with you to any "
            "workstation. A tab with unsaved input changes when you open it again."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
