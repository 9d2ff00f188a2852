"""Lures without a catalogued brand, read as clauses (issue 11, sixth round).

``phrases.toml`` ``[clauses.<family>]`` holds, for each class of lure, what the mail says happened or
is offered (the event) and what it asks the reader to do (the ask), in eight languages, as regular
expressions that tolerate word order and inflection. Each entry is compiled once and indexed by the
words its match must hold, so a text costs one set of its words' first letters, one intersection with
the index, and the searches of the few entries it opens (events first; asks only when an event was
told). The rules (``scam_lure``, ``credential_lure``) weigh what was found: an event with an ask of
its family (or of ``[clauses.any]``) is the lure; an event alone counts for the families marked
``alone``; an ask alone never counts.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.analysis.brands import TextIndex, normalise

# " ~ ": at most 60 characters inside one clause (never across . ! ? 。; a decimal point is read as a
# comma first, so "4.870 €" stays inside its clause)
GAP = r"[^.!?。]{0,60}?"
SCAN_CHARS = 3000  # the part of a text the clauses read: a lure says what it wants early
_DECIMAL_POINT = re.compile(r"\.(?=\d)")


@dataclass(frozen=True)
class Family:
    name: str
    how: str  # the class named to the reader (scam_lure_how or credential_lure_how)
    rule: str  # "scam_lure" or "credential_lure"
    alone: bool  # whether the event counts without an ask
    any_ask: bool  # whether [clauses.any]'s asks count for it, besides its own
    unless: re.Pattern[str] | None  # words that, just before or in an ask, make it advice ("never share")


@dataclass(frozen=True)
class Told:
    family: Family
    event: str  # the words of the event, as found
    ask: str | None  # the words of the ask beside it, if any


def expand(pattern: str) -> list[str]:
    """A clause entry as regular expressions over normalised text: written as the text is read
    (accents dropped, NFKC, lower case: no upper-case escapes are used), "A <> B" is two of them
    (either order), " ~ " the clause's gap."""
    pattern = normalise(pattern)
    if " <> " in pattern:
        a, b = pattern.split(" <> ", 1)
        if a.startswith("\\b") and not b.startswith("\\b"):
            b = "\\b" + b  # the clause's other end begins a word too
        return [f"{a}{GAP}{b}", f"{b}{GAP}{a}"]
    return [pattern.replace(" ~ ", GAP)]


@dataclass(frozen=True)
class _Entry:
    table: str  # the family whose event or ask it is ("any": the asks of every family)
    pattern: re.Pattern[str]
    boundary: bool  # the entry began with \\b: checked after a match (a leading \\b costs sre its fast scan)
    needs: tuple[frozenset[str], ...]  # for each stretch between gaps, words one of which begins in the text


@dataclass(frozen=True)
class _Index:
    """Which entries a text may match, from the words their matches must hold."""

    events: tuple[_Entry, ...]
    asks: tuple[_Entry, ...]  # numbered on after the events
    by_stem: dict[str, tuple[int, ...]]  # a word's first 3, 4 or 6 letters -> the entries needing it first
    by_chars: tuple[tuple[str, tuple[int, ...]], ...]  # a lead outside ASCII words (Japanese, ß) -> entries
    always: tuple[int, ...]  # entries whose words are unknown: always tried


def _literal_run(items: list[tuple[object, object]], start: int) -> str:
    from re import _constants as c  # type: ignore[attr-defined]

    run = ""
    for op, av in items[start:]:
        if op is not c.LITERAL:
            break
        run += chr(av)  # type: ignore[arg-type]
    return run


