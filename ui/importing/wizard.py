"""Importing another tool's export, step by step (issue 15): the file and its format, the
columns with a preview, their values mapped to ours, a dry run that lists every row it
would refuse and why, then the import with progress and cancel.

The wizard holds no rule: every check is the core's (``desk_app.services.importing``); the
dry run and the import run on the worker pool and report back by signal.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk_app.domain.enums import ContactChannel, Impact, IncidentType, Priority, Urgency
from desk_app.errors import DeskError
from desk_app.i18n import label, text
from desk_app.services.importing import mapping as mappings
from desk_app.services.importing.fields import (
    CREATE,
    FIELDS,
    PENDING_PREFIX,
    REFUSE,
    STATE_TARGETS,
)
from desk_app.services.importing.formats import FORMATS
from desk_app.services.importing.mapping import Mapping
from desk_app.services.importing.people import PeopleReport, import_people, people_lines
from desk_app.services.importing.report import created_lines, refusal_line, summary
from desk_app.services.importing.run import ImportReport, import_table
from desk_app.services.importing.source import Table, read_table
from desk_app.storage.models import Category, CloseCode, SupportGroup, WaitCode
from ui.context import UiContext
from ui.errors import error_text

PREVIEW_ROWS = 20
# A kind with more distinct values than this is mapped by its policy for unknown values.
VALUES_SHOWN = 200
PEOPLE = "people"
_VALUE_KINDS = ("state", "category", "group", "close_code", "impact", "urgency", "priority",
                "type", "channel")


class ImportWizard(QWizard):
    """Administration > Import…"""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.table: Table | None = None
        self.mapping: Mapping | None = None
        self.source_page = SourcePage(self)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)
        self.dry_run_page = DryRunPage(self)
        self.import_page = ImportPage(self)
        for page in (self.source_page, self.columns_page, self.values_page,
                     self.dry_run_page, self.import_page):
            self.addPage(page)
        self.setWindowTitle(self.tr("Import incidents"))
        self.resize(960, 640)

    @property
    def lang(self) -> Any:
        return self.context.language

    def message(self, error: BaseException) -> str:
        return error_text(error, self.lang)

    @property
    def people(self) -> bool:
        """A directory export: no columns or values to map (``services.importing.people``
        reads its columns by their names)."""
        return self.source_page.format_name == PEOPLE

    def nextId(self) -> int:
        if self.currentPage() is self.source_page and self.people:
            return self.pageIds()[3]  # straight to the dry run
        return super().nextId()


# -- 1. the file ---------------------------------------------------------------------------
class SourcePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose the export"))
        self.setSubTitle(self.tr("A CSV file exported from ServiceNow (the incident event "
                                 "log), GLPI (the ticket list) or any other tool."))
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.format = QComboBox()
        self.format.setObjectName("importFormat")
        names = {"servicenow": self.tr("ServiceNow incident event log"),
                 "glpi": self.tr("GLPI ticket list"), "csv": self.tr("Other CSV")}
        for name in FORMATS:
            self.format.addItem(names.get(name, name), name)
        self.format.addItem(self.tr("People (a directory export: callers, users, groups)"),
                            PEOPLE)
        self.source = QLineEdit()
        self.source.setObjectName("importSource")
        self.source.setPlaceholderText(self.format_name)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Source name:"), self.source)
        form.addRow(QLabel(self.tr("Rows already imported from the same source are updated "
                                   "or left as they are, never doubled.")))
        form.addRow(self.problem)
        self.path.textChanged.connect(self.completeChanged)
        self.format.currentIndexChanged.connect(self._format_changed)

    def _browse(self) -> None:
        found, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the export"), "",
                                               self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if found:
            self.path.setText(found)

    def _format_changed(self) -> None:
        self.source.setPlaceholderText(self.format_name)

    @property
    def format_name(self) -> str:
        return str(self.format.currentData())

    @property
    def source_name(self) -> str:
        return self.source.text().strip() or self.format_name

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()

    def validatePage(self) -> bool:
        """Read the file and build the mapping: the preset, then what was chosen the last
        time for this source. A file that cannot be read says why and stays on this page."""
        try:
            table = read_table(self.path.text().strip())
            if self.format_name == PEOPLE:
                self.problem.clear()
                self.w.table, self.w.mapping = table, None
                return True
            session = self.w.context.session
            kept = session.read(lambda: mappings.remembered(self.source_name,
                                                            self.format_name))
            try:
                mapping = mappings.build_mapping(self.format_name, table.columns, kept)
            except DeskError:  # the remembered columns are not all in this file
                mapping = mappings.build_mapping(self.format_name, table.columns)
        except DeskError as error:
            self.problem.setText(self.w.message(error))
            return False
        self.problem.clear()
        self.w.table, self.w.mapping = table, mapping
        return True


# -- 2. the columns ------------------------------------------------------------------------
class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(self.tr("Which of the file's columns holds each of our fields. "
                                 "Fields marked * are required."))
        self.fields = QTableWidget(0, 2)
        self.fields.setObjectName("importColumns")
        self.fields.setHorizontalHeaderLabels([self.tr("Our field"), self.tr("Their column")])
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().hide()
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.missing = QLabel()
        self.missing.setStyleSheet("color: #c62828")
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.fields, 1)
        left.addWidget(self.missing)
        layout.addLayout(left, 2)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Preview (first rows of the file):")))
        right.addWidget(self.preview, 1)
        layout.addLayout(right, 3)
        self.combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        table, mapping = self.w.table, self.w.mapping
        assert table is not None and mapping is not None
        self.fields.setRowCount(len(FIELDS))
        self.combos.clear()
        for n, spec in enumerate(FIELDS):
            name = text(f"import.field.{spec.name}", self.w.lang) + (" *" if spec.required
                                                                     else "")
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.fields.setItem(n, 0, item)
            combo = QComboBox()
            combo.addItem("—", "")
            for column in table.columns:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(spec.name, ""))))
            combo.currentIndexChanged.connect(self._changed)
            self.fields.setCellWidget(n, 1, combo)
            self.combos[spec.name] = combo
        self.preview.setColumnCount(len(table.columns))
        self.preview.setHorizontalHeaderLabels(table.columns)
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, (_, values) in enumerate(shown):
            for c, column in enumerate(table.columns):
                self.preview.setItem(r, c, QTableWidgetItem(values.get(column, "")))
        self._changed()

    def _changed(self) -> None:
        missing = [text(f"import.field.{s.name}", self.w.lang) for s in FIELDS
                   if s.required and not self.combos[s.name].currentData()
                   and s.name not in (self.w.mapping.defaults if self.w.mapping else {})]
        self.missing.setText(text("import.unmapped_fields", self.w.lang,
                                  fields=", ".join(missing)) if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not self.missing.text()

    def validatePage(self) -> bool:
        assert self.w.mapping is not None
        self.w.mapping.columns = {name: combo.currentData() for name, combo in
                                  self.combos.items() if combo.currentData()}
        return True


# -- 3. the values -------------------------------------------------------------------------
class ValuesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Map the values"))
        self.setSubTitle(self.tr("Their states, categories, groups, priorities and close "
                                 "codes, and what each becomes here. Unknown callers, "
                                 "groups and categories are created unless you choose "
                                 "otherwise."))
        self.values = QTableWidget(0, 3)
        self.values.setObjectName("importValues")
        self.values.setHorizontalHeaderLabels([self.tr("What"), self.tr("Their value"),
                                               self.tr("Ours")])
        self.values.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.values.verticalHeader().hide()
        self.unknown = QTableWidget(0, 2)
        self.unknown.setObjectName("importUnknown")
        self.unknown.setHorizontalHeaderLabels([self.tr("Unknown values of"),
                                                self.tr("Are")])
        self.unknown.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.unknown.verticalHeader().hide()
        self.unknown.setMaximumHeight(200)
        layout = QVBoxLayout(self)
        layout.addWidget(self.values, 1)
        layout.addWidget(self.unknown)
        self.rows: list[tuple[str, str, QComboBox]] = []
        self.policies: dict[str, QComboBox] = {}

    def _choices(self, kind: str) -> list[tuple[str, str]]:
        """(label, value) of what their value may become here."""
        lang = self.w.lang
        session = self.w.context.session

        def coded(model: Any) -> list[tuple[str, str]]:
            return session.read(lambda: [
                (row.name_zh if lang == "zh" else row.name_en, row.code)
                for row in model.select().where(model.active).order_by(model.code)])

        keep = [(self.tr("(as it is: by name, else as chosen below)"), "")]
        if kind == "state":
            waits = coded(WaitCode)
            return keep + [(text(f"import.state.{s}", lang), s) for s in STATE_TARGETS] + [
                (text("import.state.pending", lang, code=name), PENDING_PREFIX + code)
                for name, code in waits]
        if kind in ("category", "group", "close_code"):
            model = {"category": Category, "group": SupportGroup, "close_code": CloseCode}[kind]
            return keep + coded(model) + [(self.tr("Create it"), CREATE),
                                          (self.tr("Refuse its rows"), REFUSE)]
        enum = {"impact": Impact, "urgency": Urgency, "priority": Priority,
                "type": IncidentType, "channel": ContactChannel}[kind]
        return keep + [(label(member, lang), str(member.value)) for member in enum]

    def _new_label(self, kind: str, chosen: str) -> str:
        """How a choice that is not one of our rows yet reads: it is created."""
        if kind == "state" and chosen.startswith(PENDING_PREFIX):
            code = chosen[len(PENDING_PREFIX):]
            return text("import.state.pending", self.w.lang, code=code) + " " + self.tr(
                "(new wait code)")
        return chosen

    def initializePage(self) -> None:
        table, mapping = self.w.table, self.w.mapping
        assert table is not None and mapping is not None
        self.rows.clear()
        self.values.setRowCount(0)
        for kind in _VALUE_KINDS:
            column = mapping.columns.get(kind)
            if not column:
                continue
            seen = sorted({values.get(column, "") for _, values in table.rows} - {""}
                          - set(mapping.null_values))
            if len(seen) > VALUES_SHOWN:
                continue
            choices = self._choices(kind)
            for value in seen:
                combo = QComboBox()
                for shown, data in choices:
                    combo.addItem(shown, data)
                chosen = mapping.value(kind, value) or ""
                if combo.findData(chosen) < 0:  # a preset's or last time's choice made anew
                    combo.addItem(self._new_label(kind, chosen), chosen)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
                n = self.values.rowCount()
                self.values.insertRow(n)
                what = QTableWidgetItem(text(f"import.kind.{kind}", self.w.lang))
                what.setFlags(Qt.ItemFlag.ItemIsEnabled)
                theirs = QTableWidgetItem(value)
                theirs.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.values.setItem(n, 0, what)
                self.values.setItem(n, 1, theirs)
                self.values.setCellWidget(n, 2, combo)
                self.rows.append((kind, value, combo))
        self.policies.clear()
        self.unknown.setRowCount(len(mappings.UNKNOWN_KINDS))
        for n, kind in enumerate(mappings.UNKNOWN_KINDS):
            item = QTableWidgetItem(text(f"import.kind.{kind}", self.w.lang))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.unknown.setItem(n, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("Created"), CREATE)
            combo.addItem(self.tr("Refused with their rows"), REFUSE)
            combo.setCurrentIndex(max(0, combo.findData(mapping.unknown.get(kind, CREATE))))
            self.unknown.setCellWidget(n, 1, combo)
            self.policies[kind] = combo

    def validatePage(self) -> bool:
        mapping = self.w.mapping
        assert mapping is not None
        for kind, value, combo in self.rows:
            chosen = combo.currentData()
            pairs = mapping.values.setdefault(kind, {})
            if chosen:
                pairs[value] = chosen
            else:
                pairs.pop(value, None)
        for kind, combo in self.policies.items():
            mapping.unknown[kind] = combo.currentData()
        return True


def _summary_text(report: ImportReport | PeopleReport, lang: Any) -> str:
    """The summary and what is (or would be) created; the refusals go in their list."""
    if isinstance(report, PeopleReport):
        return people_lines(report, lang)[0]
    cancelled = [text("import.report.cancelled", lang)] if report.cancelled else []
    return "\n".join([summary(report, lang), *created_lines(report, lang), *cancelled])


# -- 4 and 5: running ------------------------------------------------------------------------
class _Runner(QObject):
    """Runs an import on a thread of its own and reports progress and the end by signal."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, wizard: ImportWizard, dry_run: bool) -> None:
        super().__init__()
        self.w = wizard
        self.dry_run = dry_run
        self.cancel = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        table, mapping = self.w.table, self.w.mapping
        session = self.w.context.session
        source = self.w.source_page.source_name
        path = self.w.source_page.path.text().strip()
        people = self.w.people
        assert table is not None and (mapping is not None or people)

        def progress(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return not self.cancel.is_set()

        def work() -> None:
            try:
                if people:
                    report: ImportReport | PeopleReport = import_people(
                        session, path, dry_run=self.dry_run)
                else:
                    assert mapping is not None
                    report = import_table(session, table, source, mapping,
                                          dry_run=self.dry_run, progress=progress)
            except Exception as error:  # shown on the page, in the person's language
                self.failed.emit(self.w.message(error))
            else:
                self.finished.emit(report)

        self.thread = threading.Thread(target=work, name="import", daemon=True)
        self.thread.start()


class DryRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Dry run"))
        self.setSubTitle(self.tr("What the import would do, with every row it would refuse "
                                 "and why. Nothing has been changed."))
        self.summary = QLabel()
        self.summary.setObjectName("dryRunSummary")
        self.summary.setWordWrap(True)
        self.refusals = QListWidget()
        self.refusals.setObjectName("dryRunRefusals")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Rows that would be refused:")))
        layout.addWidget(self.refusals, 1)
        self.report: ImportReport | PeopleReport | None = None
        self.runner: _Runner | None = None

    def initializePage(self) -> None:
        self.report = None
        self.summary.setText(self.tr("Checking every row…"))
        self.refusals.clear()
        self.runner = _Runner(self.w, dry_run=True)
        self.runner.finished.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.runner.start()
        self.completeChanged.emit()

    def _done(self, report: ImportReport | PeopleReport) -> None:
        self.report = report
        self.summary.setText(_summary_text(report, self.w.lang))
        self.refusals.addItems([refusal_line(r, self.w.lang) for r in report.refused])
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.summary.setText(message)

    def isComplete(self) -> bool:
        return self.report is not None


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("Each incident is written whole or not at all; cancelling "
                                 "keeps those already written."))
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.cancel = QPushButton(self.tr("Cancel the import"))
        self.cancel.clicked.connect(self._cancel)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.refusals = QListWidget()
        self.refusals.setObjectName("importRefusals")
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Rows refused:")))
        layout.addWidget(self.refusals, 1)
        self.report: ImportReport | PeopleReport | None = None
        self.runner: _Runner | None = None
        self.setCommitPage(True)

    def initializePage(self) -> None:
        self.report = None
        self.bar.setRange(0, 0)
        self.summary.setText(self.tr("Importing…"))
        self.cancel.setEnabled(True)
        self.runner = _Runner(self.w, dry_run=False)
        self.runner.progressed.connect(self._progress)
        self.runner.finished.connect(self._done)
        self.runner.failed.connect(self._failed)
        self.runner.start()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel.set()
            self.cancel.setEnabled(False)

    def _done(self, report: ImportReport | PeopleReport) -> None:
        self.report = report
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel.setEnabled(False)
        self.summary.setText(_summary_text(report, self.w.lang))
        self.refusals.clear()
        self.refusals.addItems([refusal_line(r, self.w.lang) for r in report.refused])
        self.w.context.hub.external.emit()  # many incidents and lists changed: read again
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.cancel.setEnabled(False)
        self.summary.setText(message)

    def isComplete(self) -> bool:
        return self.report is not None

