"""Impact and urgency levels (R11, R12): what each level means, in English and Chinese.

The log form and the incident view show these beside the choice, so that every agent judges
the same outage the same way. The process owner edits them here; everyone else sees them
read-only, with the core's reason. Each level saves on its own version: an edit another
owner made meanwhile is a conflict, never an overwrite.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Impact, Urgency
from desk_app.errors import DeskError
from desk_app.i18n import label
from desk_app.services.admin.common import administer_refusal
from desk_app.services.admin.levels import (
    DESCRIPTION_MAX,
    Level,
    Levels,
    levels,
    save_level_description,
)
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.widgets.calls import call
from ui.widgets.feedback import FieldErrors, MessageBar, show_failure, show_read_only
from ui.widgets.keys import shortcut

Key = tuple[str, int]


class LevelsTab(QWidget):
    loaded_signal = Signal()
    saved_signal = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.refusal: DeskError | None = administer_refusal(context.session)
        self.loaded = False
        self.levels: Levels = {}
        self.edits: dict[Key, tuple[QLineEdit, QLineEdit]] = {}
        self.pending: set[Key] = set()
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        intro = QLabel(self.tr("What each level means. The log form and the incident view show "
                               "this beside the choice, so that everyone judges the same "
                               "outage the same way."), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.bar)
        for kind, title, members in (("impact", self.tr("Impact"), list(Impact)),
                                     ("urgency", self.tr("Urgency"), list(Urgency))):
            box = QGroupBox(title, self)
            grid = QGridLayout(box)
            grid.addWidget(QLabel(self.tr("Level"), box), 0, 0)
            grid.addWidget(QLabel(self.tr("Meaning (English)"), box), 0, 1)
            grid.addWidget(QLabel(self.tr("Meaning (Chinese)"), box), 0, 2)
            for row, member in enumerate(members, start=1):
                name = QLabel(label(member, self.lang), box)
                english, chinese = QLineEdit(box), QLineEdit(box)
                for edit in (english, chinese):
                    edit.setMaxLength(DESCRIPTION_MAX + 50)  # too long is said, not cut
                    edit.setReadOnly(self.refusal is not None)
                    edit.textEdited.connect(self._set_buttons)
                english.setObjectName(f"{kind}_{member.value}_en")
                chinese.setObjectName(f"{kind}_{member.value}_zh")
                name.setBuddy(english)
                grid.addWidget(name, row, 0)
                grid.addWidget(english, row, 1)
                grid.addWidget(chinese, row, 2)
                self.edits[(kind, member.value)] = (english, chinese)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(2, 1)
            layout.addWidget(box)
        self.save_button = QPushButton(self.tr("&Save meanings"), self)
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        shortcut(self, "Ctrl+S", self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        if self.refusal is not None:
            show_read_only(self.bar, self.tr("Read-only: %1"), self.refusal.message(self.lang),
                           self.save_button, self.revert_button)
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.reload)
        self._set_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------
    def changed(self) -> list[Key]:
        found = []
        for key, (english, chinese) in self.edits.items():
            level = self.levels.get(key[0], {}).get(key[1])
            if level is not None and (english.text(), chinese.text()) != (
                    level.description_en, level.description_zh):
                found.append(key)
        return found

    @property
    def dirty(self) -> bool:
        return bool(self.changed())

    def _hub_changed(self, changes: Changes) -> None:
        if changes.reference and not self.pending:
            self.reload()

    def reload(self) -> None:
        if self.dirty:
            return  # keep the person's edits; the save's version check protects the rest
        session = self.context.session
        call(self, self.context, lambda: levels(session), self._loaded,
             lambda error: show_failure(self.errors, error, self.lang))

    def _loaded(self, found: Levels) -> None:
        self.levels = found
        for (kind, value), (english, chinese) in self.edits.items():
            level = found.get(kind, {}).get(value)
            if level is not None:
                english.setText(level.description_en)
                chinese.setText(level.description_zh)
        self.loaded = True
        self._set_buttons()
        self.loaded_signal.emit()

    def _set_buttons(self, *_args: object) -> None:
        if self.refusal is not None:
            return
        self.save_button.setEnabled(self.dirty and not self.pending)
        self.revert_button.setEnabled(self.dirty and not self.pending)

    # -- saving --------------------------------------------------------------------------
    def revert(self) -> None:
        self._loaded(self.levels)
        self.bar.clear()

    def save(self) -> None:
        """Each changed level on its own version (R04: the core refuses all but the owner)."""
        keys = self.changed()
        if not keys or self.pending:
            return
        self.bar.clear()
        session = self.context.session
        self.pending = set(keys)
        self._set_buttons()
        for key in keys:
            level: Level = self.levels[key[0]][key[1]]
            english, chinese = (e.text() for e in self.edits[key])
            call(self, self.context,
                 lambda k=key, en=english, zh=chinese, v=level.version: save_level_description(
                     session, k[0], k[1], en, zh, v),
                 lambda _changes, k=key: self._saved(k),
                 lambda error, k=key: self._failed(k, error))

    def _saved(self, key: Key) -> None:
        self.pending.discard(key)
        if not self.pending:
            self.bar.show_info(self.tr("The meanings are saved."))
            self.levels = {}
            self.edits_reload()

    def edits_reload(self) -> None:
        session = self.context.session
        call(self, self.context, lambda: levels(session),
             lambda found: (self._loaded(found), self.saved_signal.emit()),
             lambda error: show_failure(self.errors, error, self.lang))

    def _failed(self, key: Key, error: BaseException) -> None:
        self.pending.discard(key)
        self._set_buttons()
        show_failure(self.errors, error, self.lang)