def _leads(items: list[tuple[object, object]]) -> set[str] | None:
    """The literal strings one of which every match of the parsed pattern begins with, if known:
    its literals in sequence, an alternation's branches each carried on by what follows it (the
    parser factors common letters out: ``(?:seed|secret)`` is "s" then "eed" or "ecret")."""
    from re import _constants as c  # type: ignore[attr-defined]

    out = {""}
    for i, (op, av) in enumerate(items):
        if op is c.AT:
            if out == {""}:
                continue
            break
        if op is c.LITERAL:
            out = {lead + chr(av) for lead in out}  # type: ignore[arg-type]
            continue
        if op is c.SUBPATTERN:
            inner = _leads(list(av[3]) + items[i + 1:])  # type: ignore[index]
        elif op is c.BRANCH:
            inner = set()
            for alternative in av[1]:  # type: ignore[index]
                more = _leads(list(alternative) + items[i + 1:])
                if more is None:
                    inner = None
                    break
                inner |= more
        else:
            break
        if inner is None:
            break
        out = {lead + more for lead in out for more in inner}
        if len(out) > 64:
            return None
        return out
    return out if out != {""} else None


def _stretches(items: list[tuple[object, object]]) -> list[list[tuple[object, object]]]:
    """The parsed pattern cut at its clause gaps (the repetitions of at most 60 characters)."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: list[list[tuple[object, object]]] = [[]]
    for op, av in items:
        if op in (c.MIN_REPEAT, c.MAX_REPEAT) and av[1] == 60:  # type: ignore[index]
            out.append([])
        else:
            out[-1].append((op, av))
    return out


def _needs(leads: set[str] | None, first: bool, boundary: bool) -> frozenset[str] | None:
    """The words (by their first six letters, or three or four of a shorter one) one of which a
    stretch's match holds: for each of its possible beginnings, its longest ASCII word that surely
    begins a word of the text (after a space, or first after a \\b; a stretch after a gap is taken
    to begin a word too, so "…phrase" inside "Wiederherstellungsphrase" does not open its entry)."""
    if not leads:
        return None
    out = set()
    for lead in leads:
        best = ""
        for m in _ASCII_WORD.finditer(lead):
            starts_word = (m.start() > 0 and lead[m.start() - 1] == " ") or (m.start() == 0 and (boundary or not first))
            if starts_word and len(m.group(0)) >= 3 and len(m.group(0)) > len(best):
                best = m.group(0)
        if not best:
            return None
        out.add(best[:6] if len(best) >= 6 else best[:4])  # the text's words are looked up by 3, 4 and 6 letters
    return frozenset(out)


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def _index(tables: list[tuple[str, str, list[str]]]) -> _Index:
    """The entries of (kind, family, patterns) tables, kind "event" or "ask", indexed by the words
    their matches need."""
    from re import _parser  # type: ignore[attr-defined]

    made: dict[str, list[tuple[_Entry, set[str] | None]]] = {"event": [], "ask": []}
    for kind, family, patterns in tables:
        for pattern in patterns:
            boundary = pattern.startswith("\\b")
            body = pattern[2:] if boundary else pattern
            stretches = _stretches(list(_parser.parse(body)))
            needs = [_needs(_leads(st), i == 0, boundary) for i, st in enumerate(stretches)]
            made[kind].append((_Entry(family, re.compile(body), boundary, tuple(n for n in needs if n)),
                               _leads(stretches[0]) if needs[0] is None else None))
    entries = made["event"] + made["ask"]
    by_stem: dict[str, list[int]] = {}
    by_chars: dict[str, list[int]] = {}
    always: list[int] = []
    for i, (entry, leads) in enumerate(entries):
        if entry.needs:
            for stem in entry.needs[0]:
                by_stem.setdefault(stem, []).append(i)
        elif leads:
            for lead in leads:
                by_chars.setdefault(lead, []).append(i)
        else:
            always.append(i)
    return _Index(tuple(e for e, _ in made["event"]), tuple(e for e, _ in made["ask"]),
                  {k: tuple(v) for k, v in by_stem.items()}, tuple((k, tuple(v)) for k, v in by_chars.items()),
                  tuple(always))


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, Family], _Index]:
    from bot.analysis.datafiles import load_toml

    table = load_toml(os.path.join(os.path.dirname(__file__), "data", "phrases.toml")).get("clauses", {})
    families: dict[str, Family] = {}
    tables: list[tuple[str, str, list[str]]] = []
    for name, spec in table.items():
        if not isinstance(spec, dict):
            continue
        if name != "any":
            event = [x for p in spec.get("event", ()) if isinstance(p, str) for x in expand(p)]
            if not event:
                continue
            families[name] = Family(name, str(spec.get("how", name)), str(spec.get("rule", "scam_lure")),
                                    bool(spec.get("alone", False)), bool(spec.get("any_ask", True)),
                                    re.compile(normalise(spec["unless"])) if isinstance(spec.get("unless"), str) else None)
            tables.append(("event", name, event))
        tables.append(("ask", name, [x for p in spec.get("ask", ()) if isinstance(p, str) for x in expand(p)]))
    return families, _index(tables)


def _match(entry: _Entry, head: str, prefixes: set[str], unless: re.Pattern[str] | None = None) -> str | None:
    """The entry's first match in ``head`` that begins a word (when the entry began with \\b) and,
    with ``unless``, has none of its words in it or in the 30 characters before it."""
    if any(need.isdisjoint(prefixes) for need in entry.needs[1:]):
        return None
    m = entry.pattern.search(head)
    while m is not None:
        start = m.start()
        begins = not entry.boundary or start == 0 or not (head[start - 1].isalnum() or head[start - 1] == "_")
        if begins and (unless is None or unless.search(head, max(0, start - 30), m.end()) is None):
            return _tightest(entry, head, m)
        m = entry.pattern.search(head, start + 1)
    return None


def _tightest(entry: _Entry, head: str, m: re.Match[str]) -> str:
    """The match's words from the last place inside it where the entry matches again, ending no later
    ("Postfach: Ihr Postfach ist voll" is shown as "postfach ist voll")."""
    while True:
        inner = entry.pattern.search(head, m.start() + 1, m.end())
        if inner is None:
            return m.group(0)
        start = inner.start()
        if entry.boundary and start and (head[start - 1].isalnum() or head[start - 1] == "_"):
            return m.group(0)
        m = inner


@lru_cache(maxsize=8)
def told(index: TextIndex) -> tuple[Told, ...]:
    """The families whose event the text tells, each with the ask beside it, if any: an ask of the
    family's own or one of ``[clauses.any]``. Cached: two rules read the same text. An entry is
    tried only when the text holds, for each stretch of it between gaps, one of the words the
    stretch must hold (by their first 3, 4 or 6 letters; a lead outside ASCII words, as itself):
    a mail costs a set of its words' first letters, one intersection, and the searches of the few
    entries left, not one search per entry."""
    families, idx = _compiled()
    head = index.text[:SCAN_CHARS]
    words = set(_ASCII_WORD.findall(head)) if len(index.text) > SCAN_CHARS else index.words
    prefixes = {w[:k] for w in words if len(w) >= 3 for k in (3, 4, 6)}
    active: set[int] = set(idx.always)
    for w in prefixes & idx.by_stem.keys():
        active.update(idx.by_stem[w])
    plain = head.isascii()
    for chars, ids in idx.by_chars:
        if (not plain or chars.isascii()) and chars in head:
            active.update(ids)
    if not active:
        return ()
    head = _DECIMAL_POINT.sub(",", head)
    n_events = len(idx.events)
    found: dict[str, str] = {}
    for i in sorted(i for i in active if i < n_events):
        entry = idx.events[i]
        if entry.table in found:
            continue
        said = _match(entry, head, prefixes)
        if said is not None:
            found[entry.table] = said
    if not found:
        return ()
    asked: dict[str, str] = {}
    for i in sorted(i for i in active if i >= n_events):
        entry = idx.asks[i - n_events]
        if entry.table in asked or (entry.table != "any" and entry.table not in found):
            continue
        said = _match(entry, head, prefixes, families[entry.table].unless if entry.table in families else None)
        if said is not None:
            asked[entry.table] = said
    out = []
    for name, event in found.items():
        family = families[name]
        ask = asked.get(name) or (asked.get("any") if family.any_ask else None)
        out.append(Told(family, event.strip(), ask.strip() if ask else None))
    return tuple(out)
