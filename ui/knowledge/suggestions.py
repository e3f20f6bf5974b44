"""Suggestions beside the log form: the caller's open incidents, and the resolved incidents
and published articles most like what is being typed.

The read runs on the read pool, ``DELAY`` ms after the last keystroke (typing does not
start a read per key); an answer to older text than is now typed is dropped. One click on
"Resolve with this" logs the incident resolved at first contact with that resolution (R05);
"Link" puts a closed incident in the form's related-incident field (R24); "Open" opens an
incident in its own tab.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Stage
from desk_app.formatting import format_moment
from desk_app.i18n import label, text
from desk_app.services.knowledge.suggestions import Suggestion, Suggestions, suggest
from ui.context import UiContext
from ui.errors import error_text
from ui.reading import read

#: Pause after the last keystroke before suggestions are read (ms).
DELAY = 300
PREVIEW = 160


class SuggestionCard(QFrame):
    """One suggestion: what it is, its title and resolution, the words it shares."""

    def __init__(self, item: Suggestion, panel: SuggestionsPanel) -> None:
        super().__init__(panel)
        self.item = item
        lang = panel.lang
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"suggestion_{item.kind}_{item.id}")
        kind = text(f"knowledge.kind.{item.kind}", lang)
        if item.stage:
            kind += " · " + label(Stage(item.stage), lang)
        heading = QLabel(f"<b>{escape(item.number)}</b> {escape(item.title)}", self)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        if item.kind == "open":  # one line: what it is and a way to it
            self.buttons = {}
            row = QHBoxLayout(self)
            row.setContentsMargins(8, 2, 4, 2)
            heading.setText(heading.text() + " · " + escape(label(Stage(item.stage), lang)))
            row.addWidget(heading, 1)
            self._button(row, "open", self.tr("Open"), self.tr("Open it in a tab"),
                         lambda: panel.open_incident.emit(item.id))
            return
        facts = [kind, format_moment(item.at, lang)]
        if item.worked:
            facts.append(self.tr("worked %n time(s)", "", item.worked))
        if item.alike > 1:
            facts.append(self.tr("%n alike", "", item.alike))
        meta = QLabel(" · ".join(facts), self)
        meta.setStyleSheet("color:palette(mid);")
        meta.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(heading)
        layout.addWidget(meta)
        if item.resolution:
            preview = item.resolution if len(item.resolution) <= PREVIEW else \
                item.resolution[:PREVIEW - 1] + "…"
            body = QLabel(escape(preview).replace("\n", "<br>"), self)
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setWordWrap(True)
            body.setToolTip(item.resolution)
            layout.addWidget(body)
        if item.common:
            words = QLabel(self.tr("In common: %1").replace("%1", " ".join(item.common)), self)
            words.setStyleSheet("color:palette(mid); font-size:small;")
            layout.addWidget(words)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        if item.kind in ("article", "incident") and item.resolution:
            self._button(buttons, "resolve", panel.resolve_caption or self.tr(
                "Resolve with this"), panel.resolve_tip or self.tr(
                "Log the incident resolved at first contact with this resolution"),
                lambda: panel.resolve_with.emit(item))
        if item.kind == "incident" and item.stage == Stage.CLOSED.value and panel.may_link:
            self._button(buttons, "link", self.tr("Link"),
                         self.tr("Link the new incident to this closed one"),
                         lambda: panel.link_to.emit(item))
        if item.kind != "article" and panel.may_open:
            self._button(buttons, "open", self.tr("Open"), self.tr("Open it in a tab"),
                         lambda: panel.open_incident.emit(item.id))
        layout.addLayout(buttons)

    def _button(self, row: QHBoxLayout, name: str, caption: str, tip: str, slot: object
                ) -> None:
        button = QPushButton(caption, self)
        button.setToolTip(tip)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons[name] = button
        row.addWidget(button)


class SuggestionsPanel(QWidget):
    resolve_with = Signal(object)  # a Suggestion (article or resolved incident)
    link_to = Signal(object)  # a Suggestion (closed incident)
    open_incident = Signal(int)
    shown = Signal()  # suggestions for the text now typed are on screen

    def __init__(self, context: UiContext, parent: QWidget | None = None, *,
                 resolve_caption: str = "", resolve_tip: str = "", may_link: bool = True,
                 may_open: bool = True) -> None:
        """``resolve_caption``/``resolve_tip`` name what "Resolve with this" does where the
        panel is used (logging, or resolving an incident already logged); a panel inside a
        modal dialog offers neither links nor tabs (``may_link``, ``may_open``)."""
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.resolve_caption, self.resolve_tip = resolve_caption, resolve_tip
        self.may_link, self.may_open = may_link, may_open
        self.asked = 0  # the newest request
        self.answered = 0  # the newest request whose answer is shown
        self.query: tuple[str, int | None, int | None] = ("", None, None)
        self.suggestions = Suggestions([], [])
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY)
        self.timer.timeout.connect(self._ask)
        self.heading = QLabel(self.tr("Suggestions"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(self.tr("Type a title or description to see earlier incidents "
                                     "and knowledge articles like it."), self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:palette(mid);")
        self.body = QWidget(self)
        self.cards = QVBoxLayout(self.body)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.cards.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(260)

    def update_query(self, words: str, category_id: int | None, caller_id: int | None
                     ) -> None:
        """The form changed: ask again once typing pauses."""
        query = (words.strip(), category_id, caller_id)
        if query == self.query:
            return
        self.query = query
        self.timer.start()

    @property
    def idle(self) -> bool:
        """No read waiting or under way (tests wait for this)."""
        return not self.timer.isActive() and self.answered == self.asked

    def _ask(self) -> None:
        self.asked += 1
        number = self.asked
        words, category_id, caller_id = self.query
        session = self.context.session
        if not words and caller_id is None:
            self._show(number, Suggestions([], []))
            return
        read(self, lambda: suggest(session, words, category_id=category_id,
                                   caller_id=caller_id),
             lambda found: self._show(number, found), lambda error: self._failed(number, error))

    def _failed(self, number: int, error: BaseException) -> None:
        if number != self.asked:
            return
        self.answered = number
        self.status.setText(error_text(error, self.lang))

    def _show(self, number: int, found: Suggestions) -> None:
        if number != self.asked:  # an answer to text typed before: a newer one is coming
            return
        self.answered = number
        self.suggestions = found
        while self.cards.count() > 1:
            item = self.cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        articles = [s for s in found.similar if s.kind == "article"]
        incidents = [s for s in found.similar if s.kind != "article"]
        cards = [*found.open, *articles, *incidents]
        # reviewed articles first, then earlier incidents, each in the core's ranking order
        for caption, group in ((self.tr("Open incidents of this caller"), found.open),
                               (self.tr("Knowledge articles"), articles),
                               (self.tr("Resolved incidents like it"), incidents)):
            if not group:
                continue
            self.cards.insertWidget(self.cards.count() - 1, self._section(caption))
            for suggestion in group:
                self.cards.insertWidget(self.cards.count() - 1,
                                        SuggestionCard(suggestion, self))
        if not cards:
            self.status.setText(self.tr("Nothing like it yet.") if self.query[0] else
                                self.tr("Type a title or description to see earlier "
                                        "incidents and knowledge articles like it."))
        else:
            self.status.setText(self.tr("%n suggestion(s)", "", len(cards)))
        self.shown.emit()

    def _section(self, caption: str) -> QLabel:
        section = QLabel(caption, self.body)
        section.setStyleSheet("font-weight:bold; margin-top:6px;")
        return section

    def card(self, kind: str, item_id: int) -> SuggestionCard | None:
        return self.body.findChild(SuggestionCard, f"suggestion_{kind}_{item_id}")

    def clear(self) -> None:
        self.query = ("", None, None)
        self.timer.stop()
        self.asked += 1
        self._show(self.asked, Suggestions([], []))
