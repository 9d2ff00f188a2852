"""Host names: registrable domains (Public Suffix List, offline), IDN, confusables, edit distance."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import unicodedata
from functools import lru_cache

import idna
from publicsuffixlist import PSLFILE, PublicSuffixList

from bot.analysis.datafiles import load_toml

MAX_HOST = 253
_LISTS = os.path.join(os.path.dirname(__file__), "data", "lists.toml")
_LDH_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


_A_LABELS = os.path.join(os.path.dirname(__file__), "data", "psl_a_labels.json")


def _punycode_label(label: str) -> str:
    return "xn--" + label.encode("punycode").decode("ascii")


@lru_cache(maxsize=1)
def _known_a_labels() -> dict[str, str]:
    """The A-label of every non-ASCII label of the bundled suffix list, written by
    ``scripts/generate.py`` (``psl_a_labels_json``): the codec is pure Python, and encoding the
    list's ~450 labels one by one was about 40 M instructions of every run's start. A label the
    file does not hold (another version of the list) is encoded as before."""
    try:
        with open(_A_LABELS, encoding="utf-8") as fh:
            table = json.load(fh).get("a_labels")
    except (OSError, ValueError, AttributeError):
        return {}
    return table if isinstance(table, dict) else {}


def _a_label(label: str) -> str:
    if label.isascii():
        return label
    known = _known_a_labels().get(label)
    return known if isinstance(known, str) else _punycode_label(label)


def psl_a_labels_json() -> str:
    """The text of ``data/psl_a_labels.json``: each non-ASCII label of the bundled list and its A-label."""
    with open(PSLFILE, encoding="utf-8") as fh:
        text = fh.read()
    labels = sorted({label for line in text.splitlines() for label in line.split(" ", 1)[0].strip().lstrip("!*.").split(".")
                     if label and not label.isascii()})
    blob = {"generated_by": "scripts/generate.py from publicsuffixlist's bundled list (bot/analysis/domains.py)",
            "a_labels": {label: _punycode_label(label) for label in labels}}
    return json.dumps(blob, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def _icann_rules(text: str) -> list[str]:
    """The ICANN section's rules, each non-ASCII one also in A-label form."""
    begin = text.find("// ===BEGIN ICANN DOMAINS===")
    end = text.find("// ===END ICANN DOMAINS===")
    if begin >= 0 and end > begin:
        text = text[begin:end]
    return _rules(text)


def _rules(text: str) -> list[str]:
    """The rules of a PSL text, each non-ASCII one also in A-label form."""
    rules = [line.split(" ", 1)[0].strip() for line in text.splitlines()]
    rules = [r for r in rules if r and not r.startswith("//")]
    for rule in [r for r in rules if not r.isascii()]:
        bang = "!" if rule.startswith("!") else ""
        rules.append(bang + ".".join(_a_label(x) for x in rule.lstrip("!").split(".")))
    return rules


class _PreparedPSL(PublicSuffixList):
    """publicsuffixlist's lookups over rules we prepared: its own start-up parse IDNA-encodes all
    ~7,000 rules one by one (≈90 ms, most of a CLI run). ``_parse`` is the library's (pinned)
    hook for its source; tests/analysis/test_links.py checks the answers equal the stock class's."""

    def _parse(self, source: list[str], accept_encoded_idn: bool, only_icann: bool = False) -> None:  # noqa: ARG002
        self._publicsuffix = frozenset(r.lower() for r in source)
        self._maxlabel = max(r.count(".") for r in source) + 1


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    """The Public Suffix List bundled with publicsuffixlist, never fetched. Only the ICANN
    section: registrable domains are what a registry (RDAP/WHOIS) can answer for."""
    with open(PSLFILE, encoding="utf-8") as fh:
        rules = _icann_rules(fh.read())
    return _PreparedPSL(source=rules, accept_encoded_idn=False)


@lru_cache(maxsize=8192)
def org_domain(host: str) -> str | None:
    """Registrable domain (eTLD+1) of a host, or None for IPs, bare suffixes and junk."""
    host = host.strip().strip(".").lower()
    if not host or len(host) > MAX_HOST or "." not in host:
        return None
    if is_ip(host):
        return None
    try:
        return _psl().privatesuffix(host)
    except (ValueError, TypeError, UnicodeError):
        return None


