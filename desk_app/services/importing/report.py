"""An import's outcome in the reader's language: the summary, each refusal with its line
and reason, and what the import created or would create."""

from __future__ import annotations

from desk_app.domain.enums import Stage
from desk_app.i18n import Language, Term, label, text
from desk_app.services.importing.history import Refusal
from desk_app.services.importing.run import ImportReport


def reason_text(refusal: Refusal, lang: Language) -> str:
    params: dict[str, object] = {}
    for name, value in refusal.params.items():
        if name == "field":
            params[name] = Term(f"import.field.{value}")
        elif name == "kind":
            params[name] = Term(f"import.kind.{value}")
        elif name in ("source", "target") and value in {s.value for s in Stage}:
            params[name] = label(Stage(str(value)), lang)
        else:
            params[name] = value
    return text(refusal.key, lang, **params)


def refusal_line(refusal: Refusal, lang: Language) -> str:
    return text("import.report.refused_row", lang, line=refusal.line,
                number=refusal.number or "?", reason=reason_text(refusal, lang))


def summary(report: ImportReport, lang: Language) -> str:
    key = "import.report.dry_run" if report.dry_run else "import.report.done"
    return text(key, lang, rows=report.rows, incidents=report.incidents, added=report.added,
                updated=report.updated, unchanged=report.unchanged,
                refused=len({r.number for r in report.refused}),
                rate=f"{report.rows_per_second:.0f}")


def created_lines(report: ImportReport, lang: Language) -> list[str]:
    """What the import created (or, in a dry run, would create), a line per kind."""
    result = []
    for kind, values in report.created.items():
        examples = ", ".join(values[:5]) + (", …" if len(values) > 5 else "")
        result.append(text("import.report.created", lang, kind=Term(f"import.kind.{kind}"),
                           count=len(values), examples=examples))
    return result


def lines(report: ImportReport, lang: Language) -> list[str]:
    """The whole report: the summary, what is created, then every refusal."""
    result = [summary(report, lang), *created_lines(report, lang)]
    result += [refusal_line(r, lang) for r in report.refused]
    if report.cancelled:
        result.append(text("import.report.cancelled", lang))
    return result
