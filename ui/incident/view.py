"""One incident, for working on it: its fields, the actions the core allows now, the
timeline of its journal, its target clocks and escalations, and changes raised from it.

A button is enabled because the core's ``action_states`` says the call would be accepted
(R04, R05); a disabled one says why in its tooltip, and "Why not?" lists every reason for
keyboard users. The view reloads when its incident changes here (``hub.changed``) or on
another workstation (``hub.external``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Stage
from desk_app.errors import ConflictError, PermissionDenied
from desk_app.formatting import format_moment
from desk_app.i18n import label
from desk_app.services.incident.actions import Action, stage_allows
from desk_app.services.incident.history import action_text, actor_text
from desk_app.services.incident.queries import LinkedIncident
from desk_app.services.session import Changes
from desk_app.storage.models import ChangeRequest
from ui.context import UiContext
from ui.errors import error_text
from ui.incident.changes import ChangesPanel
from ui.incident.conflict import ConflictDialog
from ui.incident.data import Screen, load_screen, snapshot
from ui.incident.details import DetailsPanel
from ui.incident.dialogs import DIALOGS, ActionDialog, CloseChangeDialog
from ui.incident.targets import TargetsPanel
from ui.incident.timeline import TimelinePanel
from ui.knowledge.attachments import AttachmentsPanel
from ui.widgets.badges import VIP_COLOR, Badge, PriorityBadge
from ui.widgets.calls import call
from ui.widgets.feedback import MessageBar
from ui.widgets.keys import shortcut

#: The action buttons, in the order of an incident's life.
BUTTON_ORDER = (Action.ASSIGN, Action.ACCEPT, Action.TRANSFER, Action.PEND, Action.RESUME,
                Action.RAISE_CHANGE, Action.RESOLVE, Action.CONFIRM, Action.REJECT,
                Action.CLOSE)
STAGE_COLORS = {
    Stage.LOGGED: "#90a4ae", Stage.ASSIGNED: "#5c6bc0", Stage.IN_PROGRESS: "#1e88e5",
    Stage.RESOLVED: "#43a047", Stage.CLOSED: "#616161",
}
TITLE_CHARS = 32


def _link(incident: LinkedIncident) -> str:
    """An incident as a link: its number (what is clicked) and title."""
    return f'<a href="{incident.id}">{incident.number}</a> {escape(incident.title)}'


def plain(caption: str) -> str:
    """A button's caption without its mnemonic and ellipsis: "受理(&C)…" → "受理"."""
    return re.sub(r"\(&.\)|&|…", "", caption).strip()


