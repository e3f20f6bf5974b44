"""Service targets of one incident (R15, R16, R19) and its escalations (R07–R09).

The running clocks count down live: the time used is what the core measured at load time
plus the working time since then on the clock's own calendar, so a clock on office hours
stands still at night exactly as the core's would.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QScrollArea, QVBoxLayout, QWidget

from desk_app.domain.enums import (
    ClockState,
    EscalationReason,
    NotificationChannel,
    NotificationState,
    TargetStage,
    Urgency,
)
from desk_app.formatting import format_moment, format_working_time
from desk_app.i18n import Language, label
from desk_app.services.incident.queries import ClockView, EscalationView, PauseView
from ui.context import UiContext
from ui.incident.data import Screen, used_now
from ui.widgets.rows_model import Column, RowsModel
from ui.widgets.tables import fit_height, read_only_table

#: Share of a target left below which its countdown turns amber.
WARN_SHARE = 0.25
RED = QColor("#f8d7da")
AMBER = QColor("#fff3cd")


def _enum_label(enum: type, raw: object, lang: Language) -> str:
    try:
        return label(enum(raw), lang)
    except ValueError:
        return str(raw)


class ClocksModel(RowsModel):
    """The current target clocks; ``Used`` and ``Left`` move while a clock runs."""

    USED, LEFT = 5, 6

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self.context = context
        self.screen: Screen | None = None
        lang = context.language
        self.columns = [
            Column(self.tr("Target"), lambda c: _enum_label(TargetStage, c.stage, lang)),
            Column(self.tr("Priority"), lambda c: f"P{c.priority}"),
            Column(self.tr("Target time"),
                   lambda c: format_working_time(c.target_minutes * 60, lang)),
            Column(self.tr("Calendar"), self._calendar),
            Column(self.tr("State"), self._state),
            Column(self.tr("Used"), lambda c: format_working_time(self.used(c), lang),
                   align_right=True),
            Column(self.tr("Left"), self._left, background=self._left_color, align_right=True),
            Column(self.tr("Due"), lambda c: format_moment(c.due_at, lang)),
        ]

    def set_screen(self, screen: Screen, clocks: list[ClockView]) -> None:
        self.screen = screen
        self.set_rows(clocks)

    def used(self, clock: ClockView) -> int:
        if self.screen is None:
            return clock.used_seconds
        return used_now(clock, self.screen, self.context.session.clock.now())

    def left(self, clock: ClockView) -> int:
        return clock.target_minutes * 60 - self.used(clock)

    def _calendar(self, clock: ClockView) -> str:
        names = self.screen.calendar_names if self.screen else {}
        pair = names.get(clock.calendar_id)
        if pair is None:
            return str(clock.calendar_id)
        return pair[1] if self.context.language == "zh" else pair[0]

    def _state(self, clock: ClockView) -> str:
        state = _enum_label(ClockState, clock.state, self.context.language)
        if clock.breached_at is not None:
            state += " · " + self.tr("exceeded")
        return state

    def _left(self, clock: ClockView) -> str:
        if clock.state == ClockState.STOPPED.value:
            return "—"
        left = self.left(clock)
        if left < 0:
            return self.tr("%1 over").replace(
                "%1", format_working_time(-left, self.context.language))
        return format_working_time(left, self.context.language)

    def _left_color(self, clock: ClockView) -> QColor | None:
        if clock.state == ClockState.STOPPED.value:
            return None
        left = self.left(clock)
        if left < 0 or clock.breached_at is not None:
            return RED
        if left < clock.target_minutes * 60 * WARN_SHARE:
            return AMBER
        return None

    def running(self) -> bool:
        return any(c.state == ClockState.RUNNING.value for c in self.rows)

    def tick(self) -> None:
        self.refresh_columns(self.USED, self.LEFT)


class TargetsPanel(QScrollArea):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        lang = context.language
        body = QWidget(self)
        layout = QVBoxLayout(body)

        self.clocks = ClocksModel(context, self)
        self.history = RowsModel([
            Column(self.tr("Target"), lambda c: _enum_label(TargetStage, c.stage, lang)),
            Column(self.tr("Priority"), lambda c: f"P{c.priority}"),
            Column(self.tr("Target time"),
                   lambda c: format_working_time(c.target_minutes * 60, lang)),
            Column(self.tr("Used then"),
                   lambda c: format_working_time(c.used_seconds, lang)),
            Column(self.tr("Re-matched at"), lambda c: format_moment(c.stopped_at, lang)),
        ], self)
        self.pauses = RowsModel([
            Column(self.tr("From"), lambda p: format_moment(p.started_at, lang)),
            Column(self.tr("Until"), lambda p: format_moment(p.ended_at, lang)
                   if p.ended_at else self.tr("still pending")),
            Column(self.tr("Duration"), self._pause_length),
            Column(self.tr("Wait code"), self._wait_code),
        ], self)
        self.escalations = RowsModel([
            Column(self.tr("When"), lambda e: format_moment(e.at, lang)),
            Column(self.tr("Reason"), lambda e: _enum_label(EscalationReason, e.reason, lang)),
            Column(self.tr("Urgency"), lambda e: f"{_enum_label(Urgency, e.old_urgency, lang)}"
                   f" → {_enum_label(Urgency, e.new_urgency, lang)}"),
            Column(self.tr("Priority"), lambda e: f"P{e.old_priority} → P{e.new_priority}"),
            Column(self.tr("Acknowledged"), self._acknowledged),
            Column(self.tr("Notified"), self._notified),
        ], self)
        self.screen: Screen | None = None

        for caption, model, name in [
            (self.tr("Service targets"), self.clocks, "clocks"),
            (self.tr("Re-matched targets (after a priority change)"), self.history, "history"),
            (self.tr("Pending (clocks stopped)"), self.pauses, "pauses"),
            (self.tr("Escalations"), self.escalations, "escalations"),
        ]:
            heading = QLabel(caption, body)
            heading.setStyleSheet("font-weight:600; margin-top:6px;")
            table = read_only_table(body, model, caption)
            table.setObjectName(name)
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setMaximumSectionSize(240)  # long notes wrap
            table.horizontalHeader().setStretchLastSection(True)
            heading.setBuddy(table)
            none = QLabel(self.tr("None"), body)
            none.setStyleSheet("color:palette(mid); margin-left:4px;")
            layout.addWidget(heading)
            layout.addWidget(table)
            layout.addWidget(none)
            setattr(self, f"{name}_table", table)
            setattr(self, f"{name}_none", none)
        layout.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.clocks.tick)

    def show_screen(self, screen: Screen) -> None:
        self.screen = screen
        view = screen.view
        self.clocks.set_screen(screen, view.clocks)
        self.history.set_rows(view.history)
        self.pauses.set_rows(view.pauses)
        self.escalations.set_rows(view.escalations)
        for name in ("clocks", "history", "pauses", "escalations"):
            table = getattr(self, f"{name}_table")
            empty = table.model().rowCount() == 0
            table.setVisible(not empty)
            getattr(self, f"{name}_none").setVisible(empty)
            table.resizeRowsToContents()
            fit_height(table)
        if self.clocks.running():
            self.timer.start()
        else:
            self.timer.stop()

    def _pause_length(self, pause: PauseView) -> str:
        end = pause.ended_at or self.context.session.clock.now()
        return format_working_time((end - pause.started_at).total_seconds(),
                                   self.context.language)

    def _wait_code(self, pause: PauseView) -> str:
        names = self.screen.names.wait_codes if self.screen else {}
        pair = names.get(pause.wait_code_id)
        if pair is None:
            return f"#{pause.wait_code_id}"
        return pair[1] if self.context.language == "zh" else pair[0]

    def _acknowledged(self, escalation: EscalationView) -> str:
        if escalation.acknowledged_at is None:
            return self.tr("not yet")
        text = f"{escalation.acknowledged_by or ''} " \
               f"{format_moment(escalation.acknowledged_at, self.context.language)}"
        if escalation.ack_comment:
            text += f" – {escalation.ack_comment}"
        return text.strip()

    def _notified(self, escalation: EscalationView) -> str:
        """One line per person: each channel with its delivery state (R09)."""
        lang = self.context.language
        people: dict[str, list[str]] = {}
        for who, channel, state in escalation.notifications:
            people.setdefault(who, []).append(
                f"{_enum_label(NotificationChannel, channel, lang)} "
                f"({_enum_label(NotificationState, state, lang)})")
        return "\n".join(f"{who}: {', '.join(ways)}" for who, ways in people.items())
