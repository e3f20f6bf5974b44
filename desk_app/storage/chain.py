"""The hash chain's two SQL functions (migration 0022), registered on every connection.

``desk_chain(prev, seq, kind, payload)`` is the next link: SHA-256 over the previous link, the
row's place in the sequence, its table and its content (a ``json_array`` the triggers build,
so that the check rebuilds exactly the same text). ``desk_digest(text)`` is the SHA-256 an
incident's witness keeps instead of the text itself. A program without these functions (the
plain ``sqlite3`` shell) cannot write the chained tables without first dropping the triggers,
and whatever it then writes does not carry a valid link.
"""

from __future__ import annotations

import hashlib

CHAIN_FUNCTION = "desk_chain"
DIGEST_FUNCTION = "desk_digest"


def link(prev: str | None, seq: int, kind: str, payload: str | None) -> str:
    text = f"{prev or ''}\x1f{seq}\x1f{kind}\x1f{payload or ''}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def register(db: object) -> None:
    """Register both functions on a peewee database (every connection it opens)."""
    db.register_function(link, CHAIN_FUNCTION, 4, deterministic=True)  # type: ignore[attr-defined]
    db.register_function(digest, DIGEST_FUNCTION, 1, deterministic=True)  # type: ignore[attr-defined]


def register_sqlite(conn: object) -> None:
    """The same on a plain ``sqlite3`` connection (backups checked, restores)."""
    conn.create_function(CHAIN_FUNCTION, 4, link, deterministic=True)  # type: ignore[attr-defined]
    conn.create_function(DIGEST_FUNCTION, 1, digest, deterministic=True)  # type: ignore[attr-defined]