class IncidentView(QWidget):
    refreshed = Signal()
    title_changed = Signal(str)
    # the person asked to open another incident (a link, R24); the shell opens it
    open_incident = Signal(int)

    def __init__(self, context: UiContext, incident_id: int, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.incident_id = incident_id
        self.screen: Screen | None = None
        self.dialog: ActionDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self._loading = False
        self._again = False
        self._build()
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.reload)
        self.reload()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self.tr("Loading…"), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stage_badge = Badge(self)
        self.pending_badge = Badge(self)
        self.priority_badge = PriorityBadge(self)
        self.escalated_badge = Badge(self)
        self.vip_badge = Badge(self)
        badges = QHBoxLayout()
        for badge in (self.stage_badge, self.pending_badge, self.priority_badge,
                      self.escalated_badge, self.vip_badge):
            badges.addWidget(badge)
        badges.addStretch(1)
        # R24: the closed incident this one follows up, or those that follow it up
        self.links = QLabel(self)
        self.links.setObjectName("links")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.links.linkActivated.connect(lambda href: self.open_incident.emit(int(href)))
        self.links.hide()

        self.bar = MessageBar(self)
        captions = {
            Action.ASSIGN: self.tr("&Assign…"), Action.ACCEPT: self.tr("A&ccept…"),
            Action.TRANSFER: self.tr("&Transfer…"), Action.PEND: self.tr("&Pending…"),
            Action.RESUME: self.tr("Res&ume…"), Action.RAISE_CHANGE: self.tr("Raise c&hange…"),
            Action.RESOLVE: self.tr("&Resolve…"), Action.CONFIRM: self.tr("C&onfirm result…"),
            Action.REJECT: self.tr("Re&ject resolution…"), Action.CLOSE: self.tr("C&lose…"),
        }
        self.buttons: dict[Action, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setSpacing(4)
        for action in BUTTON_ORDER:
            button = QPushButton(captions[action], self)
            button.setEnabled(False)
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _checked=False, a=action: self.open_action(a))
            self.buttons[action] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.why_button = QPushButton(self.tr("&Why not?"), self)
        self.why_button.setToolTip(self.tr("Why some actions are not available now"))
        self.why_button.clicked.connect(self.explain)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(self.tr("Read the incident again (F5)"))
        self.reload_button.clicked.connect(self.reload)
        actions.addWidget(self.why_button)
        actions.addWidget(self.reload_button)
        # who may do what this person may not, said up front rather than after a click
        self.why_line = QLabel(self)
        self.why_line.setObjectName("whyNot")
        self.why_line.setWordWrap(True)
        self.why_line.setStyleSheet("color: palette(placeholder-text);")
        self.why_line.hide()

        self.details = DetailsPanel(self.context, self)
        details_scroll = QScrollArea(self)
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.timeline = TimelinePanel(self.context, self)
        self.targets = TargetsPanel(self.context, self)
        self.changes = ChangesPanel(self.context, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.targets, self.tr("Targets and escalations"))
        self.tabs.addTab(self.changes, self.tr("Changes"))
        self.attachments = AttachmentsPanel(self.context, self.incident_id, self)
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(details_scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(badges)
        layout.addWidget(self.links)
        layout.addWidget(self.bar)
        layout.addLayout(actions)
        layout.addWidget(self.why_line)
        layout.addWidget(splitter, 1)

        self.details.saved.connect(self._done)
        self.details.conflict.connect(self._details_conflict)
        self.changes.close_requested.connect(self._close_change)
        shortcut(self, Qt.Key.Key_F5, self.reload)
        for number, tab in enumerate((self.timeline, self.targets, self.changes,
                                      self.attachments), start=1):
            shortcut(self, f"Alt+{number}", lambda t=tab: self._show_tab(t))

    def _show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
        tab.setFocus()

    # -- loading -------------------------------------------------------------------------
    @property
    def title(self) -> str:
        """Text for a tab: the number and the start of the title."""
        if self.screen is None:
            return f"INC{self.incident_id:07d}"
        title = self.screen.view.incident.title
        short = title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…"
        return f"{self.screen.number} {short}"

    @property
    def loaded(self) -> bool:
        return self.screen is not None and not self._loading

    def has_unsaved_changes(self) -> bool:
        """Edited fields, a work note being typed, or an action dialog open."""
        dialog_open = self.dialog is not None and shiboken6.isValid(self.dialog) \
            and self.dialog.isVisible()
        return self.details.dirty() or bool(self.timeline.note.toPlainText().strip()) \
            or dialog_open

    def refresh(self) -> None:
        """Read the incident again (the shell calls this when the file changed)."""
        self.reload()

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        session, incident_id = self.context.session, self.incident_id
        call(self, self.context, lambda: load_screen(session, incident_id), self._loaded,
             self._load_failed)

    def _hub_changed(self, changes: Changes) -> None:
        if self.incident_id in changes.incidents or changes.reference:
            self.reload()

    def _loaded(self, screen: Screen) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
        self.show_screen(screen)

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.bar.show_error(error_text(error, self.lang))
        if self._again:
            self._again = False
            self.reload()

    def show_screen(self, screen: Screen) -> None:
        old_title = self.title
        self.screen = screen
        view, lang = screen.view, self.lang
        incident = view.incident
        self.heading.setText(f"{incident.number}  {incident.title}")
        stage = Stage(incident.stage)
        self.stage_badge.set_badge(label(stage, lang), STAGE_COLORS[stage], self.tr("Stage"))
        if view.wait_code is not None:
            name = view.wait_code.name_zh if lang == "zh" else view.wait_code.name_en
            self.pending_badge.set_badge(self.tr("Pending: %1").replace("%1", name), "#8d6e63",
                                         self.tr("Pending"))
        else:
            self.pending_badge.hide()
        self.priority_badge.set_priority(incident.priority, lang, self.tr("Priority"))
        if incident.escalation_count:
            self.escalated_badge.set_badge(self.tr("Escalated"), "#6a1b9a",
                                           self.tr("Escalations: %1").replace(
                                               "%1", str(incident.escalation_count)))
        else:
            self.escalated_badge.hide()
        if view.caller.vip:
            self.vip_badge.set_badge("VIP", VIP_COLOR, self.tr("VIP caller"))
        else:
            self.vip_badge.hide()
        self._show_links(screen)
        for action, button in self.buttons.items():
            refusal = screen.actions.get(action)
            button.setEnabled(refusal is None)
            button.setToolTip("" if refusal is None else refusal.message(lang))
            button.setAccessibleDescription(button.toolTip())
        self._say_why_not(screen)
        self.details.show_screen(screen)
        self.timeline.show_screen(screen)
        self.targets.show_screen(screen)
        self.changes.show_screen(screen)
        if self.title != old_title:
            self.title_changed.emit(self.title)
        self.refreshed.emit()

    def _show_links(self, screen: Screen) -> None:
        """Links to the related incidents; ``open_incident`` carries the one clicked."""
        view = screen.view
        lines = []
        if view.linked is not None:
            lines.append(self.tr("Follows up closed incident %1").replace(
                "%1", _link(view.linked)))
        if view.linked_from:
            lines.append(self.tr("Followed up by %1").replace(
                "%1", ", ".join(_link(i) for i in view.linked_from)))
        self.links.setText("<br>".join(lines))
        self.links.setVisible(bool(lines))
        self.links.setAccessibleName(self.links.text())

    def _say_why_not(self, screen: Screen) -> None:
        """The next steps of this stage that someone else must take, with who and why; the
        moves the stage does not allow at all stay in "Why not?"."""
        lines = [f"{plain(self.buttons[a].text())}: {refusal.message(self.lang)}"
                 for a in BUTTON_ORDER
                 if isinstance(refusal := screen.actions.get(a), PermissionDenied)
                 and stage_allows(a, screen.view.incident)]
        self.why_line.setText("\n".join(lines[:3]) + (
            "\n" + self.tr("…and %1 more: see “Why not?”").replace("%1", str(len(lines) - 3))
            if len(lines) > 3 else ""))
        self.why_line.setVisible(bool(lines))

    def explain(self) -> None:
        """Every unavailable action with its reason, for someone who cannot hover."""
        if self.screen is None:
            return
        lines = [
            f"{plain(self.buttons[a].text())}: "
            f"{self.screen.actions[a].message(self.lang)}"  # type: ignore[union-attr]
            for a in BUTTON_ORDER if self.screen.actions.get(a) is not None
        ]
        if lines:
            self.bar.show_info("\n".join(lines))
        else:
            self.bar.show_info(self.tr("Every action is available now."))

    # -- actions -------------------------------------------------------------------------
    def open_action(self, action: Action) -> ActionDialog | None:
        if self.screen is None or not self.buttons[action].isEnabled():
            return None
        self.bar.clear()
        dialog = DIALOGS[action](self.context, self.screen, self)
        return self._open(dialog)

    def _close_change(self, change: ChangeRequest) -> None:
        if self.screen is not None:
            self._open(CloseChangeDialog(self.context, self.screen, change, self))

    def _open(self, dialog: ActionDialog) -> ActionDialog:
        dialog.done.connect(self._done)
        dialog.conflict.connect(lambda error, d=dialog: self._dialog_conflict(d, error))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _done(self, changes: Changes) -> None:
        if changes.empty:
            self.reload()

    # -- conflicts -----------------------------------------------------------------------
    def _dialog_conflict(self, dialog: ActionDialog, error: ConflictError) -> None:
        self.show_conflict(error, dialog.screen, dialog.summary(), dialog.submit,
                           dialog.reject, dialog)

    def _details_conflict(self, error: ConflictError) -> None:
        base = self.details.base or self.screen
        if base is not None:
            self.show_conflict(error, base, self.details.summary(), self.details.save,
                               self.details.discard)

    def show_conflict(self, error: ConflictError, mine: Screen,
                      your_change: list[tuple[str, str]], reapply: Callable[[int], None],
                      drop: Callable[[], None], over: QWidget | None = None) -> None:
        """Read the incident as it is now and show it beside the version the person saw."""
        session, incident_id = self.context.session, self.incident_id

        def show(current: Screen) -> None:
            seen = {entry.id for entry in mine.view.journal}
            meanwhile = [
                f"{format_moment(e.at, self.lang)}  {actor_text(e, self.lang)}  "
                f"{action_text(e, self.lang)}"
                for e in current.view.journal if e.id not in seen
            ]
            dialog = ConflictDialog(self.lang, error.message(self.lang),
                                    snapshot(mine, self.lang), snapshot(current, self.lang),
                                    your_change, meanwhile, current.version, over or self)
            dialog.reapply_requested.connect(reapply)
            dialog.reload_requested.connect(lambda: (drop(), self.reload()))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.conflict_dialog = dialog
            self.show_screen(current)
            dialog.open()

        call(self, self.context, lambda: load_screen(session, incident_id), show,
             self._load_failed)
