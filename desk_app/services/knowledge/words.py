"""Cutting what a caller said into the words two texts can have in common.

Chinese has no spaces, so a Chinese run is cut into overlapping bigrams, exactly as the
full-text indexes store it (``desk_app.storage.segment``): 老是断开 → 老是 是断 断开, and the
index finds 断开 in 网络连接断开. Latin words are folded to lower case and stripped of a few
English endings, and are matched as prefixes, so that "disconnecting" finds "disconnects".
Words that say nothing about the problem (the, my, 老是, 一下) are dropped: a match on them
would rank any chatty text high.
"""

from __future__ import annotations

import re
import unicodedata

from desk_app.storage.segment import _RUN, _WORD

#: At most this many words of a query are searched for: a pasted log file is no query.
MAX_TERMS = 24

def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP_EN = _listed("""
a an the and or but if is are was were be been being am i me my mine we our you your he she it
its they them their this that these those to of in on at by for with from up down out over
again keeps keep kept still just very really not no can cannot cant can't could would should
will won't dont don't doesnt doesn't didnt didn't isnt isn't has have had do does did please
help hi hello thanks thank some any all since when what which who how why there here today
now always every time times then than so too also get gets got getting any anymore while
after about before around only ever each few lot seems like even one
""")

STOP_ZH = _listed("""
我的 我们 你们 他们 她们 这个 那个 一个 一下 一直 老是 总是 还是 就是 不是 可以 好像 怎么 为什么
什么 今天 现在 时候 一些 有点 有些 请帮 帮忙 帮我 麻烦 谢谢 您好 你好 又出 出现 突然 经常
的 了 吗 呢 吧 啊 呀 嗯 么 又 我 你 他 她
""")
#: Filler is cut out of a Chinese run before it is cut into bigrams, so that no bigram
#: straddles it (老是断开 gives 断开, not 是断).
_FILLER = re.compile("|".join(sorted(STOP_ZH, key=len, reverse=True)))

_ENDINGS = ("ing", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude English stem: enough for disconnect/disconnects/disconnecting to meet."""
    for ending in _ENDINGS:
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def terms(text: str, cap: int = MAX_TERMS) -> list[str]:
    """The distinct words of ``text`` worth matching, in the order they were said, at most
    ``cap`` of them."""
    found: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        if term and term not in seen:
            seen.add(term)
            found.append(term)

    normal = unicodedata.normalize("NFKC", text or "")
    for index, piece in enumerate(_RUN.split(normal)):
        if not piece:
            continue
        if index % 2:
            for part in _FILLER.split(piece):
                if len(part) == 1:
                    add(part)
                for i in range(len(part) - 1):
                    add(part[i:i + 2])
        else:
            for word in _WORD.findall(piece):
                low = word.casefold()
                if len(low) < 2 or low in STOP_EN or low.isdigit():
                    continue
                add(stem(low))
        if len(found) >= cap:
            break
    return found[:cap]


def is_cjk(term: str) -> bool:
    """A Chinese (CJK) word: searched as a bigram phrase, never as a prefix."""
    return bool(_RUN.fullmatch(term))


def match_any(words: list[str]) -> str | None:
    """An FTS5 expression that matches a text holding any of ``words`` (quoted, so nothing
    typed can be read as syntax); Latin words as prefixes."""
    parts = [f'"{w}"' if is_cjk(w) else f'"{w}"*' for w in words if '"' not in w]
    return " OR ".join(parts) if parts else None


def contains(text_terms: frozenset[str] | set[str], words: list[str]) -> list[str]:
    """The ``words`` a text (given as its own ``terms``) holds; Latin words as prefixes."""
    held = []
    for word in words:
        if word in text_terms or (not is_cjk(word) and any(
                t.startswith(word) for t in text_terms)):
            held.append(word)
    return held


def language_of(text: str) -> str:
    """'zh' for text with Chinese in it, otherwise 'en'."""
    return "zh" if re.search(r"[\u3400-\u9fff]", text or "") else "en"
