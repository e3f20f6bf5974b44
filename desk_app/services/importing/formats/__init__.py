"""What each tool's export looks like: its column names, dates and vocabulary.

A preset is only a starting point for the mapping: the person sees it in the preview and
changes what does not fit their tool's configuration; what they choose is remembered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desk_app.services.importing.formats import glpi, plain, servicenow


@dataclass(frozen=True)
class Preset:
    name: str
    #: our field -> the column names this tool uses for it, the first present wins
    columns: dict[str, tuple[str, ...]]
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    date_formats: tuple[str, ...] = ()
    null_values: tuple[str, ...] = ()


FORMATS: dict[str, Preset] = {
    module.NAME: Preset(module.NAME, module.COLUMNS, module.VALUES, module.DEFAULTS,
                        module.DATE_FORMATS, module.NULL_VALUES)
    for module in (servicenow, glpi, plain)
}