@lru_cache(maxsize=1)
def _psl_with_private() -> PublicSuffixList:
    """The whole bundled list, ICANN and private sections: a private suffix (``duckdns.org``,
    ``github.io``) is where a platform hands out names to its customers."""
    with open(PSLFILE, encoding="utf-8") as fh:
        rules = _rules(fh.read())
    return _PreparedPSL(source=rules, accept_encoded_idn=False)


@lru_cache(maxsize=1)
def _platforms() -> tuple[frozenset[str], frozenset[str]]:
    """(platforms whose customers get a sub-domain, platforms whose customers get a path) from
    data/lists.toml: the hosting, form, link-in-bio and dynamic-DNS services the PSL does not list."""
    lists = load_toml(_LISTS)

    def names(key: str) -> frozenset[str]:
        value = lists.get(key)
        return frozenset(str(v).strip().lower() for v in value if isinstance(v, str) and v.strip()) if isinstance(
            value, list) else frozenset()

    return names("platform_subdomains"), names("platform_paths")


def under(host: str, suffixes: frozenset[str]) -> str | None:
    """The longest of ``suffixes`` that ``host`` is or ends with (label-wise): the host, then what
    follows each of its dots in turn (no list of labels joined again for each)."""
    candidate = host
    while candidate not in suffixes:
        dot = candidate.find(".")
        if dot < 0:
            return None
        candidate = candidate[dot + 1 :]
    return candidate


@lru_cache(maxsize=8192)
def customer_domain(host: str) -> str | None:
    """The name a customer of a shared platform controls — the unit a blocklist may list —
    or None when the host names no customer (the platform itself, a path-based platform, IPs).

    ``org_domain`` stays the ICANN registrable domain (registries answer for that); this one also
    reads the PSL's private section (``foo.duckdns.org``, ``user.github.io``) and the platform
    lists in data/lists.toml for what the PSL does not list: under ``platform_subdomains``
    (``x.tilda.ws``) the customer's unit is the label below the platform; under ``platform_paths``
    (``form.jotform.com/123``, ``linktr.ee/x``) customers are paths and the host names none.
    A host of an ordinary domain gives its registrable domain."""
    host = host.strip().strip(".").lower()
    registrable = org_domain(host)
    if registrable is None:
        return None
    subdomains, paths = _platforms()
    try:
        suffix = _psl_with_private().publicsuffix(host) or ""
    except (ValueError, TypeError, UnicodeError):
        return None
    # the longest platform name the host is under wins, whichever list names it
    # (pro.typeform.com in the PSL, typeform.com in ours)
    found = [(name.count("."), kind, name) for kind, name in (
        ("psl", suffix), ("sub", under(host, subdomains)), ("path", under(host, paths))) if name]
    if not found:
        return None
    _, kind, platform = max(found)
    if kind == "path":
        return None
    if host == platform:
        return None  # the platform's own name (duckdns.org, github.io)
    label = host[: -len(platform) - 1].rpartition(".")[2]
    if label == "www":
        return None  # www.<platform>: the platform's own site
    return f"{label}.{platform}"


def is_platform(domain: str) -> bool:
    """Whether a name is a shared platform's own (``duckdns.org``, ``jotform.com``, ``github.io``):
    the platform is not its customers, and is never known-bad as a whole."""
    domain = domain.strip().strip(".").lower()
    subdomains, paths = _platforms()
    if under(domain, paths) is not None or domain in subdomains:
        return True
    try:
        return _psl_with_private().is_public(domain) and org_domain(domain) is not None
    except (ValueError, TypeError, UnicodeError):
        return False


def valid_host_name(name: str) -> bool:
    """An ASCII DNS host name (RFC 1123 letters, digits and hyphens; labels 1–63, no leading or
    trailing hyphen; ≤ 253; a TLD that is not all digits) whose ``xn--`` labels are the A-labels of
    valid IDNA 2008 names: what a blocklist or hosts file may carry."""
    if not name or len(name) > MAX_HOST or not name.isascii():
        return False
    labels = name.rstrip(".").split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        return False
    for label in labels:
        if not _LDH_LABEL.fullmatch(label):
            return False
        if label[2:4] == "--":
            if not label.startswith("xn--"):
                return False  # reserved for future encodings (RFC 5891 §4.2.3.1)
            try:
                decoded = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                return False
            if not decoded or decoded.isascii() or _a_label(decoded) != label or not idna_label_valid(label):
                return False  # IDNA 2008 (UTS #46's idna package): no symbol, no joiner out of context
    return True


@lru_cache(maxsize=8192)
def public_suffix(host: str) -> str | None:
    try:
        return _psl().publicsuffix(host.lower())
    except (ValueError, TypeError, UnicodeError):
        return None


