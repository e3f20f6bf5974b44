"""Dates, times and durations in the reader's language (Babel), in local time."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from functools import cache

from babel import Locale
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_timedelta

from desk_app.i18n import Language

LOCALES: dict[Language, str] = {"en": "en_GB", "zh": "zh_CN"}


@cache
def _locale(lang: Language) -> Locale:
    """Parsed once: Babel parses a locale name on every call (about a millisecond), and a
    queue table formats a moment for every row it paints."""
    return Locale.parse(LOCALES[lang])


def local_zone() -> tzinfo | None:
    return datetime.now().astimezone().tzinfo


def format_moment(moment: datetime | None, lang: Language = "en",
                  zone: tzinfo | None = None) -> str:
    """A stored UTC moment shown in the workstation's time zone."""
    if moment is None:
        return ""
    local = moment.astimezone(zone or local_zone())
    return _babel_datetime(local, "yyyy-MM-dd HH:mm", locale=_locale(lang))


def format_duration(seconds: float, lang: Language = "en") -> str:
    """A short duration such as "3 hours" / "3小时"; negative values read as overdue."""
    text = format_timedelta(timedelta(seconds=abs(seconds)), threshold=1.5,
                            format="short", locale=_locale(lang))
    return f"-{text}" if seconds < 0 else text


def format_working_time(seconds: float, lang: Language = "en") -> str:
    """Working time exactly, in hours and minutes ("37 h 30 min" / "37小时30分钟"): a target
    counted on office hours must not read as rounded calendar days."""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    zh = lang == "zh"
    if hours:
        text = f"{hours}小时" if zh else f"{hours} h"
        if minutes:
            text += f"{minutes}分钟" if zh else f" {minutes} min"
    elif minutes:
        text = f"{minutes}分钟" if zh else f"{minutes} min"
    else:
        text = f"{secs}秒" if zh else f"{secs} s"
    return f"-{text}" if seconds < 0 else text
