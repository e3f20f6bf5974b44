"""How incident text is cut into words for the full-text index, and how a query is cut the
same way.

SQLite's ``unicode61`` tokenizer separates words at spaces and punctuation, which Chinese does
not use: a whole Chinese sentence would become one "word". The ``trigram`` tokenizer cannot
match queries shorter than three characters, and most Chinese words (网络, 邮件, 密码) have
two. So runs of CJK characters are written into the index as overlapping bigrams, each run
ending with its last character alone (网络中断 → ``网络 络中 中断 断``); a query is cut the same
way and searched as a phrase, and a one-character query as a prefix, which finds every
position because every character starts either a bigram or the closing single. Latin words
pass through to ``unicode61`` unchanged (case and accents folded by the tokenizer).

The database calls ``index_text`` from its triggers (registered as ``desk_search_text`` on
every connection the program opens), so the index is kept by the same transaction that
changes the text, whichever service wrote it.
"""

from __future__ import annotations

import re
import unicodedata

#: Scripts written without spaces between words: Han (with extensions and compatibility
#: ideographs), Japanese kana, Hangul syllables.
_CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\U00020000-\U0003134f"  # Extensions B–G
)
_RUN = re.compile(f"([{_CJK}]+)")
_WORD = re.compile(r"[^\W_]+")

SQL_FUNCTION = "desk_search_text"


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_text(text: str | None) -> str:
    """The text as the index stores it: CJK runs as bigrams, everything else as written."""
    if not text:
        return ""
    parts: list[str] = []
    for index, piece in enumerate(_RUN.split(unicodedata.normalize("NFKC", text))):
        if not piece:
            continue
        if index % 2:  # a CJK run
            parts.extend(_bigrams(piece))
        else:
            parts.append(piece.strip())
    return " ".join(p for p in parts if p)


def match_query(text: str) -> str | None:
    """An FTS5 MATCH expression for what a person typed: every term must occur.

    A CJK run of two or more characters becomes a phrase of its bigrams (without the closing
    single, so that 网络 also matches inside 网络中断); a single CJK character and every Latin
    word become prefix terms, so that typing can stop mid-word, except a Latin word of one
    letter or digit, which is matched whole: as a prefix it would stand for nearly every
    word of the index ("a"* read every word beginning with a: 70 ms at 100,000 incidents,
    for the A of "A-1234"). Terms are quoted, so nothing a person types can be read as FTS5
    syntax. None when there is nothing to search for.
    """
    terms: list[str] = []
    for index, piece in enumerate(_RUN.split(unicodedata.normalize("NFKC", text or ""))):
        if not piece:
            continue
        if index % 2:
            if len(piece) == 1:
                terms.append(f'"{piece}"*')
            else:
                grams = [piece[i:i + 2] for i in range(len(piece) - 1)]
                terms.append('"' + " ".join(grams) + '"')
        else:
            terms.extend(f'"{word}"*' if len(word) > 1 else f'"{word}"'
                         for word in _WORD.findall(piece))
    return " ".join(terms) if terms else None