def has_known_tld(host: str) -> bool:
    """Whether the last label is a real top-level domain (the bundled suffix list knows it)."""
    tld = host.rstrip(".").rpartition(".")[2].lower()
    return bool(tld) and tld in _psl()._publicsuffix


def may_be_ip(text: str) -> bool:
    """False when ``text`` cannot be an IP address to ``ipaddress.ip_address``, told without
    parsing it (a host name is read far more often than an address, and a failed parse raises):
    an IPv6 address holds ":", and any other text is an IPv4 address only if it holds nothing but
    ASCII digits and dots. True means "parse it to know"."""
    return ":" in text or (bool(text) and not text.strip("0123456789."))


def is_ip(host: str) -> bool:
    host = host.strip("[]")
    if not may_be_ip(host):
        return False
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def to_ascii_host(host: str) -> str | None:
    """Lower-case A-label form, or None when the host cannot be a DNS name.

    One reading for every host the bot meets — a mail's link, From or envelope, a feed's line, a
    member's ``/domain``, a chat link — so that one host is one key: UTS #46 (the ``idna`` package,
    ``uts46=True``, non-transitional like today's browsers: ``ß`` and ``ς`` stay themselves,
    fullwidth and upper-case forms map to the plain ones). A host that UTS #46 maps but IDNA 2008
    refuses (a symbol such as ``☃``, a joiner out of context) is still read — in the mapped form a
    browser would use, so the analysis sees it — but ``valid_host_name`` refuses it, so it never
    reaches a blocklist; one whose characters UTS #46 disallows outright (``⒈``) is no host at all."""
    host = host.strip().translate(_DOTS).strip(".")
    if not host or len(host) > MAX_HOST * 4:
        return None
    if host.isascii():
        host = host.lower()
        return host if len(host) <= MAX_HOST else None
    out = _idna_host(host)
    return out if out is not None and len(out) <= MAX_HOST else None


@lru_cache(maxsize=16384)
def _idna_host(host: str) -> str | None:
    try:
        return idna.encode(host, uts46=True, transitional=False, std3_rules=False).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError, ValueError):
        pass
    try:  # not valid IDNA 2008, but mapped as a browser maps it: the analysis reads it, no list holds it
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError, ValueError):
        return None
    labels = []
    for label in mapped.strip(".").split("."):
        try:
            labels.append(_a_label(label))
        except UnicodeError:
            return None
    return ".".join(labels)


def idna_label_valid(label: str) -> bool:
    """Whether an ``xn--`` label is the A-label of a valid IDNA 2008 U-label (the ``idna`` package's
    checks: code points, joiners in context, bidi), in its one canonical spelling."""
    try:
        return idna.alabel(idna.ulabel(label)).decode("ascii") == label
    except (idna.IDNAError, UnicodeError, ValueError):
        return False


def to_unicode_host(host: str) -> str:
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                labels.append(label[4:].encode("ascii").decode("punycode"))
                continue
            except UnicodeError:
                pass
        labels.append(label)
    return ".".join(labels)


# A compact skeleton table (Unicode TR39 style) for the confusables that matter in host names:
# Cyrillic and Greek letters that look Latin, and the classic ASCII swaps.
_CONFUSABLE = {
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j",
    "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "υ": "u",
    "ѵ": "v", "ԝ": "w", "х": "x", "у": "y", "з": "3", "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k",
    "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "χ": "x", "γ": "y", "ω": "w", "ɑ": "a", "ı": "i", "ɡ": "g",
    "0": "o", "1": "l", "|": "l", "5": "s", "$": "s", "@": "a",
}
_MULTI = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("ii", "u"))


@lru_cache(maxsize=16384)
def skeleton(label: str) -> str:
    """What a label looks like: confusables folded, accents dropped, i/l/1 merged."""
    text = unicodedata.normalize("NFKD", label[:253].lower())[:1024]
    text = "".join(_CONFUSABLE.get(ch, ch) for ch in text if not unicodedata.combining(ch))
    for a, b in _MULTI:
        text = text.replace(a, b)
    return text.replace("i", "l")


def scripts(label: str) -> set[str]:
    found: set[str] = set()
    for ch in label:
        if ch.isascii():
            if ch.isalpha():
                found.add("Latin")
            continue
        name = unicodedata.name(ch, "")
        first = name.split(" ", 1)[0]
        if first in ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"):
            found.add(first.title())
        elif first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"):
            found.add("CJK")
        elif first:
            found.add(first.title())
    return found


