"""Which columns hold booleans: the models' ``BooleanField``s, which a file stores as 0 and 1
and a server as ``BOOLEAN``. Its own module, read by both the schema's translation
(``schema``) and the dialect (``dialect``: ``SET active = 1`` becomes ``TRUE``), so that
neither imports the other back."""

from __future__ import annotations

from desk_app.storage import models


def boolean_columns() -> dict[str, set[str]]:
    """Per table, the columns the models declare as ``BooleanField``."""
    result: dict[str, set[str]] = {}
    for value in vars(models).values():
        meta = getattr(value, "_meta", None)
        if meta is None or not hasattr(meta, "table_name") or value is models.BaseModel:
            continue
        for model_field in meta.sorted_fields:
            if isinstance(model_field, models.BooleanField):
                result.setdefault(meta.table_name, set()).add(model_field.column_name)
    return result
