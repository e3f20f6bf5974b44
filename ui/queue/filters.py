"""The filter bar above a queue table: priority, stage, support group and free text, all
turned into SQL by ``desk_app.services.lists.queues.Filters``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from desk_app.domain.enums import Priority, Stage
from desk_app.i18n import label
from desk_app.services.lists.queues import Filters, Name
from ui import paths
from ui.context import UiContext


class FilterBar(QWidget):
    changed = Signal(object)  # Filters

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._groups: list[tuple[int, Name]] = []
        self.priority = QComboBox(self)
        self.priority.setObjectName("filterPriority")
        self.stage = QComboBox(self)
        self.stage.setObjectName("filterStage")
        self.group = QComboBox(self)
        self.group.setObjectName("filterGroup")
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setClearButtonEnabled(True)
        self.clear = QToolButton(self)
        self.clear.setIcon(paths.icon("close"))
        self.clear.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.priority, self.stage, self.group):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.clear)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self._emit)
        self._fill()
        for combo in (self.priority, self.stage, self.group):
            combo.currentIndexChanged.connect(self._emit)
        self.text.textChanged.connect(self._debounce.start)
        self.clear.clicked.connect(self.reset)

    def set_groups(self, groups: list[tuple[int, Name]]) -> None:
        if groups != self._groups:
            self._groups = groups
            self._fill()

    def filters(self) -> Filters:
        stage = self.stage.currentData()
        return Filters(
            priority=self.priority.currentData(),
            stage=stage if stage not in (None, "pending") else None,
            pending=True if stage == "pending" else None,
            group_id=self.group.currentData(),
            text=self.text.text().strip(),
        )

    def reset(self) -> None:
        for combo in (self.priority, self.stage, self.group):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.filters())

    def _fill(self) -> None:
        """(Re)write every choice in the current language, keeping what was chosen."""
        lang = self.context.language
        chosen = [c.currentData() for c in (self.priority, self.stage, self.group)]
        for combo in (self.priority, self.stage, self.group):
            combo.blockSignals(True)
            combo.clear()
        self.priority.addItem(self.tr("Any priority"), None)
        for priority in Priority:
            self.priority.addItem(label(priority, lang), int(priority))
        self.stage.addItem(self.tr("Any stage"), None)
        for stage in Stage:
            self.stage.addItem(label(stage, lang), stage.value)
        self.stage.addItem(self.tr("Pending"), "pending")
        self.group.addItem(self.tr("Any support group"), None)
        for group_id, name in self._groups:
            self.group.addItem(name(lang), group_id)
        for combo, value in zip((self.priority, self.stage, self.group), chosen, strict=True):
            found = combo.findData(value)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)
        self.priority.setToolTip(self.tr("Show only this priority"))
        self.stage.setToolTip(self.tr("Show only this stage"))
        self.group.setToolTip(self.tr("Show only this support group"))
        self.text.setPlaceholderText(self.tr("Filter by number, title or caller"))
        self.clear.setToolTip(self.tr("Clear the filters"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.text.hasFocus():
            self.text.clear()
            return
        super().keyPressEvent(event)
