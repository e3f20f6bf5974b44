"""Logging an incident while the caller is on the line (R01, R02, R05, R11–R14).

Keyboard first: the caller field has the focus, Tab walks the fields in the order a desk
person asks the questions, Ctrl+Enter logs, Escape cancels. Every problem shows under its
field in the user's language; a refused save keeps everything typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import ContactChannel, Impact, IncidentType, ResolutionType, Urgency
from desk_app.domain.priority import default_urgency, priority_of
from desk_app.domain.validation import TITLE_MAX
from desk_app.i18n import label, text
from desk_app.services.incident import choices
from desk_app.services.incident.choices import CallerChoice, CategoryChoice, LogChoices
from desk_app.services.incident.log import (
    FirstContactResolution,
    NewIncident,
    add_note,
    log_incident,
)
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.incident.caller_lookup import CallerLookup
from ui.incident.link_field import ClosedIncidentField
from ui.knowledge.suggestions import SuggestionsPanel
from ui.knowledge.template_picker import TemplatePicker
from ui.widgets.badges import PriorityBadge
from ui.widgets.calls import call
from ui.widgets.combos import fill_enum, select, value
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, field_box, show_failure
from ui.widgets.keys import SUBMIT_KEYS, shortcut, tab_order
from ui.widgets.levels import MeaningLabel, describe_items


class LogIncidentForm(QWidget):
    """The service desk's form for a new incident; ``logged`` carries the new id."""

    logged = Signal(int)
    cancelled = Signal()
    open_incident = Signal(int)  # a suggestion the person wants to see

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.choices: LogChoices | None = None
        self.categories: dict[int, CategoryChoice] = {}
        self.urgency_chosen = False  # the desk changed the R12 default by hand
        self.saving = False
        self.solution: object | None = None  # the suggestion being applied (ui.knowledge)
        self._build()
        self._connect()
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.load)
        self.load()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.lang
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)

        self.caller = CallerLookup(self.context, self)
        self.type = QComboBox(self)
        fill_enum(self.type, IncidentType, lang, self.tr("Choose the type…"))
        self.channel = QComboBox(self)
        fill_enum(self.channel, ContactChannel, lang)
        select(self.channel, ContactChannel.PHONE.value)  # R02: phone is the default
        self.category = QComboBox(self)
        self.category.setPlaceholderText(self.tr("Choose the category…"))
        self.route = QLabel(self)
        self.route.setStyleSheet("color:palette(mid);")
        self.impact = QComboBox(self)
        fill_enum(self.impact, Impact, lang, self.tr("Choose the impact…"))
        self.urgency = QComboBox(self)
        fill_enum(self.urgency, Urgency, lang)
        select(self.urgency, default_urgency(False).value)
        self.urgency_hint = QLabel(self)
        self.urgency_hint.setStyleSheet("color:palette(mid);")
        self.impact_meaning = MeaningLabel("impact", self)  # what the level means (R11)
        self.urgency_meaning = MeaningLabel("urgency", self)
        self.priority = PriorityBadge(self)
        self.priority.setAccessibleName(self.tr("Priority"))
        self.priority_hint = QLabel(self.tr("from the priority matrix"), self)
        self.priority_hint.setStyleSheet("color:palette(mid);")
        self.title = QLineEdit(self)
        self.title.setMaxLength(TITLE_MAX + 50)  # longer input is shown as a problem, not cut
        self.title.setPlaceholderText(self.tr("One line that says what is wrong"))
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the caller reports, in their words"))
        self.description.setMinimumHeight(90)
        self.linked = ClosedIncidentField(self.context, self)
        self.template = TemplatePicker(self.context, self)
        self.suggestions = SuggestionsPanel(self.context, self)

        # a tick box with the resolution's fields in a frame under it, shown only when
        # ticked (a checkable group box would leave an empty frame while unticked)
        self.first_contact = QCheckBox(self.tr("&Resolved at first contact"), self)
        self.first_contact.setChecked(False)
        self.fcr_box = QGroupBox(self)
        self.resolution_type = QComboBox(self)
        fill_enum(self.resolution_type, ResolutionType, lang)
        self.resolution = QPlainTextEdit(self)
        self.resolution.setTabChangesFocus(True)
        self.resolution.setPlaceholderText(self.tr("What restored the service for the caller"))
        self.resolution.setMinimumHeight(60)
        self.knowledge = QCheckBox(self.tr("Reusable as &knowledge"), self)

        self.save_button = QPushButton(self.tr("&Log incident"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Log the incident (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Close the form without logging (Esc)"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, str, QWidget, list[QWidget]]] = [
            ("template", self.tr("Te&mplate"), self.template, []),
            ("caller", self.tr("&Caller"), self.caller, []),
            ("type", self.tr("&Type"), self.type, []),
            ("channel", self.tr("C&hannel"), self.channel, []),
            ("category", self.tr("Cate&gory"), self.category, [self.route]),
            ("impact", self.tr("&Impact"), self.impact, [self.impact_meaning]),
            ("urgency", self.tr("&Urgency"), self.urgency,
             [self.urgency_meaning, self.urgency_hint]),
        ]
        for name, caption, widget, extra in rows:
            self._row(form, name, caption, widget, extra)
        priority_row = QHBoxLayout()
        priority_row.addWidget(self.priority)
        priority_row.addWidget(self.priority_hint)
        priority_row.addStretch(1)
        form.addRow(self.tr("Priority"), priority_row)
        self._row(form, "title", self.tr("Titl&e"), self.title, [])
        self._row(form, "description", self.tr("&Description"), self.description, [])
        self._row(form, "linked_incident", self.tr("Rel&ated closed incident"), self.linked, [])

        self.fcr_body = QWidget(self.fcr_box)
        QVBoxLayout(self.fcr_box).addWidget(self.fcr_body)
        fcr = QFormLayout(self.fcr_body)
        fcr.setContentsMargins(0, 0, 0, 0)
        error = ErrorLabel(self)
        self.errors.add("resolution_type", self.resolution_type, error)
        fcr.addRow(self.tr("Resolution t&ype"), field_box(self.resolution_type, error))
        error = ErrorLabel(self)
        self.errors.add("resolution", self.resolution, error)
        fcr.addRow(self.tr("Re&solution"), field_box(self.resolution, error))
        fcr.addRow("", self.knowledge)
        self._first_contact_toggled(False)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        body = QWidget(self)
        inner = QVBoxLayout(body)
        heading = QLabel(self.tr("Log an incident"), body)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        inner.addWidget(heading)
        inner.addWidget(self.bar)
        inner.addLayout(form)
        inner.addWidget(self.first_contact)
        inner.addWidget(self.fcr_box)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(self.suggestions)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.split = split
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        outer.addLayout(buttons)

        order = [self.template, self.caller.edit, self.caller.new_button, self.type, self.channel,
                 self.category, self.impact, self.urgency, self.title, self.description,
                 self.linked.edit, self.first_contact, self.resolution_type, self.resolution,
                 self.knowledge, self.save_button, self.cancel_button]
        tab_order(order)
        self.setFocusProxy(self.caller)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # the form and the suggestions side by side
            self._sized = True
            width = max(self.split.width(), 800)
            self.split.setSizes([width * 11 // 20, width * 9 // 20])

    def _row(self, form: QFormLayout, name: str, caption: str, widget: QWidget,
             extra: list[QWidget]) -> None:
        error = ErrorLabel(self)
        self.errors.add(name, widget, error)
        form.addRow(caption, field_box(widget, error, *extra))

    def _connect(self) -> None:
        self.caller.caller_changed.connect(self._caller_changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.impact.currentIndexChanged.connect(self._impact_changed)
        self.urgency.activated.connect(self._urgency_chosen)
        self.urgency.currentIndexChanged.connect(self._update_priority)
        self.type.currentIndexChanged.connect(lambda _i: self.errors.set("type", ""))
        self.title.textChanged.connect(lambda _t: self._check_title(live=True))
        self.title.editingFinished.connect(self._check_title)
        self.resolution.textChanged.connect(lambda: self.errors.set("resolution", ""))
        self.first_contact.toggled.connect(self._first_contact_toggled)
        self.linked.refused.connect(lambda message: self.errors.set("linked_incident", message))
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        self.template.chosen.connect(self._template_chosen)
        for signal in (self.title.textChanged, self.description.textChanged,
                       self.caller.caller_changed, self.category.currentIndexChanged):
            signal.connect(self._suggest)
        self.suggestions.resolve_with.connect(self.resolve_with)
        self.suggestions.link_to.connect(self._link_to)
        self.suggestions.open_incident.connect(self.open_incident)
        self.suggestions.note_to.connect(self.add_note_to)
        for signal in (self.title.textChanged, self.description.textChanged):
            signal.connect(lambda *_: self.suggestions.set_note_ready(bool(self.note_text())))
        for keys in SUBMIT_KEYS:
            shortcut(self, keys, self.submit)
        shortcut(self, Qt.Key.Key_Escape, self.cancel)

    # -- reference data ------------------------------------------------------------------
    def _hub_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.load()

    def load(self) -> None:
        session = self.context.session
        call(self, self.context, lambda: choices.log_choices(session), self._loaded,
             lambda error: show_failure(self.errors, error, self.lang))

    def _loaded(self, loaded: LogChoices) -> None:
        self.choices = loaded
        self.categories = {c.id: c for c in loaded.categories}
        current = value(self.category)
        self.category.blockSignals(True)
        self.category.clear()
        for category in loaded.categories:
            self.category.addItem(category.name(self.lang), category.id)
        self.category.setCurrentIndex(-1)
        if current is not None:
            select(self.category, current)
        self.category.blockSignals(False)
        self._category_changed()
        describe_items(self.impact, loaded.levels, "impact", self.lang)
        describe_items(self.urgency, loaded.levels, "urgency", self.lang)
        self._update_priority()

    @property
    def ready(self) -> bool:
        """The categories and the matrix have arrived."""
        return self.choices is not None

    # -- live behaviour --------------------------------------------------------------------
    def _caller_changed(self, caller: CallerChoice | None) -> None:
        self.errors.set("caller", "")
        default = default_urgency(caller.vip if caller else False)
        if not self.urgency_chosen:
            select(self.urgency, default.value)
        self._describe_urgency()

    def _urgency_chosen(self, _index: int) -> None:
        self.urgency_chosen = True
        self.errors.set("urgency", "")
        self._describe_urgency()

    def _describe_urgency(self) -> None:
        caller = self.caller.caller
        default = default_urgency(caller.vip if caller else False)
        name = label(default, self.lang)
        if caller is not None and caller.vip:
            hint = self.tr("Default for a VIP caller: %1").replace("%1", name)
        else:
            hint = self.tr("Default: %1").replace("%1", name)
        if value(self.urgency) not in (None, default.value):
            hint += " " + self.tr("(changed by you)")
        self.urgency_hint.setText(hint)

    def _category_changed(self, _index: int = -1) -> None:
        self.errors.set("category", "")
        category = self.categories.get(value(self.category))
        if category is None:
            self.route.setText(self.tr("Choose a category to see the support group it goes to"))
        else:
            self.route.setText(self.tr("Goes to support group: %1")
                               .replace("%1", category.group.name(self.lang)))

    def _impact_changed(self, _index: int) -> None:
        self.errors.set("impact", "")
        self._update_priority()

    def _update_priority(self, _index: int = -1) -> None:
        impact, urgency = value(self.impact), value(self.urgency)
        if self.choices is None or impact is None or urgency is None:
            self.priority.set_priority(None, self.lang, self.tr("Priority"))
            self.priority_value: int | None = None
        else:
            priority = priority_of(self.choices.matrix, Impact(impact), Urgency(urgency))
            self.priority.set_priority(priority.value, self.lang, self.tr("Priority"))
            self.priority_value = priority.value
        levels = self.choices.levels if self.choices is not None else {}
        self.impact_meaning.show_level(levels, impact, self.lang)
        self.urgency_meaning.show_level(levels, urgency, self.lang)
        self._describe_urgency()

    def _check_title(self, live: bool = False) -> None:
        content = self.title.text().strip()
        if len(content) > TITLE_MAX:
            self.errors.set("title", text("validation.too_long", self.lang, max=TITLE_MAX))
        elif content or live:
            self.errors.set("title", "")

    def _first_contact_toggled(self, on: bool) -> None:
        self.fcr_box.setVisible(on)
        self.save_button.setText(self.tr("&Log and resolve") if on else self.tr("&Log incident"))
        if not on:
            self.errors.set("resolution", "")

    # -- suggestions and templates (ui.knowledge) -----------------------------------------
    def _suggest(self, *_args: object) -> None:
        caller = self.caller.caller
        self.suggestions.update_query(
            f"{self.title.text()}\n{self.description.toPlainText()}", value(self.category),
            caller.id if caller else None)

    def _template_chosen(self, chosen: object) -> None:
        """Fill the form from a template; what was already typed is kept."""
        from desk_app.services.knowledge.templates import TemplateRow

        assert isinstance(chosen, TemplateRow)
        select(self.category, chosen.category_id)
        select(self.impact, chosen.impact)
        if not self.title.text().strip():
            self.title.setText(chosen.title)
        if not self.description.toPlainText().strip():
            self.description.setPlainText(chosen.description)
        self.title.setFocus()

    def _link_to(self, chosen: object) -> None:
        """R24: the new incident follows up a closed one the suggestions found."""
        number = getattr(chosen, "number", "")
        self.linked.edit.setText(number)
        self.linked.lookup()

    def resolve_with(self, chosen: object) -> None:
        """One click: log the incident resolved at first contact with the suggestion's
        resolution (R05). A form with problems shows them and keeps what was typed."""
        self.solution = chosen
        self.submit()

    # -- saving ----------------------------------------------------------------------------
    def note_text(self) -> str:
        """What was typed, as a work note for an incident the caller already has open."""
        title, description = self.title.text().strip(), self.description.toPlainText().strip()
        return "\n\n".join(part for part in (title, description) if part)

    def add_note_to(self, chosen: object) -> None:
        """One click: the caller is calling about an incident already open, so what was
        typed goes on it as a work note, and that incident opens, instead of a duplicate.
        Refused, the form keeps every typed character."""
        note, incident_id = self.note_text(), int(getattr(chosen, "id", 0))
        if not note or self.saving:
            return
        self.bar.clear()
        self._set_saving(True)
        session = self.context.session
        call(self, self.context, lambda: add_note(session, incident_id, note),
             lambda changes: self._noted(incident_id, changes), self._failed)

    def _noted(self, incident_id: int, _changes: Changes) -> None:
        self._set_saving(False)  # (the call has told the hub what changed)
        self.reset()
        self.logged.emit(incident_id)  # the shell closes the form and opens the incident

    def problems(self) -> dict[str, str]:
        """The form's own quick checks; the core checks everything again."""
        required = text("validation.required", self.lang)
        found: dict[str, str] = {}
        if self.caller.caller is None:
            found["caller"] = required
        for name, combo in (("type", self.type), ("category", self.category),
                            ("impact", self.impact), ("urgency", self.urgency)):
            if value(combo) is None:
                found[name] = required
        title = self.title.text().strip()
        if not title:
            found["title"] = required
        elif len(title) > TITLE_MAX:
            found["title"] = text("validation.too_long", self.lang, max=TITLE_MAX)
        if self.first_contact.isChecked() and not self.resolution.toPlainText().strip():
            found["resolution"] = required
        if self.linked.refusal:
            found["linked_incident"] = self.linked.refusal
        return found

    def submit(self) -> None:
        if self.saving:
            return
        if not self.linked.settled:  # Ctrl+Enter right after typing the number
            self.linked.lookup(then=self.submit)
            return
        found = self.problems()
        if self.solution is not None:
            found.pop("resolution", None)  # the suggestion brings the resolution
        if found:
            self.solution = None
            self.errors.show(found, text("error.validation", self.lang, count=len(found)))
            return
        self.errors.clear()
        caller = self.caller.caller
        form = NewIncident(
            caller_id=caller.id if caller else None, type=value(self.type),
            category_id=value(self.category), impact=value(self.impact),
            title=self.title.text(), description=self.description.toPlainText(),
            channel=value(self.channel) or ContactChannel.PHONE.value,
            urgency=value(self.urgency),
            linked_incident_id=self.linked.incident.id if self.linked.incident else None,
        )
        resolve = FirstContactResolution(
            self.resolution.toPlainText(), value(self.resolution_type)
            or ResolutionType.RESOLUTION.value, self.knowledge.isChecked(),
        ) if self.first_contact.isChecked() else None
        session = self.context.session
        self._set_saving(True)
        chosen, self.solution = self.solution, None
        if chosen is not None:
            from desk_app.services.knowledge.apply import log_resolved_with

            kind, chosen_id = getattr(chosen, "kind", ""), getattr(chosen, "id", 0)
            call(self, self.context, lambda: log_resolved_with(
                session, form, article_id=chosen_id if kind == "article" else None,
                source_incident_id=chosen_id if kind == "incident" else None),
                self._saved, self._failed)
            return
        call(self, self.context, lambda: log_incident(session, form, resolve), self._saved,
             self._failed)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)

    def _saved(self, changes: Changes) -> None:
        self._set_saving(False)
        created = changes.created
        self.reset()
        if created is not None:
            self.logged.emit(created)

    def _failed(self, error: BaseException) -> None:
        self._set_saving(False)
        show_failure(self.errors, error, self.lang)

    def reset(self) -> None:
        """Empty the form for the next call."""
        self.errors.clear()
        self.caller.set_caller(None)
        self.urgency_chosen = False
        self.type.setCurrentIndex(-1)
        select(self.channel, ContactChannel.PHONE.value)
        self.category.setCurrentIndex(-1)
        self.impact.setCurrentIndex(-1)
        select(self.urgency, default_urgency(False).value)
        self.title.clear()
        self.description.clear()
        self.linked.clear()
        self.first_contact.setChecked(False)
        self.resolution.clear()
        select(self.resolution_type, ResolutionType.RESOLUTION.value)
        self.knowledge.setChecked(False)
        self.template.reset()
        self.suggestions.clear()
        self._update_priority()
        self.caller.setFocus()

    def has_unsaved_changes(self) -> bool:
        """Whether closing the form would lose something typed (the shell asks first)."""
        return bool(
            self.caller.edit.text().strip() or self.title.text().strip()
            or self.description.toPlainText().strip() or self.resolution.toPlainText().strip()
            or self.linked.typed
            or any(value(c) is not None for c in (self.type, self.category, self.impact)))

    def cancel(self) -> None:
        if self.caller.completer.popup().isVisible():
            self.caller.completer.popup().hide()
            return
        self.cancelled.emit()
