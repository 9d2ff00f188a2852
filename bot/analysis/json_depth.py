"""How deep a JSON text nests, checked before ``json.loads`` — whose decoder recurses once per
level, so a text of a hundred thousand ``[`` from a feed or a registry would end in RecursionError.
Pure and linear: one regular-expression scan, strings skipped whole (brackets inside them count for
nothing, escaped quotes included)."""

from __future__ import annotations

import re

MAX_DEPTH = 32  # no feed or RDAP answer we read nests past a dozen levels
_TOKENS = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')


def json_depth_within(text: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether no array or object of ``text`` nests deeper than ``limit``."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    depth = 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark in ("[", "{"):
            depth += 1
            if depth > limit:
                return False
        elif mark in ("]", "}"):
            depth -= 1
    return True
