"""The process owner's template editor: the common incidents the log form starts from.
Others see the templates read-only (R04: the core refuses their changes anyway)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Impact
from desk_app.i18n import text
from desk_app.services.admin.common import administer_refusal
from desk_app.services.incident import choices
from desk_app.services.incident.choices import LogChoices
from desk_app.services.knowledge.templates import (
    TemplateForm,
    TemplateRow,
    list_templates,
    save_template,
)
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.errors import error_text
from ui.reading import read
from ui.widgets.calls import call
from ui.widgets.combos import fill_enum, select, value
from ui.widgets.feedback import MessageBar


class TemplateEditor(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.rows: list[TemplateRow] = []
        self.current: TemplateRow | None = None
        refusal = administer_refusal(context.session)
        self.editor = refusal is None
        self.setWindowTitle(self.tr("Incident templates"))
        self.resize(820, 520)
        self.bar = MessageBar(self)
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._chosen)
        self.name = QLineEdit(self)
        self.language = QComboBox(self)
        for lang in ("zh", "en"):
            self.language.addItem(text(f"knowledge.language.{lang}", self.lang), lang)
        self.category = QComboBox(self)
        self.category.setPlaceholderText(self.tr("Choose the category…"))
        self.impact = QComboBox(self)
        fill_enum(self.impact, Impact, self.lang, self.tr("Choose the impact…"))
        self.title = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setPlaceholderText(self.tr("The questions to ask, one per line"))
        self.active = QCheckBox(self.tr("&Offered in the log form"), self)
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("Cate&gory"), self.category)
        form.addRow(self.tr("&Impact"), self.impact)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow("", self.active)
        self.new_button = QPushButton(self.tr("&New"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        for widget in (self.name, self.language, self.category, self.impact, self.title,
                       self.description, self.active, self.new_button, self.save_button):
            widget.setEnabled(self.editor)
        if refusal is not None:
            self.bar.show_message(error_text(refusal, self.lang), "info")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(body, 1)
        session = context.session
        read(self, lambda: choices.log_choices(session), self._categories)
        self.reload()

    def _categories(self, loaded: LogChoices) -> None:
        for category in loaded.categories:
            self.category.addItem(category.name(self.lang), category.id)
        self.category.setCurrentIndex(-1)
        if self.current is not None:
            select(self.category, self.current.category_id)

    def reload(self, chosen: int | None = None) -> None:
        session = self.context.session
        read(self, lambda: list_templates(session, active_only=False),
             lambda rows: self._loaded(rows, chosen))

    def _loaded(self, rows: list[TemplateRow], chosen: int | None) -> None:
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            mark = "" if row.active else " " + self.tr("(not offered)")
            self.list.addItem(f"{row.name} · {row.language}{mark}")
        self.list.blockSignals(False)
        index = next((i for i, r in enumerate(rows) if r.id == chosen), 0 if rows else -1)
        self.list.setCurrentRow(index)
        self._chosen(index)

    def _chosen(self, index: int) -> None:
        self.current = self.rows[index] if 0 <= index < len(self.rows) else None
        row = self.current
        if row is None:
            self.new()
            return
        self.name.setText(row.name)
        select(self.language, row.language)
        select(self.category, row.category_id)
        select(self.impact, row.impact)
        self.title.setText(row.title)
        self.description.setPlainText(row.description)
        self.active.setChecked(row.active)

    def new(self) -> None:
        self.current = None
        self.list.clearSelection()
        for edit in (self.name, self.title):
            edit.clear()
        self.description.clear()
        self.category.setCurrentIndex(-1)
        self.impact.setCurrentIndex(-1)
        select(self.language, self.lang)
        self.active.setChecked(True)
        self.name.setFocus()

    def save(self) -> None:
        form = TemplateForm(self.name.text(), self.language.currentData() or "en",
                            value(self.category), value(self.impact), self.title.text(),
                            self.description.toPlainText(), self.active.isChecked())
        session = self.context.session
        row_id = self.current.id if self.current else None
        version = self.current.version if self.current else None

        def done(changes: Changes) -> None:
            self.bar.show_message(self.tr("Template saved."), "info")
            self.reload(changes.created or row_id)

        call(self, self.context, lambda: save_template(session, form, row_id, version), done,
             lambda error: self.bar.show_error(error_text(error, self.lang)))
