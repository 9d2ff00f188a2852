"""The project's regular expressions, compiled once by ``scripts/generate.py`` instead of at every start.

``re.compile`` parses a pattern and builds the engine's code in pure Python: the ~170 patterns of
``bot`` cost ~280 M instructions of every ``phishbot analyze`` start (the classes of Japanese
ranges most: the compiler walks a range code point by code point), against ~40 G for a whole run
over corpus-dev (docs/BENCHMARKS.md, issue 11). ``data/patterns.json`` holds, for each pattern the
package compiles on its usual paths, the engine's code, and ``prime()`` (run when the package is
imported) puts the compiled objects into ``re``'s own cache, where ``re.compile`` finds them: the
same objects (a Pattern compares equal only to one with the same pattern, flags and code;
tests/test_patterns.py compares every entry with a fresh compile).

The code is the interpreter's own format: the table is read only by the CPython version and engine
(``_sre.MAGIC``, ``CODESIZE``) that wrote it, and only while ``re`` keeps the cache it has in
3.11; anything else compiles as before. A pattern the table lacks (new, edited) compiles as before
too. Nothing is written at run time. JSON, never pickle: reading it runs no code.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine's module (no stubs)
import base64
import json
import os
import re
import sys
from array import array
from typing import Any

TABLE = os.path.join(os.path.dirname(__file__), "data", "patterns.json")
# room left in re's cache for the patterns the table does not hold (it drops its oldest when full)
_ROOM = 128


def stamp() -> dict[str, object]:
    """What the code in the table is valid for."""
    return {"implementation": sys.implementation.name, "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
            "sre_magic": _sre.MAGIC, "codesize": _sre.CODESIZE, "byteorder": sys.byteorder}


def _usable_cache() -> dict[Any, Any] | None:
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not isinstance(getattr(re, "_MAXCACHE", None), int):
        return None
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return None  # the cache's keys are 3.11's: (type(pattern), pattern, flags)
    return cache


def _pattern_of(entry: dict[str, Any]) -> str | bytes:
    text: str = entry["pattern"]
    return text.encode("latin-1") if entry.get("bytes") else text


def _words(code: str) -> list[int]:
    """The engine's code from its base64 form (the words as unsigned 32-bit integers, this machine's byte
    order): a list of 24,000 numbers in JSON cost more to read than compiling saved in part."""
    words = array("I")
    words.frombytes(base64.b64decode(code))
    return words.tolist()


def compiled(entry: dict[str, Any]) -> re.Pattern[Any]:
    """The Pattern an entry of the table describes (what ``re._compiler.compile`` returns)."""
    pattern: re.Pattern[Any] = _sre.compile(_pattern_of(entry), entry["final_flags"], _words(entry["code"]),
                                             entry["groups"], entry["groupindex"], tuple(entry["indexgroup"]))
    return pattern


def prime(path: str = TABLE) -> int:
    """Put the table's patterns into ``re``'s cache; how many were put. Never raises for a missing,
    stale or foreign table: patterns then compile as before."""
    cache = _usable_cache()
    if cache is None or array("I").itemsize != _sre.CODESIZE:
        return 0
    try:
        with open(path, encoding="utf-8") as fh:
            blob = json.load(fh)
        if not isinstance(blob, dict) or blob.get("stamp") != stamp():
            return 0
        entries = blob["patterns"]
        room = re._MAXCACHE - _ROOM  # type: ignore[attr-defined]
        put = 0
        for entry in entries:
            if len(cache) >= room:
                break
            pattern = _pattern_of(entry)
            key = (type(pattern), pattern, entry["flags"])
            if key not in cache:
                cache[key] = compiled(entry)
                put += 1
        return put
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        return 0


def entry(pattern: str | bytes, flags: int) -> dict[str, Any]:
    """The table's entry for a pattern: what ``re._compiler.compile`` hands to ``_sre.compile``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    out: dict[str, Any] = {"pattern": pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern,
                           "flags": flags, "final_flags": flags | parsed.state.flags,
                           "code": base64.b64encode(array("I", code).tobytes()).decode("ascii"),
                           "groups": parsed.state.groups - 1, "groupindex": groupindex, "indexgroup": indexgroup}
    if isinstance(pattern, bytes):
        out["bytes"] = True
    return out