def edit_distance(a: str, b: str, cap: int) -> int:
    """Optimal-string-alignment distance, stopping early once it exceeds ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]


# --- folding text for matching -------------------------------------------------------------

# Letters of other scripts that look Latin, beyond the host-name table: Cherokee and a few
# Latin-like symbols phishers put inside brand names ("Ꮇicrosoft", "Мetаmаsk").
_TEXT_CONFUSABLE = {
    **{k: v for k, v in _CONFUSABLE.items() if not k.isascii()},
    "Ꭺ": "a", "Ᏼ": "b", "Ꮯ": "c", "Ꭰ": "d", "Ꭼ": "e", "Ꮐ": "g", "Ꮋ": "h", "Ꭻ": "j", "Ꮶ": "k",
    "Ꮮ": "l", "Ꮇ": "m", "Ꮲ": "p", "Ꮪ": "s", "Ꭲ": "t", "Ꮩ": "v", "Ꮃ": "w", "Ꮓ": "z", "ꓲ": "i",
    "А": "a", "В": "b", "С": "c", "Е": "e", "Н": "h", "І": "i", "Ј": "j", "К": "k", "М": "m",
    "О": "o", "Р": "p", "Ѕ": "s", "Т": "t", "Х": "x", "У": "y", "Α": "a", "Β": "b", "Ε": "e",
    "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t",
    "Υ": "y", "Χ": "x",
}
_LOOKALIKE_SCRIPT = re.compile("[" + "".join(sorted(_TEXT_CONFUSABLE)) + "]+")
# one of them, for the question whether a text holds any: a class alone is searched by a tight
# class test in C, where a repeated class is tried as a whole pattern at every character (three
# times the instructions over a Japanese mail)
_LOOKALIKE_CHAR = re.compile("[" + "".join(sorted(_TEXT_CONFUSABLE)) + "]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_FOLD_TABLE = str.maketrans(_TEXT_CONFUSABLE)
# Latin letters with accents -> the bare letter (NFD base), and combining marks out: "Itaú" and
# "Itau", "Amazon" with a combining acute, compare equal. Japanese (dakuten) is untouched.
ACCENT_TABLE: dict[int, int | str | None] = {
    cp: unicodedata.normalize("NFD", chr(cp))[0]
    for cp in range(0x00C0, 0x0250)
    if len(unicodedata.normalize("NFD", chr(cp))) > 1 and unicodedata.normalize("NFD", chr(cp))[0].isascii()
}
ACCENT_TABLE.update(dict.fromkeys(range(0x0300, 0x0370)))
_HAS_ACCENT = re.compile(r"[\u00c0-\u024f\u0300-\u036f]")
# a capital I inside a lower-case word reads as l ("ActuaIice", "PaypaI"): fold it before case is lost
# (the literal I first: the pattern engine then jumps from one I to the next)
_CAPITAL_I_INSIDE = re.compile(r"I(?:(?=[a-z])(?<=[a-z]I)|(?<=[a-z]{2}I)\b)")


def _fold_mixed_words(text: str) -> str:
    """Fold only the words that hold a look-alike letter (linear: each word is looked at once)."""
    out: list[str] = []
    done = seen = 0
    n = len(text)
    for m in _LOOKALIKE_SCRIPT.finditer(text):
        i = m.start()
        if i < seen:
            continue  # inside a word already looked at
        start = i
        while start > seen and i - start < 60 and text[start - 1].isalpha():
            start -= 1
        end = m.end()
        while end < n and end - i < 60 and text[end].isalpha():
            end += 1
        seen = end
        word = text[start:end]
        if _ASCII_LETTER.search(word):
            out.append(text[done:start])
            out.append(word.translate(_FOLD_TABLE))
            done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def fold_text(text: str, accents: bool = True) -> str:
    """``text`` as a reader sees it, for matching: words mixing Latin with look-alike letters of
    other scripts folded to Latin, accents and combining marks dropped from Latin letters.
    Words wholly in another script (Russian, Greek prose) are left alone."""
    if not text.isascii():  # look-alike letters and accents are non-ASCII: an ASCII text is spared two scans
        if _LOOKALIKE_CHAR.search(text):
            text = _fold_mixed_words(text)
        if accents and _HAS_ACCENT.search(text):
            text = text.translate(ACCENT_TABLE)
    if "I" in text:
        text = _CAPITAL_I_INSIDE.sub("l", text)
    return text
