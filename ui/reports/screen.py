"""The Reports screen: a period (presets or custom dates), trends by day, week or month,
filters (support group, category, priority, channel, caller department, assignee), and the
report's sections, each a chart with the exact figures beside it.

A click on a figure opens the incidents behind it as a tab (``drill_opened``); the report
exports to CSV, XLSX and PDF and prints. The report is read off the GUI thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import ContactChannel
from desk_app.i18n import label, text
from desk_app.services.reports.build import build_report
from desk_app.services.reports.choices import Choice, ReportChoices, report_choices
from desk_app.services.reports.drill import drill_incidents
from desk_app.services.reports.export import write_csv, write_xlsx
from desk_app.services.reports.model import Report
from desk_app.services.reports.period import (
    FIRST_YEAR,
    LAST_YEAR,
    Granularity,
    Period,
    Preset,
    preset_dates,
)
from desk_app.services.reports.query import ReportFilter
from ui.context import UiContext
from ui.reading import read
from ui.reports.drill import DrillTab
from ui.reports.pdf import paint_report, write_pdf
from ui.reports.section import SectionView


class ReportsScreen(QWidget):
    open_incident = Signal(int)
    # a tab of the incidents behind a figure, for the window to show
    drill_opened = Signal(object)
    # the report on screen changed (for tests and screenshots)
    shown = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsScreen")
        self.context = context
        self.title = self.tr("Reports")
        self.report: Report | None = None
        self.sections: list[SectionView] = []
        lang = context.language
        today = context.session.clock.now().date()

        self.preset = QComboBox(self)
        self.preset.setObjectName("reportPreset")
        for preset in Preset:
            self.preset.addItem(text(f"report.preset.{preset}", lang), preset.value)
        self.preset.setCurrentIndex(self.preset.findData(Preset.THIS_MONTH.value))
        start, end = preset_dates(Preset.THIS_MONTH, today)
        self.start = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.end = QDateEdit(QDate(end.year, end.month, end.day).addDays(-1), self)
        for edit in (self.start, self.end):
            edit.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 30))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.granularity = QComboBox(self)
        self.granularity.setObjectName("reportGranularity")
        for value, name in ((Granularity.DAY, self.tr("Day")), (Granularity.WEEK, self.tr("Week")),
                            (Granularity.MONTH, self.tr("Month"))):
            self.granularity.addItem(name, value.value)
        self.group = self._combo("reportGroup")
        self.category = self._combo("reportCategory")
        self.priority = self._combo("reportPriority")
        for p in (1, 2, 3, 4):
            self.priority.addItem(f"P{p}", p)
        self.channel = self._combo("reportChannel")
        for channel in ContactChannel:
            self.channel.addItem(label(channel, lang), channel.value)
        self.department = self._combo("reportDepartment")
        self.assignee = self._combo("reportAssignee")

        self.refresh_button = QPushButton(self.tr("Show"), self)
        self.refresh_button.setObjectName("reportShow")
        self.csv_button = QPushButton(self.tr("CSV…"), self)
        self.xlsx_button = QPushButton(self.tr("Excel…"), self)
        self.pdf_button = QPushButton(self.tr("PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")

        controls = QGridLayout()
        form = [(self.tr("Period"), self.preset), (self.tr("From"), self.start),
                (self.tr("To (inclusive)"), self.end), (self.tr("Trend by"), self.granularity),
                (self.tr("Support group"), self.group), (self.tr("Category"), self.category),
                (self.tr("Priority"), self.priority), (self.tr("Channel"), self.channel),
                (self.tr("Caller department"), self.department),
                (self.tr("Assignee"), self.assignee)]
        for i, (name, widget) in enumerate(form):
            row, column = divmod(i, 5)
            pair = QFormLayout()
            pair.addRow(name, widget)
            controls.addLayout(pair, row, column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.status, 1)
        for button in (self.csv_button, self.xlsx_button, self.pdf_button, self.print_button):
            buttons.addWidget(button)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(buttons)
        layout.addWidget(self.scroll, 1)

        self.preset.currentIndexChanged.connect(self._preset_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._dates_edited)
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.print_button.clicked.connect(self.print_report)
        self._set_exports(False)
        read(self, lambda: report_choices(context.session, self.period()), self._choices,
             self._failed)

    # -- filters ------------------------------------------------------------------------
    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(self.tr("All"), None)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _choices(self, choices: ReportChoices) -> None:
        if not choices.allowed:
            self.status.setText(self.tr("Reports are for the incident manager, the process "
                                        "owner and department heads."))
            self.refresh_button.setEnabled(False)
            return
        zh = self.context.language == "zh"

        def fill(combo: QComboBox, rows: tuple[Choice, ...]) -> None:
            for row in rows:
                combo.addItem(row.name_zh if zh else row.name_en, row.id)

        fill(self.group, choices.groups)
        fill(self.category, choices.categories)
        fill(self.department, choices.departments)
        fill(self.assignee, choices.assignees)
        self.refresh()

    def _preset_changed(self) -> None:
        preset = Preset(self.preset.currentData())
        if preset == Preset.CUSTOM:
            return
        start, end = preset_dates(preset, self.context.session.clock.now().date())
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.end.blockSignals(True)
        self.end.setDate(self.end.date().addDays(-1))
        self.end.blockSignals(False)
        self._default_granularity()
        self.refresh()

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(Preset.CUSTOM.value))
        self.preset.blockSignals(False)
        self._default_granularity()

    def _default_granularity(self) -> None:
        self.granularity.setCurrentIndex(self.granularity.findData(
            self.period().default_granularity().value))

    def period(self) -> Period:
        start, last = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, date) and isinstance(last, date)
        return Period(start, QDate(last.year, last.month, last.day).addDays(1).toPython())

    def report_filter(self) -> ReportFilter:
        return ReportFilter(self.period(), group_id=self.group.currentData(),
                            category_id=self.category.currentData(),
                            priority=self.priority.currentData(),
                            channel=self.channel.currentData(),
                            caller_department_id=self.department.currentData(),
                            assignee_id=self.assignee.currentData())

    # -- the report ---------------------------------------------------------------------
    def refresh(self) -> None:
        period = self.period()
        if period.end <= period.start:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        f = self.report_filter()
        granularity = Granularity(self.granularity.currentData())
        session, lang = self.context.session, self.context.language
        self.status.setText(self.tr("Reading…"))
        self.refresh_button.setEnabled(False)
        read(self, lambda: build_report(session, f, lang, granularity), self._show,
             self._failed)

    def _show(self, report: Report) -> None:
        self.report = report
        self.refresh_button.setEnabled(True)
        for section in self.sections:
            self.body_layout.removeWidget(section)
            section.deleteLater()
        self.sections = []
        for table in report.tables:
            section = SectionView(table, self.body)
            section.drill.connect(self._drill)
            self.body_layout.insertWidget(self.body_layout.count() - 1, section)
            self.sections.append(section)
        self.status.setText(report.subtitle)
        self._set_exports(True)
        self.shown.emit()

    def _failed(self, error: BaseException) -> None:
        from desk_app.errors import DeskError

        self.refresh_button.setEnabled(True)
        message = error.message(self.context.language) if isinstance(error, DeskError) \
            else str(error)
        self.status.setText(message)

    def _set_exports(self, enabled: bool) -> None:
        for button in (self.csv_button, self.xlsx_button, self.pdf_button, self.print_button):
            button.setEnabled(enabled)

    # -- drill-down ---------------------------------------------------------------------
    def drill(self, key: str, row: int, column: int) -> None:
        """Open the incidents behind one figure (also what a click does)."""
        self._drill(key, row, column)

    def _drill(self, key: str, row: int, column: int) -> None:
        if self.report is None:
            return
        report = self.report
        table = report.table(key)
        cell = table.rows[row].cells[column]
        if cell.drill is None:
            return
        title = f"{table.title} · {table.rows[row].label} · {table.columns[column]}"
        session, drill = self.context.session, cell.drill

        def opened(rows: list[Any]) -> None:
            tab = DrillTab(self.context, title, rows)
            tab.open_incident.connect(self.open_incident)
            self.drill_opened.emit(tab)

        read(self, lambda: drill_incidents(session, report.filter, drill), opened,
             self._failed)

    # -- export and print ---------------------------------------------------------------
    def _export(self, fmt: str) -> None:
        if self.report is None:
            return
        f = self.report.filter.period
        name = f"report-{f.start.isoformat()}-{f.end.isoformat()}.{fmt}"
        filters = {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                   "pdf": self.tr("PDF files (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), name,
                                              filters[fmt])
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        assert self.report is not None
        try:
            if fmt == "csv":
                write_csv(self.report, path)
            elif fmt == "xlsx":
                write_xlsx(self.report, path)
            else:
                write_pdf(self.report, path)
        except OSError as error:
            self.status.setText(self.tr("Could not write %1: %2").replace(
                "%1", str(path)).replace("%2", error.strerror or str(error)))
            return
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))

    def print_report(self) -> None:
        if self.report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            paint_report(self.report, printer)
