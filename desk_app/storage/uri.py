"""SQLite URIs for a file path, with every character of the path kept.

A URI made by formatting (``f"file:{path}?mode=ro"``) breaks on legal folder names: a ``#``
starts the fragment, so ``?mode=ro`` was cut off and SQLite opened (or created) another
file; a ``%20`` was decoded to a space, so a good backup looked missing; a ``?`` in a name
started the query. Here the path is made absolute and percent-encoded (UTF-8, as SQLite
decodes it), and the query is built separately. Windows drive letters become
``file:///C:/…`` and UNC paths ``file:////server/share/…``, as SQLite's URI rules say.
"""

from __future__ import annotations

import ntpath
import os
from pathlib import Path, PurePath
from urllib.parse import quote, urlencode


def sqlite_uri(path: str | PurePath, *, windows: bool | None = None, **query: str) -> str:
    """The URI naming ``path`` (made absolute), with ``query`` (``mode="ro"``, ``vfs=…``)."""
    windows = os.name == "nt" if windows is None else windows
    text = str(path)
    if windows:
        text = ntpath.abspath(text) if os.name == "nt" else text
        text = text.replace("\\", "/")
        if text.startswith("//"):  # \\server\share\… : an empty authority, then //server
            prefix, rest = "file://", text
        else:  # C:/… : an empty authority, then /C:/…
            prefix, rest = "file://", "/" + text.lstrip("/")
    else:
        prefix, rest = "file://", str(Path(text).absolute())
    encoded = quote(rest, safe="/:" if windows else "/")
    return prefix + encoded + (f"?{urlencode(query)}" if query else "")
