"""Any CSV: our own field names as columns, unless the mapping says otherwise; ISO dates."""

NAME = "csv"

COLUMNS: dict[str, tuple[str, ...]] = {}  # filled by name: see ``mapping.guess_columns``

VALUES: dict[str, dict[str, str]] = {}

DEFAULTS = {"type": "system_fault", "channel": "phone"}
DATE_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%d-%m-%Y %H:%M", "%Y-%m-%d")
NULL_VALUES = ()
