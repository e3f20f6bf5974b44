"""The process owner's settings: priority matrix (R13), service targets (R15, R19), wait and
close codes (R17, R23), categories (R14), auto-close days (R23), escalation rules (R09)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desk_app.domain.enums import (
    OPEN_STAGES,
    EscalationReason,
    Impact,
    JournalAction,
    NotificationChannel,
    Priority,
    RecipientKind,
    TargetStage,
    Urgency,
)
from desk_app.domain.priority import priority_of
from desk_app.domain.validation import Problems
from desk_app.errors import ConflictError, ValidationError
from desk_app.services.admin.common import (
    bilingual_names,
    cas_update,
    check_unique,
    coded_names,
    get_row,
    require_owner,
    save_row,
)
from desk_app.services.arguments import checked
from desk_app.services.incident.editing import IncidentEdit
from desk_app.services.incident.lookups import active_group
from desk_app.services.process.targets import ClockSync
from desk_app.services.session import Changes, Session
from desk_app.storage.models import (
    Category,
    CloseCode,
    EscalationRule,
    Incident,
    PriorityCell,
    ServiceTarget,
    Setting,
    User,
    WaitCode,
    WorkingCalendar,
)

Cells = Mapping[tuple[int, int], int]


# -- priority matrix (R13) -------------------------------------------------------------------
def _checked_matrix(cells: Cells) -> dict[tuple[Impact, Urgency], Priority]:
    try:
        matrix = {(Impact(i), Urgency(u)): Priority(int(p)) for (i, u), p in cells.items()}
    except (ValueError, TypeError):
        raise ValidationError.single("matrix", "validation.matrix_incomplete") from None
    if len(matrix) != 16:
        raise ValidationError.single("matrix", "validation.matrix_incomplete")
    return matrix


def _open_incidents() -> list[Incident]:
    return list(Incident.select().where(Incident.stage.in_([s.value for s in OPEN_STAGES])))


@checked
def preview_matrix(session: Session, cells: Cells) -> int:
    """How many open incidents sit in a cell whose priority ``cells`` changes: those that
    would take a new priority if the process owner re-prioritised them with the save."""
    matrix = _checked_matrix(cells)

    def count() -> int:
        return sum(
            1 for incident in _open_incidents()
            if priority_of(matrix, Impact(incident.impact), Urgency(incident.urgency)).value
            != incident.priority
        )

    return session.read(count)


@checked
def save_matrix(session: Session, cells: Cells, versions: Mapping[tuple[int, int], int] | None
                = None, reprioritise_open: bool = False) -> Changes:
    """Replace the matrix; every cell keeps a value (R13). A change applies from then on:
    to incidents logged after it, and to an open incident when its impact or urgency next
    changes. Resolved and closed incidents, and all history, keep what they had.

    With ``reprioritise_open`` the open incidents whose cell changed take the new priority
    now, journalled (R10), and their running targets are re-matched counting from the
    change (R19 with ``restart``): time that passed before the change never makes one
    breach or escalate (docs/decisions.md, "A matrix change applies from then on")."""
    matrix = _checked_matrix(cells)

    def run() -> Changes:
        require_owner(session)
        for cell in PriorityCell.select():
            key = (cell.impact, cell.urgency)
            if versions is not None and key in versions:
                get_row(PriorityCell, cell.id, versions[key])
            new = matrix[(Impact(cell.impact), Urgency(cell.urgency))].value
            if new != cell.priority:
                cas_update(PriorityCell, cell, {"priority": new})
        if not reprioritise_open:
            return Changes(reference=True)
        now = session.clock.now()
        sync = ClockSync()
        changed: set[int] = set()
        for incident in _open_incidents():
            priority = priority_of(matrix, Impact(incident.impact), Urgency(incident.urgency))
            if priority.value == incident.priority:
                continue
            edit = IncidentEdit(session, incident, JournalAction.REPRIORITISE, "matrix")
            edit.set("priority", priority.value)
            sync(edit, now, restart=True)
            edit.save()
            changed.add(incident.id)
        return Changes(incidents=frozenset(changed), reference=True)

    return session.write(run)


def current_matrix(session: Session) -> dict[tuple[int, int], tuple[int, int]]:
    """(impact, urgency) -> (priority, version), for an editor."""
    return session.read(lambda: {
        (c.impact, c.urgency): (c.priority, c.version) for c in PriorityCell.select()})


# -- service targets (R15, R19) ----------------------------------------------------------------
#: The longest target a process owner may set: a year of working time (525,600 minutes).
#: Targets feed the calendar's arithmetic on every logging; 10^12 minutes made every
#: incident of that priority fail to log.
TARGET_MAX_MINUTES = 525_600


def _small_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31


@checked
def save_target(session: Session, priority: int, stage: TargetStage | str, minutes: int,
                calendar_id: int, version: int | None = None) -> Changes:
    """Change one target. Running clocks keep the target they were matched to; incidents
    take the new one from their next re-match (R13's "from then on")."""

    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            problems.add("minutes", "validation.positive_minutes")
        elif minutes > TARGET_MAX_MINUTES:  # a due time past the calendar's range
            problems.add("minutes", "validation.target_too_long", max=TARGET_MAX_MINUTES)
        if not _small_int(calendar_id) or WorkingCalendar.get_or_none(
                WorkingCalendar.id == calendar_id) is None:
            problems.add("calendar", "validation.invalid_choice")
        if not _small_int(priority) or priority not in (1, 2, 3, 4):
            problems.add("priority", "validation.invalid_choice")
        try:
            stage_value = TargetStage(stage).value
        except ValueError:
            problems.add("stage", "validation.invalid_choice")
        problems.raise_if_any()
        row = ServiceTarget.get_or_none(
            (ServiceTarget.priority == int(priority)) & (ServiceTarget.stage == stage_value))
        if row is None:
            raise ValidationError.single("priority", "validation.invalid_choice")
        if version is not None:
            get_row(ServiceTarget, row.id, version)
        cas_update(ServiceTarget, row, {"minutes": minutes, "calendar": calendar_id})
        return Changes(reference=True)

    return session.write(run)


# -- wait and close codes (R17, R23) -------------------------------------------------------------
@dataclass
class CodeForm:
    code: str
    name_en: str
    name_zh: str
    active: bool = True


def _save_code(session: Session, model: type[WaitCode] | type[CloseCode], form: CodeForm,
               row_id: int | None, version: int | None) -> Changes:
    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        values: dict[str, object] = coded_names(problems, form.code, form.name_en,
                                                form.name_zh)
        check_unique(problems, model, "code", values["code"], row_id)
        problems.raise_if_any()
        values["active"] = form.active
        if row_id is not None:
            row = get_row(model, row_id, version)
            if row.system and (values["code"] != row.code or not form.active):
                raise ValidationError.single("code", "validation.system_code")
        saved = save_row(model, row_id, version, values)
        return Changes(reference=True, created=saved.id if row_id is None else None)

    return session.write(run)


@checked
def save_wait_code(session: Session, form: CodeForm, row_id: int | None = None,
                   version: int | None = None) -> Changes:
    return _save_code(session, WaitCode, form, row_id, version)


@checked
def save_close_code(session: Session, form: CodeForm, row_id: int | None = None,
                    version: int | None = None) -> Changes:
    return _save_code(session, CloseCode, form, row_id, version)


# -- categories (R14) ------------------------------------------------------------------------
@dataclass
class CategoryForm:
    code: str
    name_en: str
    name_zh: str
    group_id: int | None
    tier2_group_id: int | None = None
    active: bool = True


@checked
def save_category(session: Session, form: CategoryForm, row_id: int | None = None,
                  version: int | None = None) -> Changes:
    """A category and the support group it dispatches to. Incidents already routed keep
    their group; the mapping decides future dispatches and transfers."""

    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        values: dict[str, object] = coded_names(problems, form.code, form.name_en,
                                                form.name_zh)
        active_group(problems, form.group_id, "group")
        if form.tier2_group_id is not None:
            active_group(problems, form.tier2_group_id, "tier2_group")
        check_unique(problems, Category, "code", values["code"], row_id)
        problems.raise_if_any()
        values.update(group=form.group_id, tier2_group=form.tier2_group_id, active=form.active)
        saved = save_row(Category, row_id, version, values)
        return Changes(reference=True, created=saved.id if row_id is None else None)

    return session.write(run)


# -- settings --------------------------------------------------------------------------------
def _save_number_setting(session: Session, key: str, value: int, low: int, high: int,
                         version: int | None) -> Changes:
    """A whole-number setting, compare-and-set on its version like every editable row."""

    def run() -> Changes:
        require_owner(session)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValidationError.single(key, "validation.whole_number", min=low, max=high)
        row = Setting.get_or_none(Setting.key == key)
        if row is None:
            Setting.create(key=key, value=str(value))
            return Changes(reference=True)
        if version is not None and row.version != version:
            raise ConflictError("error.row_conflict", current_version=row.version)
        updated = Setting.update(value=str(value), version=row.version + 1).where(
            (Setting.key == key) & (Setting.version == row.version)).execute()
        if updated != 1:
            raise ConflictError("error.row_conflict")
        return Changes(reference=True)

    return session.write(run)


@checked
def save_auto_close_days(session: Session, days: int, version: int | None = None) -> Changes:
    """R23: how many days a resolved incident waits for confirmation before the system
    closes it."""
    return _save_number_setting(session, "auto_close_days", days, 1, 365, version)


@checked
def save_backup_keep_days(session: Session, days: int, version: int | None = None) -> Changes:
    """How many days backups are kept (the newest few are kept whatever their age)."""
    return _save_number_setting(session, "backup_keep_days", days, 1, 3650, version)


@checked
def setting_with_version(session: Session, key: str) -> tuple[str, int | None]:
    """(value, version) for an editor; the default, with no version, if never saved."""
    from desk_app.storage.reference import DEFAULT_SETTINGS

    if key not in DEFAULT_SETTINGS:
        raise ValidationError.single("key", "validation.invalid_choice")
    row = session.read(lambda: Setting.get_or_none(Setting.key == key))
    return (row.value, row.version) if row is not None else (DEFAULT_SETTINGS[key], None)


# -- escalation rules (R09) ----------------------------------------------------------------------
@dataclass
class RuleForm:
    name_en: str
    name_zh: str
    recipient: RecipientKind | str
    channels: list[NotificationChannel | str]
    user_id: int | None = None
    max_priority: int | None = None
    min_escalations: int | None = None
    reason: str | None = None
    category_id: int | None = None
    active: bool = True


@checked
def save_escalation_rule(session: Session, form: RuleForm, row_id: int | None = None,
                         version: int | None = None) -> Changes:
    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        names = bilingual_names(problems, form.name_en, form.name_zh)
        try:
            recipient = RecipientKind(form.recipient)
        except ValueError:
            problems.add("recipient", "validation.invalid_choice")
            recipient = None
        try:
            channels = sorted({NotificationChannel(c).value for c in form.channels})
        except ValueError:
            problems.add("channels", "validation.invalid_choice")
            channels = []
        if not channels:
            problems.add("channels", "validation.required")
        if recipient == RecipientKind.USER and form.user_id is None:
            problems.add("user", "validation.required")
        if form.max_priority is not None and form.max_priority not in (1, 2, 3, 4):
            problems.add("max_priority", "validation.invalid_choice")
        if form.min_escalations is not None and (
                not isinstance(form.min_escalations, int) or not 1 <= form.min_escalations <= 9):
            problems.add("min_escalations", "validation.whole_number", min=1, max=9)
        if form.reason is not None and form.reason not in {r.value for r in EscalationReason}:
            problems.add("reason", "validation.invalid_choice")
        if form.category_id is not None and Category.get_or_none(
                Category.id == form.category_id) is None:
            problems.add("category", "validation.invalid_choice")
        if form.user_id is not None and User.get_or_none(User.id == form.user_id) is None:
            problems.add("user", "validation.invalid_choice")
        problems.raise_if_any()
        assert recipient is not None
        values = {**names, "recipient": recipient.value, "channels": ",".join(channels),
                  "user": form.user_id, "max_priority": form.max_priority,
                  "min_escalations": form.min_escalations, "reason": form.reason or None,
                  "category": form.category_id, "active": form.active}
        saved = save_row(EscalationRule, row_id, version, values)
        return Changes(reference=True, created=saved.id if row_id is None else None)

    return session.write(run)




@dataclass(frozen=True)
class RuleView:
    id: int
    version: int
    form: RuleForm


def escalation_rules(session: Session) -> list[RuleView]:
    """The rules as forms, for the process owner's editor."""

    def run() -> list[RuleView]:
        return [RuleView(r.id, r.version, RuleForm(
            r.name_en, r.name_zh, r.recipient, [c for c in r.channels.split(",") if c],
            r.user_id, r.max_priority, r.min_escalations, r.reason, r.category_id, r.active))
            for r in EscalationRule.select().order_by(EscalationRule.id)]

    return session.read(run)


@dataclass(frozen=True)
class RuleChoices:
    """What a rule may name: people (for "a named person") and categories."""

    users: tuple[tuple[int, str], ...]
    categories: tuple[tuple[int, str, str], ...]


def escalation_rule_choices(session: Session) -> RuleChoices:
    def run() -> RuleChoices:
        return RuleChoices(
            tuple((u.id, u.full_name) for u in User.select().where(User.active)
                  .order_by(User.full_name)),
            tuple((c.id, c.name_en, c.name_zh) for c in Category.select().where(Category.active)
                  .order_by(Category.code)))

    return session.read(run)
