"""What a queue and an incident look like on paper: HTML in the person's language, which
the workstation lays out with Qt's ``QTextDocument`` and sends to a printer or Qt's PDF
writer (``ui.bulk.printing``). Kept in the core so that the words and the order of what is
printed are tested without a printer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from desk_app.domain.enums import ContactChannel, IncidentType, Priority, Stage
from desk_app.formatting import format_moment
from desk_app.i18n import Language, label, text
from desk_app.services.arguments import checked
from desk_app.services.bulk.tables import cells, header
from desk_app.services.incident.history import (
    action_text,
    actor_text,
    change_lines,
    field_label,
    load_names,
    note_text,
)
from desk_app.services.incident.queries import incident_view
from desk_app.services.lists.queues import QueueRow
from desk_app.services.session import Session

#: The columns that fit a page across (the rest are in the export).
PRINTED = ("number", "priority", "stage", "title", "group", "assignee", "caller",
           "next_target", "updated")

_STYLE = """
<style>
body { font-family: sans-serif; font-size: 9pt; }
h1 { font-size: 14pt; margin-bottom: 2pt; }
h2 { font-size: 11pt; margin-top: 10pt; }
p.meta { color: #555555; font-size: 8pt; }
table { border-collapse: collapse; }
th { background: #e8e8e8; text-align: left; }
td, th { padding: 2pt 4pt; border: 1px solid #bbbbbb; vertical-align: top; }
td.label { font-weight: bold; width: 25%; }
</style>
"""


def _page(title: str, meta: str, body: str, lang: Language) -> str:
    return (f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
            f"<meta charset=\"utf-8\"><title>{escape(title)}</title>{_STYLE}</head><body>"
            f"<h1>{escape(title)}</h1><p class=\"meta\">{escape(meta)}</p>{body}"
            "</body></html>")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    parts = ['<table width="100%" cellspacing="0"><thead><tr>']
    parts += [f"<th>{escape(h)}</th>" for h in head]
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(
            f"<td>{escape(c).replace(chr(10), '<br>')}</td>" for c in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def queue_html(title: str, rows: Sequence[QueueRow], lang: Language, now: datetime,
               printed_by: str) -> str:
    """A queue on paper: its name, when and by whom it was printed, how many incidents,
    and one line per incident."""
    meta = text("bulk.print.meta", lang, when=format_moment(now, lang), who=printed_by,
                count=len(rows))
    table = _table(header(lang, PRINTED), [cells(r, lang, PRINTED) for r in rows])
    return _page(title, meta, table, lang)


@checked
def incident_html(session: Session, incident_id: int, lang: Language) -> str:
    """An incident on paper: its fields, its description and resolution, and its whole
    history (who did what and when, what changed, the notes) in the person's language."""
    view = incident_view(session, incident_id)
    names = load_names(session, view.journal)
    incident = view.incident

    def name(row: object) -> str:
        if row is None:
            return "—"
        zh, en = getattr(row, "name_zh", ""), getattr(row, "name_en", None)
        if en is None:
            return str(getattr(row, "full_name", None) or getattr(row, "name", ""))
        return zh if lang == "zh" and zh else en

    stage = label(Stage(incident.stage), lang)
    if view.wait_code is not None:
        stage += f" · {name(view.wait_code)}"
    fields = [
        ("title", incident.title),
        ("stage", stage),
        ("priority", label(Priority(incident.priority), lang)),
        ("type", label(IncidentType(incident.type), lang)),
        ("channel", label(ContactChannel(incident.channel), lang)),
        ("caller", view.caller.name + (" (VIP)" if view.caller.vip else "")),
        ("category", name(view.category)),
        ("group", name(view.group)),
        ("assignee", view.assignee.full_name if view.assignee else "—"),
        ("created_by", f"{view.created_by.full_name}, "
                       f"{format_moment(incident.created_at, lang)}"),
        ("reassignment_count", str(incident.reassignment_count)),
        ("escalation_count", str(incident.escalation_count)),
    ]
    if view.close_code is not None:
        fields.append(("close_code", name(view.close_code)))
    rows = "".join(f'<tr><td class="label">{escape(field_label(key, lang))}</td>'
                   f"<td>{escape(value)}</td></tr>" for key, value in fields)
    body = f'<table width="100%" cellspacing="0">{rows}</table>'
    for key, value in (("description", incident.description),
                       ("resolution", incident.resolution),
                       ("notes", incident.close_notes)):
        if value and value.strip():
            body += (f"<h2>{escape(field_label(key, lang))}</h2>"
                     f"<p>{escape(value).replace(chr(10), '<br>')}</p>")
    history = [[format_moment(entry.at, lang), actor_text(entry, lang),
                action_text(entry, lang),
                "\n".join(change_lines(entry, lang, names)), note_text(entry, lang)]
               for entry in view.journal]
    body += f"<h2>{escape(text('bulk.print.history', lang))}</h2>"
    body += _table([text(f"bulk.print.{k}", lang) for k in ("when", "who", "what",
                                                             "changes", "note")], history)
    meta = text("bulk.print.incident_meta", lang, when=format_moment(session.clock.now(),
                                                                     lang),
                who=session.full_name)
    return _page(f"{incident.number} · {incident.title}", meta, body, lang)
