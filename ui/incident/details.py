"""The incident's fields: editable where the core allows it (R04, R10, R12, R14), and the
facts of its stages read-only.

Edits are kept while the incident refreshes underneath them: a person's typing is never
replaced by someone else's newer version. Saving sends the version the edit started from,
so a clash with another workstation becomes a conflict the view shows, not an overwrite.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import (
    ContactChannel,
    Impact,
    IncidentType,
    ResolutionType,
    Stage,
    Urgency,
)
from desk_app.domain.validation import TITLE_MAX
from desk_app.errors import ConflictError
from desk_app.formatting import format_moment
from desk_app.i18n import label, text
from desk_app.services.incident.history import field_label
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.incident.caller_lookup import CallerLookup
from ui.incident.data import Screen
from ui.widgets.calls import call
from ui.widgets.combos import fill_enum, select, value
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, field_box, show_failure
from ui.widgets.keys import shortcut
from ui.widgets.levels import MeaningLabel, describe_items


class DetailsPanel(QWidget):
    saved = Signal(object)  # Changes
    conflict = Signal(object)  # ConflictError
    dirty_changed = Signal(bool)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.screen: Screen | None = None
        self.base: Screen | None = None  # the version the current edit started from
        self.saving = False
        self._filling = False
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)

        self.title = QLineEdit(self)
        self.title.setMaxLength(TITLE_MAX + 50)
        self.type = QComboBox(self)
        fill_enum(self.type, IncidentType, self.lang)
        self.channel = QComboBox(self)
        fill_enum(self.channel, ContactChannel, self.lang)
        self.caller = CallerLookup(context, self)
        self.caller.new_button.hide()
        self.category = QComboBox(self)
        self.impact = QComboBox(self)
        fill_enum(self.impact, Impact, self.lang)
        self.urgency = QComboBox(self)
        fill_enum(self.urgency, Urgency, self.lang)
        self.meanings = {"impact": MeaningLabel("impact", self),  # what the level means
                         "urgency": MeaningLabel("urgency", self)}
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(80)
        self.editors: dict[str, QWidget] = {
            "title": self.title, "type": self.type, "channel": self.channel,
            "caller": self.caller, "category": self.category, "impact": self.impact,
            "urgency": self.urgency, "description": self.description,
        }
        edit_box = QGroupBox(self.tr("Incident"), self)
        form = QFormLayout(edit_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions = {
            "title": self.tr("Title"), "type": self.tr("Type"),
            "channel": self.tr("Channel"), "caller": self.tr("Caller"),
            "category": self.tr("Category"), "impact": self.tr("Impact"),
            "urgency": self.tr("Urgency"), "description": self.tr("Description"),
        }
        for name, widget in self.editors.items():
            error = ErrorLabel(self)
            self.errors.add(name, widget, error)
            extra = [self.meanings[name]] if name in self.meanings else []
            form.addRow(captions[name], field_box(widget, error, *extra))

        self.save_button = QPushButton(self.tr("&Save changes"), self)
        self.save_button.setToolTip(self.tr("Save the changed fields (Ctrl+S)"))
        self.discard_button = QPushButton(self.tr("Discard changes"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        facts_box = QGroupBox(self.tr("Progress"), self)
        self.facts = QFormLayout(facts_box)
        self.fact_labels: dict[str, QLabel] = {}
        for key, caption in [
            ("stage", self.tr("Stage")), ("group", self.tr("Support group")),
            ("assignee", self.tr("Assignee")), ("logged", self.tr("Logged")),
            ("transfers", self.tr("Transfers")), ("escalations", self.tr("Escalations")),
            ("resolution", self.tr("Resolution")), ("resolved", self.tr("Resolved")),
            ("confirmed", self.tr("Confirmed")), ("closed", self.tr("Closed")),
            ("satisfaction", self.tr("Satisfaction")),
        ]:
            shown = QLabel(facts_box)
            shown.setWordWrap(True)
            shown.setAccessibleName(caption)
            self.fact_labels[key] = shown
            self.facts.addRow(caption, shown)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(edit_box)
        layout.addWidget(facts_box)
        layout.addStretch(1)

        for widget in (self.title,):
            widget.textEdited.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        for combo in (self.type, self.channel, self.category, self.impact, self.urgency):
            combo.currentIndexChanged.connect(self._edited)
        for combo in (self.impact, self.urgency):
            combo.currentIndexChanged.connect(self._show_meanings)
        self.caller.caller_changed.connect(self._edited)
        self.save_button.clicked.connect(lambda: self.save())
        self.discard_button.clicked.connect(self.discard)
        shortcut(self, "Ctrl+S", lambda: self.save())
        self._set_buttons()

    # -- showing -------------------------------------------------------------------------
    def show_screen(self, screen: Screen) -> None:
        """Show ``screen``; fields the person is editing keep their edits."""
        self.screen = screen
        self._show_facts(screen)
        editing = self.dirty()
        if not editing:
            self.base = screen
            self._fill(screen)
        elif self.base is not None and self.base.version != screen.version:
            self.bar.show_warning(self.tr(
                "Someone else changed this incident while you were editing. Your edits are "
                "kept; saving them will show both versions."))
        self._set_enabled(screen)
        self._set_buttons()

    def _fill(self, screen: Screen) -> None:
        incident = screen.view.incident
        self._filling = True
        self.title.setText(incident.title)
        select(self.type, incident.type)
        select(self.channel, incident.channel)
        self.caller.set_caller(screen.caller)
        self.category.clear()
        known = {c.id for c in screen.categories}
        for category in screen.categories:
            self.category.addItem(category.name(self.lang), category.id)
        if incident.category_id not in known:
            current = screen.view.category
            self.category.addItem(current.name_zh if self.lang == "zh" else current.name_en,
                                  current.id)
        select(self.category, incident.category_id)
        select(self.impact, incident.impact)
        select(self.urgency, incident.urgency)
        describe_items(self.impact, screen.levels, "impact", self.lang)
        describe_items(self.urgency, screen.levels, "urgency", self.lang)
        self._show_meanings()
        self.description.setPlainText(incident.description)
        self._filling = False
        self.errors.clear()

    def _show_meanings(self, *_args: object) -> None:
        levels = self.screen.levels if self.screen is not None else {}
        self.meanings["impact"].show_level(levels, value(self.impact), self.lang)
        self.meanings["urgency"].show_level(levels, value(self.urgency), self.lang)

    def _set_enabled(self, screen: Screen) -> None:
        for name, widget in self.editors.items():
            refusal = screen.fields.get(name)
            widget.setEnabled(refusal is None)
            widget.setToolTip("" if refusal is None else refusal.message(self.lang))

    def _show_facts(self, screen: Screen) -> None:
        view, lang = screen.view, self.lang
        incident = view.incident

        def name(row: object) -> str:
            return getattr(row, "name_zh" if lang == "zh" else "name_en", "") if row else ""

        stage = label(Stage(incident.stage), lang)
        if view.wait_code is not None:
            stage += " · " + self.tr("pending: %1").replace("%1", name(view.wait_code))
        facts = {
            "stage": stage,
            "group": name(view.group),
            "assignee": view.assignee.full_name if view.assignee else self.tr("(nobody yet)"),
            "logged": f"{view.created_by.full_name} · "
                      f"{format_moment(incident.created_at, lang)} · "
                      f"{label(ContactChannel(incident.channel), lang)}",
            "transfers": str(incident.reassignment_count),
            "escalations": str(incident.escalation_count),
            "resolution": "",
            "resolved": format_moment(incident.resolved_at, lang),
            "confirmed": format_moment(incident.confirmed_at, lang),
            "closed": "",
            "satisfaction": "" if incident.satisfaction is None else f"{incident.satisfaction}/5",
        }
        if incident.resolution:
            kind = label(ResolutionType(incident.resolution_type), lang) \
                if incident.resolution_type else ""
            facts["resolution"] = f"{kind}: {incident.resolution}" if kind else \
                incident.resolution
            if incident.knowledge:
                facts["resolution"] += " · " + self.tr("reusable as knowledge")
        if incident.closed_at is not None:
            facts["closed"] = f"{format_moment(incident.closed_at, lang)} · " \
                              f"{name(view.close_code)}"
            if incident.close_notes:
                facts["closed"] += f" · {incident.close_notes}"
        for key, shown in self.fact_labels.items():
            shown.setText(facts[key] or "—")

    # -- editing -------------------------------------------------------------------------
    def edited_fields(self) -> IncidentFields:
        """Only the fields the person changed, so that a save touches nothing else."""
        fields = IncidentFields()
        if self.base is None:
            return fields
        incident = self.base.view.incident
        if self.title.text() != incident.title:
            fields.title = self.title.text()
        if self.description.toPlainText() != incident.description:
            fields.description = self.description.toPlainText()
        for name, combo, current in [
            ("type", self.type, incident.type), ("channel", self.channel, incident.channel),
            ("impact", self.impact, incident.impact), ("urgency", self.urgency,
                                                        incident.urgency),
        ]:
            chosen = value(combo)
            if chosen is not None and chosen != current:
                setattr(fields, name, chosen)
        category = value(self.category)
        if category is not None and category != incident.category_id:
            fields.category_id = category
        caller = self.caller.caller
        if caller is not None and caller.id != incident.caller_id:
            fields.caller_id = caller.id
        return fields

    def changed_names(self) -> list[str]:
        fields = self.edited_fields()
        names = {"caller_id": "caller", "category_id": "category"}
        return [names.get(k, k) for k, v in vars(fields).items() if v is not None]

    def dirty(self) -> bool:
        return bool(self.changed_names())

    def summary(self) -> list[tuple[str, str]]:
        """The person's edits, for the conflict dialog."""
        shown = {
            "title": self.title.text(), "description": self.description.toPlainText(),
            "type": self.type.currentText(), "channel": self.channel.currentText(),
            "caller": self.caller.edit.text(), "category": self.category.currentText(),
            "impact": self.impact.currentText(), "urgency": self.urgency.currentText(),
        }
        return [(field_label(name, self.lang), shown[name]) for name in self.changed_names()]

    def _edited(self, *_args: object) -> None:
        if self._filling:
            return
        self._set_buttons()
        self.dirty_changed.emit(self.dirty())

    def _set_buttons(self) -> None:
        dirty = self.dirty()
        self.save_button.setEnabled(dirty and not self.saving)
        self.discard_button.setEnabled(dirty and not self.saving)

    def discard(self) -> None:
        self.base = self.screen
        if self.screen is not None:
            self._fill(self.screen)
            self._set_enabled(self.screen)
        self.bar.clear()
        self._set_buttons()
        self.dirty_changed.emit(False)

    def save(self, version: int | None = None) -> None:
        """Save the edits; ``version`` is given when reapplying them after a conflict."""
        if self.base is None or self.saving or not self.dirty():
            return
        problems = self.problems()
        if problems:
            self.errors.show(problems, text("error.validation", self.lang,
                                            count=len(problems)))
            return
        self.errors.clear()
        fields = self.edited_fields()
        session, incident_id = self.context.session, int(self.base.view.incident.id)
        base_version = version if version is not None else self.base.version
        self.saving = True
        self._set_buttons()
        call(self, self.context,
             lambda: update_incident(session, incident_id, fields, version=base_version),
             self._saved, self._failed)

    def problems(self) -> dict[str, str]:
        title = self.title.text().strip()
        if not title:
            return {"title": text("validation.required", self.lang)}
        if len(title) > TITLE_MAX:
            return {"title": text("validation.too_long", self.lang, max=TITLE_MAX)}
        if self.caller.caller is None:
            return {"caller": text("validation.required", self.lang)}
        return {}

    def _saved(self, changes: Changes) -> None:
        self.saving = False
        self.base = None  # the next screen becomes the base
        self.bar.clear()
        self._set_buttons()
        self.saved.emit(changes)

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self._set_buttons()
        if isinstance(error, ConflictError):
            self.bar.show_warning(error.message(self.lang))
            self.conflict.emit(error)
            return
        show_failure(self.errors, error, self.lang)
