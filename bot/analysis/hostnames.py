"""What a host name's words are: a name written in Chinese pinyin (``zhongchuanyingxiang``).

Phishing kits aimed at Japan are served, month after month, from ``.com`` names made of pinyin
words: cheap names a registrar hands out in bulk, unrelated to the brand the page imitates. A link
pasted alone whose name is such a phrase is a sign (docs/RULES.md, ``kit_like_link``). Pure and
cached; no data file: the syllables are built from pinyin's initials and finals.
"""

from __future__ import annotations

import re
from functools import lru_cache

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c",
             "s", "y", "w", "")
_FINALS = ("iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "ai", "ei", "ao", "ou",
           "an", "en", "er", "ia", "ie", "in", "iu", "ua", "uo", "ui", "un", "ue", "a", "o", "e", "i", "u", "v")
_PALATAL_FINALS = frozenset({"i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ue", "uan", "un", "v"})
_NOT_AFTER_RETROFLEX = frozenset({"ia", "ie", "in", "iu", "ian", "iao", "iang", "iong", "ing", "v", "ue"})


def _valid(initial: str, final: str) -> bool:
    if initial in ("zh", "ch", "sh"):
        return final not in _NOT_AFTER_RETROFLEX
    if initial in ("j", "q", "x"):
        return final in _PALATAL_FINALS
    if initial in ("g", "k", "h") or initial == "":
        return final not in _NOT_AFTER_RETROFLEX or (initial == "" and final == "er")
    return True


SYLLABLES = frozenset(i + f for i in _INITIALS for f in _FINALS if _valid(i, f))
# sounds other languages' words rarely make, so that a Romance or English word that happens to
# split into syllables (youtube, ubique) is not read as Chinese
_CHINESE_MARK = re.compile(r"x[iu]|qi|zh|[cs]hang|iang|iong|uang|ian|iao|ong|eng")
MIN_LETTERS = 7
MIN_SYLLABLES = 3


@lru_cache(maxsize=8192)
def _syllables(word: str) -> int | None:
    """The fewest pinyin syllables ``word`` splits into, or None when it does not split."""
    if not word:
        return 0
    best: int | None = None
    for size in range(min(6, len(word)), 0, -1):
        if word[:size] in SYLLABLES:
            rest = _syllables(word[size:])
            if rest is not None and (best is None or rest + 1 < best):
                best = rest + 1
    return best


@lru_cache(maxsize=8192)
def pinyin_name(label: str) -> bool:
    """A host label whose letters are a phrase of three or more pinyin syllables, seven letters or
    more, with a sound other languages rarely write (``xiaoyudian``, ``likangshangmao``, digits
    and hyphens between words allowed: ``boyiguanggao16``)."""
    words = [w for w in re.split(r"[^a-z]+", label.lower()) if w]
    letters = "".join(words)
    if len(letters) < MIN_LETTERS or len(letters) > 40:
        return False
    total = 0
    for word in words:
        n = _syllables(word)
        if n is None:
            return False
        total += n
    return total >= MIN_SYLLABLES and _CHINESE_MARK.search(letters) is not None
