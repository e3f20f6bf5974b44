"""The Knowledge screen: search the articles, read one with its history, and — for Level-2
staff and the process owner — review, edit, publish and retire them.

Everyone may read; the editing buttons are enabled only for those the core lets edit
(``editor_refusal``), and the core checks again on every call. A save that is refused keeps
every typed character in the form.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.formatting import format_moment
from desk_app.i18n import text
from desk_app.services.incident import choices
from desk_app.services.incident.choices import LogChoices
from desk_app.services.knowledge.articles import (
    ArticleForm,
    ArticleRow,
    ArticleView,
    article_view,
    create_article,
    edit_article,
    editor_refusal,
    list_articles,
    publish_article,
    retire_article,
)
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.errors import error_text
from ui.reading import read
from ui.widgets.calls import call
from ui.widgets.feedback import MessageBar

COLUMNS = 6


class KnowledgeScreen(QWidget):
    loaded = Signal()
    open_incident = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.rows: list[ArticleRow] = []
        self.current: ArticleView | None = None
        self.refusal = editor_refusal(context.session)
        self.categories: LogChoices | None = None
        self._build()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.state.currentIndexChanged.connect(lambda _i: self.reload())
        session = context.session
        read(self, lambda: choices.log_choices(session), self._categories)
        self.reload()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.bar = MessageBar(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search articles: symptom, cause, resolution"))
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox(self)
        self.state.addItem(self.tr("All states"), None)
        for state in ("published", "draft", "retired"):
            self.state.addItem(text(f"knowledge.state.{state}", self.lang), state)
        self.new_button = QPushButton(self.tr("&New article"), self)
        self.new_button.clicked.connect(self.new_article)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.state)
        top.addWidget(self.new_button)

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("State"), self.tr("Symptom"), self.tr("Category"),
            self.tr("Resolved incidents"), self.tr("Changed")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            2, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._chosen)

        self.number = QLabel(self)
        font = self.number.font()
        font.setBold(True)
        self.number.setFont(font)
        self.source = QLabel(self)
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.linkActivated.connect(lambda href: self.open_incident.emit(int(href)))
        self.symptom = QPlainTextEdit(self)
        self.symptom.setPlaceholderText(self.tr("What the caller sees, in their words"))
        self.cause = QPlainTextEdit(self)
        self.cause.setPlaceholderText(self.tr("Why it happens, if known"))
        self.resolution = QPlainTextEdit(self)
        self.resolution.setPlaceholderText(self.tr("What restores the service, step by step"))
        for edit in (self.symptom, self.cause, self.resolution):
            edit.setTabChangesFocus(True)
        self.category = QComboBox(self)
        self.category.setPlaceholderText(self.tr("Any category"))
        self.language = QComboBox(self)
        for lang in ("zh", "en"):
            self.language.addItem(text(f"knowledge.language.{lang}", self.lang), lang)
        form = QFormLayout()
        form.addRow(self.tr("Symptom"), self.symptom)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Language"), self.language)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.publish_button = QPushButton(self.tr("&Publish"), self)
        self.publish_button.setToolTip(self.tr("Reviewed: offer it while logging"))
        self.retire_button = QPushButton(self.tr("Re&tire"), self)
        self.retire_button.setToolTip(self.tr("No longer offered; kept with its history"))
        self.save_button.clicked.connect(self.save)
        self.publish_button.clicked.connect(self.publish)
        self.retire_button.clicked.connect(self.retire)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.publish_button, self.retire_button):
            buttons.addWidget(button)
        self.history = QListWidget(self)
        self.history.setAlternatingRowColors(True)
        self.denied = QLabel(self)
        self.denied.setWordWrap(True)
        self.denied.setStyleSheet("color:palette(mid);")

        detail = QWidget(self)
        column = QVBoxLayout(detail)
        column.addWidget(self.number)
        column.addWidget(self.source)
        column.addLayout(form, 3)
        column.addLayout(buttons)
        column.addWidget(self.denied)
        column.addWidget(QLabel(self.tr("History"), detail))
        column.addWidget(self.history, 1)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        if self.refusal is not None:
            self.denied.setText(text(self.refusal, self.lang))
        self._show(None)

    def _categories(self, loaded: LogChoices) -> None:
        self.categories = loaded
        for category in loaded.categories:
            self.category.addItem(category.name(self.lang), category.id)
        if self.current is not None:
            self._show(self.current)

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        session, words, state = self.context.session, self.search.text(), \
            self.state.currentData()
        read(self, lambda: list_articles(session, words, state), self._loaded,
             lambda error: self.bar.show_error(error_text(error, self.lang)))

    def _loaded(self, rows: list[ArticleRow]) -> None:
        chosen = self.current.article.id if self.current is not None else None
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            category = ""
            if row.category is not None:
                category = row.category[1] if self.lang == "zh" else row.category[0]
            cells = [row.number, text(f"knowledge.state.{row.state.value}", self.lang),
                     row.title, category, str(row.uses), format_moment(row.updated_at,
                                                                       self.lang)]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            if row.id == chosen:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        if chosen is not None and chosen not in {r.id for r in rows}:
            self._show(None)
        self.loaded.emit()

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        article_id = self.rows[rows[0].row()].id
        session = self.context.session
        read(self, lambda: article_view(session, article_id), self._show,
             lambda error: self.bar.show_error(error_text(error, self.lang)))

    def select_article(self, article_id: int) -> None:
        for r, row in enumerate(self.rows):
            if row.id == article_id:
                self.table.selectRow(r)
                return

    def _show(self, view: ArticleView | None) -> None:
        self.current = view
        editor = self.refusal is None
        if view is None:
            self.number.setText(self.tr("New article") if editor else "")
            for edit in (self.symptom, self.cause, self.resolution):
                edit.clear()
            self.category.setCurrentIndex(-1)
            self.language.setCurrentIndex(0 if self.lang == "zh" else 1)
            self.history.clear()
            self.source.clear()
        else:
            a = view.article
            state = text(f"knowledge.state.{a.state.value}", self.lang)
            self.number.setText(f"{a.number} · {state} · " + self.tr(
                "resolved %n incident(s)", "", a.uses))
            if a.source_incident:
                incident_id = int(a.source_incident[3:])
                self.source.setText(self.tr("Drafted from %1").replace(
                    "%1", f'<a href="{incident_id}">{escape(a.source_incident)}</a>'))
            else:
                self.source.clear()
            self.symptom.setPlainText(a.symptom)
            self.cause.setPlainText(a.cause)
            self.resolution.setPlainText(a.resolution)
            index = self.category.findData(a.category_id) if a.category_id else -1
            self.category.setCurrentIndex(index)
            self.language.setCurrentIndex(self.language.findData(a.language))
            self.history.clear()
            for rev in view.revisions:
                who = rev.actor or text("history.system", self.lang)
                self.history.addItem(f"{format_moment(rev.at, self.lang)}  {who}: " + text(
                    f"knowledge.revision.{rev.action}", self.lang))
        state = view.article.state.value if view is not None else None
        for edit in (self.symptom, self.cause, self.resolution):
            edit.setReadOnly(not editor or state == "retired")
        self.category.setEnabled(editor and state != "retired")
        self.language.setEnabled(editor and state != "retired")
        self.new_button.setEnabled(editor)
        self.save_button.setEnabled(editor and state != "retired")
        self.publish_button.setEnabled(editor and state in ("draft", "retired"))
        self.publish_button.setText(self.tr("&Publish again") if state == "retired"
                                    else self.tr("&Publish"))
        self.retire_button.setEnabled(editor and state in ("draft", "published"))

    # -- writing -------------------------------------------------------------------------
    def new_article(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.symptom.setFocus()

    def _form(self) -> ArticleForm:
        category = self.category.currentData() if self.category.currentIndex() >= 0 else None
        return ArticleForm(self.symptom.toPlainText(), self.resolution.toPlainText(),
                           self.cause.toPlainText(), category,
                           self.language.currentData() or "en")

    def _run(self, fn: object, message: str) -> None:
        def done(changes: Changes) -> None:
            self.bar.show_message(message, "info")
            if changes.created is not None:
                session, new_id = self.context.session, changes.created
                read(self, lambda: article_view(session, new_id), self._show)
            elif self.current is not None:
                session, article_id = self.context.session, self.current.article.id
                read(self, lambda: article_view(session, article_id), self._show)
            self.reload()

        call(self, self.context, fn, done,  # type: ignore[arg-type]
             lambda error: self.bar.show_error(error_text(error, self.lang)))

    def save(self) -> None:
        session, form = self.context.session, self._form()
        if self.current is None:
            self._run(lambda: create_article(session, form), self.tr("Article saved as a draft."))
        else:
            article_id, version = self.current.article.id, self.current.article.version
            self._run(lambda: edit_article(session, article_id, form, version),
                      self.tr("Article saved; the earlier text is in its history."))

    def publish(self) -> None:
        if self.current is None:
            return
        session, article_id = self.context.session, self.current.article.id
        version = self.current.article.version
        self._run(lambda: publish_article(session, article_id, version),
                  self.tr("Published: it is suggested while logging from now on."))

    def retire(self) -> None:
        if self.current is None:
            return
        session, article_id = self.context.session, self.current.article.id
        version = self.current.article.version
        self._run(lambda: retire_article(session, article_id, version),
                  self.tr("Retired: no longer suggested."))
