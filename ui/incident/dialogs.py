"""One dialog per action on an incident (R05–R06, R11, R14, R16–R18, R20–R23).

A dialog collects what its core call needs, makes the call with the incident version the
person saw, and stays open with everything typed if the core refuses: problems show under
their fields, other refusals over the form, and a stale version becomes a ``conflict`` for
the view to show both versions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Impact, ResolutionType
from desk_app.domain.validation import TITLE_MAX
from desk_app.errors import ConflictError
from desk_app.i18n import label, text
from desk_app.services.incident import choices, pending, workflow
from desk_app.services.incident.actions import Action
from desk_app.services.incident.choices import CategoryChoice, Choice, Person
from desk_app.services.knowledge.apply import resolve_with
from desk_app.services.knowledge.suggestions import Suggestion
from desk_app.services.session import Changes, Session
from desk_app.storage.models import ChangeRequest
from ui.context import UiContext
from ui.incident.data import Screen
from ui.knowledge.suggestions import SuggestionsPanel
from ui.widgets.calls import call
from ui.widgets.combos import fill_enum, fill_rows, select, value
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, field_box, show_failure
from ui.widgets.keys import SUBMIT_KEYS, shortcut

Call = Callable[[], Changes]


def text_box(parent: QWidget, placeholder: str = "", height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    return box


class ActionDialog(QDialog):
    """The frame every action dialog shares; subclasses add fields and name the call."""

    done = Signal(object)  # Changes
    conflict = Signal(object)  # ConflictError
    action: Action

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.screen = screen
        self.incident_id = int(screen.view.incident.id)
        self.version = screen.version
        self.saving = False
        self.fields: list[QWidget] = []
        self._focused = False
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        heading = QLabel(f"{screen.number}  {screen.view.incident.title}", self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight:600;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.bar)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for keys in SUBMIT_KEYS:
            shortcut(self, keys, self.submit)
        self.setMinimumWidth(480)

    def add(self, name: str, caption: str, widget: QWidget, *extra: QWidget) -> None:
        error = ErrorLabel(self)
        self.errors.add(name, widget, error)
        self.form.addRow(caption, field_box(widget, error, *extra))
        self.fields.append(widget)

    def first_field(self) -> QWidget | None:
        """Where typing starts: the first field still to fill (a required choice not yet
        made, an empty text), else the first field."""
        enabled = [w for w in self.fields if w.isEnabled()]
        for widget in enabled:
            if isinstance(widget, QComboBox) and widget.currentIndex() < 0:
                return widget
            if isinstance(widget, QPlainTextEdit | QLineEdit) and not self.typed_in(widget):
                return widget
        return enabled[0] if enabled else None

    @staticmethod
    def typed_in(widget: QWidget) -> bool:
        if isinstance(widget, QPlainTextEdit):
            return bool(widget.toPlainText().strip())
        if isinstance(widget, QLineEdit):
            return bool(widget.text().strip())
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused:
            self._focused = True
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_typed_text(self) -> bool:
        return any(self.typed_in(widget) for widget in self.fields)

    def reject(self) -> None:
        """Esc and Cancel: what was typed is not thrown away without asking."""
        if self.has_typed_text() and not self.discard_confirmed():
            return
        super().reject()

    def discard_confirmed(self) -> bool:
        return QMessageBox.question(
            self, self.tr("Discard what you typed?"),
            self.tr("This form has text you typed that is not saved. Close it and lose that "
                    "text?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel) == QMessageBox.StandardButton.Discard

    def set_ok_text(self, caption: str) -> None:
        self.ok_button.setText(caption)

    # -- what a subclass says ------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        return {}

    def make_call(self, session: Session, version: int) -> Call:
        raise NotImplementedError

    def summary(self) -> list[tuple[str, str]]:
        """The person's inputs, for the conflict dialog's "your change" column."""
        return []

    def required(self) -> str:
        return text("validation.required", self.lang)

    # -- submitting ------------------------------------------------------------------------
    def submit(self, version: int | None = None) -> None:
        """Make the core call; ``version`` is given when reapplying after a conflict."""
        if self.saving:
            return
        found = self.problems()
        if found:
            self.errors.show(found, text("error.validation", self.lang, count=len(found)))
            return
        self.errors.clear()
        if version is not None:
            self.version = version
        fn = self.make_call(self.context.session, self.version)
        self.saving = True
        self.ok_button.setEnabled(False)
        call(self, self.context, fn, self._done, self._failed)

    def _done(self, changes: Changes) -> None:
        self.saving = False
        self.ok_button.setEnabled(True)
        self.accept()
        self.done.emit(changes)

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self.ok_button.setEnabled(True)
        if isinstance(error, ConflictError):
            self.bar.show_warning(error.message(self.lang))
            self.conflict.emit(error)
            return
        show_failure(self.errors, error, self.lang)


# -- assign and transfer (R06, R14) ---------------------------------------------------------
class _RoutingDialog(ActionDialog):
    """Category, support group and person: the category decides the group (R14)."""

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.categories: dict[int, CategoryChoice] = {}
        self.category = QComboBox(self)
        self.route = QLabel(self)
        self.route.setWordWrap(True)
        self.member = QComboBox(self)
        self.member.addItem(self.tr("(anyone in the group)"), None)
        self.category.currentIndexChanged.connect(self._routing_changed)
        session = context.session
        call(self, context, lambda: choices.categories(session), self._categories)

    def _categories(self, rows: list[CategoryChoice]) -> None:
        self.categories = {c.id: c for c in rows}
        self.category.blockSignals(True)
        self.category.clear()
        for category in rows:
            self.category.addItem(category.name(self.lang), category.id)
        select(self.category, self.screen.view.incident.category_id)
        self.category.blockSignals(False)
        self._routing_changed()

    def target_group(self) -> Choice | None:
        category = self.categories.get(value(self.category))
        return category.group if category else None

    def _routing_changed(self, _index: int = -1) -> None:
        self.errors.set("category", "")
        self.errors.set("tier", "")
        group = self.target_group()
        if group is None:
            self.route.setText(self.tr("This category has no Level-2 support group."))
            self._members([])
            return
        self.route.setText(self.tr("Support group: %1").replace("%1", group.name(self.lang)))
        session, group_id = self.context.session, group.id
        call(self, self.context, lambda: choices.group_members(session, group_id),
             self._members)

    def _members(self, people: list[Person]) -> None:
        chosen = value(self.member)
        self.member.clear()
        self.member.addItem(self.tr("(anyone in the group)"), None)
        for person in people:
            self.member.addItem(person.full_name, person.id)
        select(self.member, chosen)
        if self.member.currentIndex() < 0:
            self.member.setCurrentIndex(0)

    def chosen_category(self) -> int | None:
        category = value(self.category)
        return None if category == self.screen.view.incident.category_id else category


class AssignDialog(_RoutingDialog):
    action = Action.ASSIGN

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Assign"))
        self.set_ok_text(self.tr("&Assign"))
        self.note = text_box(self, self.tr("Optional: what the group should know"))
        self.add("category", self.tr("Cate&gory"), self.category, self.route)
        self.add("assignee", self.tr("&Person"), self.member)
        self.add("note", self.tr("&Note"), self.note)

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, assignee = self.incident_id, value(self.member)
        category, note = self.chosen_category(), self.note.toPlainText()
        return lambda: workflow.assign(session, incident_id, assignee_id=assignee,
                                       category_id=category, version=version, note=note)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Category"), self.category.currentText()),
                (self.tr("Person"), self.member.currentText()),
                (self.tr("Note"), self.note.toPlainText())]


class TransferDialog(_RoutingDialog):
    action = Action.TRANSFER

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Transfer"))
        self.set_ok_text(self.tr("&Transfer"))
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("Level-1 support group"), 1)
        self.tier.addItem(self.tr("Level-2 support group"), 2)
        # the other level of the category (the current group is the one choice that is
        # refused); set again once the categories are known
        select(self.tier, 1 if screen.view.group.tier == 2 else 2)
        self.tier.currentIndexChanged.connect(self._routing_changed)
        self.note = text_box(self, self.tr("Why it goes there (required)"))
        self.add("category", self.tr("Cate&gory"), self.category)
        self.add("tier", self.tr("&Level"), self.tier, self.route)
        self.add("assignee", self.tr("&Person"), self.member)
        self.add("note", self.tr("&Note"), self.note)
        self.member.currentIndexChanged.connect(lambda _i: self._say_target())
        self.category.currentIndexChanged.connect(self._category_chosen)
        count = screen.view.incident.reassignment_count
        if count >= 2:
            self.bar.show_warning(self.tr("This incident has been transferred %1 time(s); the "
                                          "third transfer escalates it.").replace("%1", str(count)))

    def _categories(self, rows: list[CategoryChoice]) -> None:
        category = next((c for c in rows if c.id == self.screen.view.incident.category_id),
                        None)
        if category is not None:
            self.tier.blockSignals(True)
            here = self.screen.view.incident.group_id
            if category.tier2_group is not None and category.tier2_group.id != here:
                select(self.tier, 2)
            else:
                select(self.tier, 1)
            self.tier.blockSignals(False)
        super()._categories(rows)

    def target_group(self) -> Choice | None:
        category = self.categories.get(value(self.category))
        if category is None:
            return None
        return category.tier2_group if value(self.tier) == 2 else category.group

    def _category_chosen(self, _index: int = -1) -> None:
        """Another category dispatches to its own first-line group (R14); the incident's own
        category keeps the level chosen, if the category has it."""
        category = self.categories.get(value(self.category))
        if category is None:
            return
        if category.id != self.screen.view.incident.category_id or \
                category.tier2_group is None:
            select(self.tier, 1)

    def same_target(self) -> bool:
        """The incident would stay where it is: the one choice a transfer refuses."""
        group = self.target_group()
        incident = self.screen.view.incident
        if group is None or group.id != incident.group_id:
            return False
        person = value(self.member)
        return person is None or person == incident.assignee_id

    def _routing_changed(self, _index: int = -1) -> None:
        super()._routing_changed(_index)
        self._say_target()

    def _members(self, people: list[Person]) -> None:
        super()._members(people)
        self._say_target()

    def _say_target(self) -> None:
        if not hasattr(self, "note"):
            return
        self.errors.set("tier", text("validation.transfer_same_target", self.lang)
                        if self.categories and self.same_target() else "")

    def problems(self) -> dict[str, str]:
        found = {} if self.note.toPlainText().strip() else {"note": self.required()}
        if self.same_target():
            found["tier"] = text("validation.transfer_same_target", self.lang)
        return found

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, assignee, tier = self.incident_id, value(self.member), value(self.tier)
        category, note = self.chosen_category(), self.note.toPlainText()
        return lambda: workflow.transfer(session, incident_id, note=note, category_id=category,
                                         tier=tier, assignee_id=assignee, version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Category"), self.category.currentText()),
                (self.tr("Level"), self.tier.currentText()),
                (self.tr("Person"), self.member.currentText()),
                (self.tr("Note"), self.note.toPlainText())]


# -- accept (R11) --------------------------------------------------------------------------
class AcceptDialog(ActionDialog):
    action = Action.ACCEPT

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Accept"))
        self.set_ok_text(self.tr("Acce&pt"))
        self.impact = QComboBox(self)
        fill_enum(self.impact, Impact, self.lang)
        select(self.impact, screen.view.incident.impact)
        hint = QLabel(self.tr("You become the assignee. Judge the impact again if it differs "
                              "from what was logged."), self)
        hint.setWordWrap(True)
        self.add("impact", self.tr("&Impact"), self.impact, hint)

    def make_call(self, session: Session, version: int) -> Call:
        chosen = value(self.impact)
        impact = None if chosen == self.screen.view.incident.impact else chosen
        incident_id = self.incident_id
        return lambda: workflow.accept(session, incident_id, impact=impact, version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Impact"), self.impact.currentText())]


# -- pending, resume and changes (R16–R18) ---------------------------------------------------
class PendDialog(ActionDialog):
    action = Action.PEND

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Set pending"))
        self.set_ok_text(self.tr("Set &pending"))
        self.wait_code = QComboBox(self)
        self.wait_code.setPlaceholderText(self.tr("Choose what the incident waits for…"))
        self.note = text_box(self, self.tr("Optional"))
        hint = QLabel(self.tr("Target clocks stop while the incident is pending."), self)
        self.add("wait_code", self.tr("&Wait code"), self.wait_code, hint)
        self.add("note", self.tr("&Note"), self.note)
        session = context.session
        call(self, context, lambda: choices.wait_codes(session),
             lambda rows: fill_rows(self.wait_code, rows, self.lang,
                                    placeholder=self.wait_code.placeholderText()))

    def problems(self) -> dict[str, str]:
        return {} if value(self.wait_code) is not None else {"wait_code": self.required()}

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, code, note = self.incident_id, value(self.wait_code), \
            self.note.toPlainText()
        return lambda: pending.set_pending(session, incident_id, wait_code_id=code, note=note,
                                           version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Wait code"), self.wait_code.currentText()),
                (self.tr("Note"), self.note.toPlainText())]


class ResumeDialog(ActionDialog):
    action = Action.RESUME

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Resume"))
        self.set_ok_text(self.tr("Res&ume"))
        self.note = text_box(self, self.tr("Optional: what arrived"))
        self.add("note", self.tr("&Note"), self.note)

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, note = self.incident_id, self.note.toPlainText()
        return lambda: pending.resume(session, incident_id, note=note, version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Note"), self.note.toPlainText())]


class RaiseChangeDialog(ActionDialog):
    action = Action.RAISE_CHANGE

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Raise change"))
        self.set_ok_text(self.tr("&Raise change"))
        self.title = QLineEdit(self)
        self.description = text_box(self)
        hint = QLabel(self.tr("The incident waits for the change and resumes when it is "
                              "closed."), self)
        hint.setWordWrap(True)
        self.add("title", self.tr("T&itle"), self.title, hint)
        self.add("description", self.tr("&Description"), self.description)

    def problems(self) -> dict[str, str]:
        title = self.title.text().strip()
        if not title:
            return {"title": self.required()}
        if len(title) > TITLE_MAX:
            return {"title": text("validation.too_long", self.lang, max=TITLE_MAX)}
        return {}

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, title = self.incident_id, self.title.text()
        description = self.description.toPlainText()
        return lambda: pending.raise_change(session, incident_id, title=title,
                                            description=description, version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Title"), self.title.text())]


class CloseChangeDialog(ActionDialog):
    """Closing a change raised from the incident; the incident resumes (R18)."""

    def __init__(self, context: UiContext, screen: Screen, change: ChangeRequest,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, screen, parent)
        self.change_id = int(change.id)
        self.version = int(change.version)
        self.setWindowTitle(self.tr("Close change %1").replace("%1", change.number))
        self.set_ok_text(self.tr("&Close change"))
        self.outcome = text_box(self, self.tr("What was done (required)"))
        self.add("outcome", self.tr("&Outcome"), self.outcome)

    def problems(self) -> dict[str, str]:
        return {} if self.outcome.toPlainText().strip() else {"outcome": self.required()}

    def make_call(self, session: Session, version: int) -> Call:
        change_id, outcome = self.change_id, self.outcome.toPlainText()
        return lambda: pending.close_change(session, change_id, outcome=outcome,
                                            version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Outcome"), self.outcome.toPlainText())]


# -- resolve, confirm, reject, close (R05, R20–R23) -------------------------------------------
class ResolveDialog(ActionDialog):
    action = Action.RESOLVE

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Resolve"))
        self.set_ok_text(self.tr("&Resolve"))
        self.resolution_type = QComboBox(self)
        fill_enum(self.resolution_type, ResolutionType, self.lang)
        self.resolution = text_box(self, self.tr("What restored the service"), 110)
        self.knowledge = QCheckBox(self.tr("Reusable as &knowledge"), self)
        self.add("resolution_type", self.tr("K&ind"), self.resolution_type)
        self.add("resolution", self.tr("Re&solution"), self.resolution)
        self.add("knowledge", "", self.knowledge)
        # the articles and resolved incidents like this one, to resolve with one click and
        # count the article's use (issue 16); typing over the text makes it the agent's own
        self.solution: Suggestion | None = None
        self.using = QLabel(self)
        self.using.setWordWrap(True)
        self.using.hide()
        self.suggestions = SuggestionsPanel(
            context, self, resolve_caption=self.tr("Use this"),
            resolve_tip=self.tr("Resolve this incident with this resolution"),
            may_link=False, may_open=False)
        self.suggestions.setMinimumHeight(200)
        self.suggestions.resolve_with.connect(self.use)
        self.resolution.textChanged.connect(self._typed)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(3, self.using)
        layout.insertWidget(4, self.suggestions, 1)
        self.setMinimumWidth(560)
        self.resize(620, 660)  # room for two suggestions without scrolling
        incident = screen.view.incident
        self.suggestions.update_query(f"{incident.title}\n{incident.description}",
                                      int(incident.category_id), None)

    def use(self, item: Suggestion) -> None:
        """Fill the resolution from a suggestion; the save then records which one was used."""
        self.resolution.setPlainText(item.resolution)
        self.solution = item
        self.knowledge.setChecked(False)
        self.knowledge.setEnabled(False)  # an article is knowledge already
        self.using.setText(self.tr("Resolving with %1. Change the text to write your own "
                                   "resolution instead.").replace("%1", item.number))
        self.using.show()

    def _typed(self) -> None:
        if self.solution is not None and \
                self.resolution.toPlainText() != self.solution.resolution:
            self.solution = None
            self.knowledge.setEnabled(True)
            self.using.hide()

    def problems(self) -> dict[str, str]:
        return {} if self.resolution.toPlainText().strip() else {"resolution": self.required()}

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, resolution = self.incident_id, self.resolution.toPlainText()
        kind, knowledge = value(self.resolution_type), self.knowledge.isChecked()
        chosen = self.solution
        if chosen is not None:
            article = chosen.id if chosen.kind == "article" else None
            source = chosen.id if chosen.kind != "article" else None
            return lambda: resolve_with(session, incident_id, article_id=article,
                                        source_incident_id=source, version=version)
        return lambda: workflow.resolve(session, incident_id, resolution=resolution,
                                        resolution_type=kind, knowledge=knowledge,
                                        version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Kind"), self.resolution_type.currentText()),
                (self.tr("Resolution"), self.resolution.toPlainText())]


class ConfirmDialog(ActionDialog):
    action = Action.CONFIRM

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Confirm result"))
        self.set_ok_text(self.tr("C&onfirm"))
        shown = QLabel(screen.view.incident.resolution, self)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = text_box(self, self.tr("Optional: what the caller said"))
        self.form.addRow(self.tr("Resolution"), shown)
        self.add("note", self.tr("&Note"), self.note)

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, note = self.incident_id, self.note.toPlainText()
        return lambda: workflow.confirm_resolution(session, incident_id, note=note,
                                                   version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Note"), self.note.toPlainText())]


class RejectDialog(ActionDialog):
    action = Action.REJECT

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Reject resolution"))
        self.set_ok_text(self.tr("Re&ject"))
        self.reason = text_box(self, self.tr("What the caller still sees (required)"))
        hint = QLabel(self.tr("The incident goes back to In progress; this is not a reopen."),
                      self)
        hint.setWordWrap(True)
        self.add("reason", self.tr("&Reason"), self.reason, hint)

    def problems(self) -> dict[str, str]:
        return {} if self.reason.toPlainText().strip() else {"reason": self.required()}

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, reason = self.incident_id, self.reason.toPlainText()
        return lambda: workflow.reject_resolution(session, incident_id, reason=reason,
                                                  version=version)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Reason"), self.reason.toPlainText())]


class CloseDialog(ActionDialog):
    action = Action.CLOSE

    def __init__(self, context: UiContext, screen: Screen, parent: QWidget | None = None
                 ) -> None:
        super().__init__(context, screen, parent)
        self.setWindowTitle(self.tr("Close"))
        self.set_ok_text(self.tr("C&lose incident"))
        incident = screen.view.incident
        resolution = QLabel(f"{label(ResolutionType(incident.resolution_type), self.lang)}: "
                            f"{incident.resolution}" if incident.resolution_type
                            else incident.resolution, self)
        resolution.setWordWrap(True)
        self.form.addRow(self.tr("Resolution"), resolution)
        # R21 needs the caller's confirmation: offered here, up front, when it is missing
        self.confirmed: QCheckBox | None = None
        if incident.confirmed_at is None:
            self.confirmed = QCheckBox(self.tr("The caller &confirmed the result just now"),
                                       self)
            self.confirmed.setObjectName("callerConfirmed")
            hint = QLabel(self.tr("The caller has not confirmed the result yet. Closing needs "
                                  "it: tick this when the caller confirms now, and both are "
                                  "recorded together."), self)
            hint.setWordWrap(True)
            self.add("confirmed", self.tr("Confirmation"), self.confirmed, hint)
        self.close_code = QComboBox(self)
        self.close_code.setPlaceholderText(self.tr("Choose a close code…"))
        self.notes = text_box(self, self.tr("Closing notes (required)"))
        self.satisfaction = QComboBox(self)
        self.satisfaction.setPlaceholderText(self.tr("Ask the caller…"))
        for score, caption in [(5, self.tr("5 – very satisfied")), (4, self.tr("4 – satisfied")),
                               (3, self.tr("3 – neutral")), (2, self.tr("2 – dissatisfied")),
                               (1, self.tr("1 – very dissatisfied"))]:
            self.satisfaction.addItem(caption, score)
        self.satisfaction.setCurrentIndex(-1)
        self.add("close_code", self.tr("Close &code"), self.close_code)
        self.add("notes", self.tr("&Notes"), self.notes)
        needed = screen.satisfaction_required
        hint = QLabel(self.tr("Required when the service desk closes the incident.") if needed
                      else self.tr("Optional."), self)
        self.add("satisfaction", self.tr("&Satisfaction"), self.satisfaction, hint)
        session = context.session
        call(self, context, lambda: choices.close_codes(session),
             lambda rows: fill_rows(self.close_code, rows, self.lang,
                                    placeholder=self.close_code.placeholderText()))

    def first_field(self) -> QWidget | None:
        if self.confirmed is not None and not self.confirmed.isChecked():
            return self.confirmed
        return super().first_field()

    def problems(self) -> dict[str, str]:
        found = {}
        if self.confirmed is not None and not self.confirmed.isChecked():
            found["confirmed"] = text("validation.confirm_first", self.lang)
        if value(self.close_code) is None:
            found["close_code"] = self.required()
        if not self.notes.toPlainText().strip():
            found["notes"] = self.required()
        if self.screen.satisfaction_required and value(self.satisfaction) is None:
            found["satisfaction"] = text("validation.satisfaction_required", self.lang)
        return found

    def make_call(self, session: Session, version: int) -> Call:
        incident_id, code = self.incident_id, value(self.close_code)
        notes, satisfaction = self.notes.toPlainText(), value(self.satisfaction)
        confirmed_now = self.confirmed is not None and self.confirmed.isChecked()
        return lambda: workflow.close(session, incident_id, close_code_id=code, notes=notes,
                                      satisfaction=satisfaction, version=version,
                                      caller_confirmed_now=confirmed_now)

    def summary(self) -> list[tuple[str, str]]:
        return [(self.tr("Close code"), self.close_code.currentText()),
                (self.tr("Notes"), self.notes.toPlainText()),
                (self.tr("Satisfaction"), self.satisfaction.currentText())]


DIALOGS: dict[Action, type[ActionDialog]] = {
    Action.ASSIGN: AssignDialog,
    Action.TRANSFER: TransferDialog,
    Action.ACCEPT: AcceptDialog,
    Action.PEND: PendDialog,
    Action.RESUME: ResumeDialog,
    Action.RAISE_CHANGE: RaiseChangeDialog,
    Action.RESOLVE: ResolveDialog,
    Action.CONFIRM: ConfirmDialog,
    Action.REJECT: RejectDialog,
    Action.CLOSE: CloseDialog,
}
