"""Links: found in text and HTML (parsed, never rendered), refanged on the way in, defanged on the
way out. Regexes here run on attacker text: every quantifier is bounded or over a disjoint class."""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bot.analysis.domains import is_ip, org_domain, to_ascii_host, to_unicode_host, under
from bot.analysis.models import Link
from bot.analysis.privacy import clean_controls, mask_text

# --- refang / defang -----------------------------------------------------------------------

_REFANG_SCHEME = re.compile(r"\b(?:hxxp|hxtp|htxp|h\*\*p|hXXp|h__p|meow)(s?)(?=\s{0,2}(?:\[?:|\[://\]))", re.IGNORECASE)
_REFANG_DOT = re.compile(r"[ \t]?(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|\[\s\.\s\]|<\.>)[ \t]?", re.IGNORECASE)
_REFANG_COLON = re.compile(r"\[:\]|\[://\]|\(:\)")
_REFANG_AT = re.compile(r"\[@\]|\(@\)|\[at\]|\(at\)", re.IGNORECASE)


# one cheap scan before the four substitutions: most text holds nothing defanged. Every branch
# starts with one literal character, so the regex engine skips to those characters in C instead of
# trying the whole pattern at every position (three times faster on a long mail)
_HINT_AFTER_BRACKET = r"(?:\.|[dD][oO][tT]|:|@|[aA][tT])"
_HINT_AFTER_H = r"(?:[xX][xX]|\*\*|__|[xX][tT]|[tT][xX])[pP]"
_DEFANG_HINT = re.compile(
    rf"\[ ?{_HINT_AFTER_BRACKET}|\( ?{_HINT_AFTER_BRACKET}|\{{ ?{_HINT_AFTER_BRACKET}|< ?{_HINT_AFTER_BRACKET}"
    rf"|h{_HINT_AFTER_H}|H{_HINT_AFTER_H}|meow|\[\s\.\s\]"
)


# _DEFANG_HINT's branches one by one, each searched only when its first character is in the text
# (memchr): a pattern whose branches start with different characters is tried through a class
# test at every character; one that starts with a literal is searched for it in C. The pattern
# matches somewhere exactly when one of its branches does (2.5 % of a whole run before).
_HINT_BY_FIRST = tuple(
    (first, re.compile(pattern)) for first, pattern in (
        ("[", rf"\[ ?{_HINT_AFTER_BRACKET}|\[\s\.\s\]"),
        ("(", rf"\( ?{_HINT_AFTER_BRACKET}"),
        ("{", rf"\{{ ?{_HINT_AFTER_BRACKET}"),
        ("<", rf"< ?{_HINT_AFTER_BRACKET}"),
        ("h", rf"h{_HINT_AFTER_H}"),
        ("H", rf"H{_HINT_AFTER_H}"),
        ("meow", "meow"),
    )
)


SHORT_TEXT = 256  # a text this short is read by the one pattern: seven searches would cost more


def has_defang_hint(text: str) -> bool:
    """``_DEFANG_HINT.search(text) is not None``: whether ``text`` may hold something defanged."""
    if len(text) <= SHORT_TEXT:
        return _DEFANG_HINT.search(text) is not None
    for first, pattern in _HINT_BY_FIRST:  # noqa: SIM110 - a loop, not any() over a generator: called on every text
        if first in text and pattern.search(text) is not None:
            return True
    return False


# what each substitution's pattern cannot match without (each searched from a literal first
# character, after a memchr for it): the substitutions' own patterns start with an optional space, a
# word boundary or a case-blind letter and were tried at every character of every text that gave a
# hint ("(at" of "(attached)" is one); a substitution without a match leaves the text as it is
_MAY_SCHEME = (("h", _HINT_BY_FIRST[4][1]), ("H", _HINT_BY_FIRST[5][1]),
               ("m", re.compile(r"m[eE][oO][wW]")), ("M", re.compile(r"M[eE][oO][wW]")))
_MAY_DOT = (("[", re.compile(r"\[(?:\.\]|[dD][oO][tT]\]|\s\.\s\])")), ("(", re.compile(r"\((?:\.\)|[dD][oO][tT]\))")),
            ("{", re.compile(r"\{(?:\.\}|[dD][oO][tT]\})")), ("<.>", re.compile(r"<\.>")))
_MAY_AT = (("[", re.compile(r"\[(?:@|[aA][tT])\]")), ("(", re.compile(r"\((?:@|[aA][tT])\)")))


def _may_match(text: str, checks: tuple[tuple[str, re.Pattern[str]], ...]) -> bool:
    for first, pattern in checks:  # noqa: SIM110 - a loop, not any() over a generator: called on every hinted text
        if first in text and pattern.search(text) is not None:
            return True
    return False


def refang(text: str) -> str:
    if not has_defang_hint(text):  # most text holds nothing defanged
        return text
    if _may_match(text, _MAY_SCHEME):
        text = _REFANG_SCHEME.sub(lambda m: "http" + m.group(1), text)
    if "[:" in text or "(:)" in text:
        text = _REFANG_COLON.sub(lambda m: m.group(0).strip("[]()"), text)
    if _may_match(text, _MAY_DOT):
        text = _REFANG_DOT.sub(".", text)
    return _REFANG_AT.sub("@", text) if _may_match(text, _MAY_AT) else text


def defang_host(host: str) -> str:
    return host.replace(".", "[.]")


_SCHEME = re.compile(r"(?i)(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30})://")
_DEFANGED_SCHEMES = frozenset({"hxxp", "hxxps", "fxp"})
# a run of dotted labels (a host, a file name, an address's domain) whose last label starts with a
# letter: ".com", ".zip", ".app" are all real top-level domains, so any of them may be linked
_HOSTLIKE = re.compile(r"(?:[^\W_][\w-]{0,62}\.){1,20}[^\W\d_][\w-]{0,62}|(?i:www)\.")


def scheme_prefix(scheme: str) -> str:
    """``https`` → ``hxxps://``, ``ftp`` → ``fxp://``; any other scheme keeps its name and loses
    its ``://`` (``steam[:]//``): no client links what follows."""
    lower = scheme.lower()
    if lower in _DEFANGED_SCHEMES:
        return lower + "://"
    if lower in ("http", "https"):
        return lower.replace("http", "hxxp") + "://"
    if lower == "ftp":
        return "fxp://"
    return scheme + "[:]//"


def defang_schemes(text: str) -> str:
    """Every ``scheme://`` in ``text`` made unclickable (idempotent: defanged ones stay)."""
    if "://" not in text:
        return text
    return _SCHEME.sub(lambda m: scheme_prefix(m.group(1)), text)


def defang_hostlike(text: str) -> str:
    """Every dotted run in ``text`` (host names, ``www.x.example``, ``@x.example``, file names)
    with its dots as ``[.]``."""
    if "." not in text:
        return text
    return _HOSTLIKE.sub(lambda m: m.group(0).replace(".", "[.]"), text)


def defang_url(url: str, names: tuple[str, ...] = ()) -> str:
    """Defanged wherever a link could hide: the scheme and host, and in the path every nested
    scheme (``/https://evil…``) and every host-like run (``/www.x.example/``, ``/@x.example``);
    without user-info, addresses in the path masked (``@``, ``%40`` and ``%2540`` alike) and the
    recipient's ``names`` too, and the query (often a per-victim token) shown as ``?…``."""
    try:
        parts = urllib.parse.urlsplit(url[:4096])
        netloc = parts.netloc
    except ValueError:  # e.g. an unclosed IPv6 bracket: defang it as plain text, no parsing
        head, _, rest = url[:300].partition("?")
        text = defang_hostlike(defang_schemes(mask_text(head, names)))
        return clean_controls(text) + ("?…" if rest else "")
    scheme = scheme_prefix(parts.scheme) if parts.scheme else ""
    host = defang_host(netloc.rpartition("@")[2])
    query = "?…" if parts.query else ""
    path = defang_hostlike(defang_schemes(mask_text(parts.path[:200], names))) + ("…" if len(parts.path) > 200 else "")
    return clean_controls(f"{scheme}{host}{path}{query}")


URL_IN_TEXT = re.compile(r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]{1,2048}")
# any scheme, for output: what a mail says is a link is shown defanged whatever its scheme
ANY_URL_IN_TEXT = re.compile(r"(?i)(?<![A-Za-z0-9+.-])(?:[A-Za-z][A-Za-z0-9+.-]{0,30}://|www\.)[^\s<>\"'`]{1,2048}")


# --- extraction from text ------------------------------------------------------------------

_HOST_CHARS = r"A-Za-z0-9\-_\u00c0-\u024f\u0370-\u03ff\u0400-\u052f"
_URL = re.compile(
    r"(?i)\b(?:https?|ftp)://"
    r"(?:[^\s/@<>\"']{1,64}@)?"
    rf"((?:[{_HOST_CHARS}]{{1,63}}\.){{0,126}}[{_HOST_CHARS}]{{1,63}}|\[[0-9A-Fa-f:.]{{2,45}}\])"
    r"(:[0-9]{1,5})?"
    r"([/?#][!-~]{0,2048})?"
)
_WWW = re.compile(rf"(?i)(?<![/\w.@-])(www\.(?:[{_HOST_CHARS}]{{1,63}}\.){{1,10}}[A-Za-z]{{2,24}})([/?#][!-~]{{0,2048}})?")
_TRAILING = ".,;:!?'\"）)]}>」』】、。"


def _trim(url: str) -> str:
    url = url.rstrip(_TRAILING)
    if url.count("(") < url.count(")"):
        url = url[: url.rfind(")")] if url.endswith(")") else url
    return url


_URL_CHAR = re.compile(r"[A-Za-z0-9.\-_/]")


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``_URL.finditer(text)``, tried only where a scheme can end at a ``://`` (its ``(?i)`` and
    ``\\b`` keep the regex engine from skipping ahead by itself: it tried every position of a
    long mail). The scheme is 3-5 letters and a ``://`` holds none, so the candidates come in
    text order and the matches are finditer's."""
    pos = 0
    i = text.find("://")
    while i >= 0:
        for start in (i - 5, i - 4, i - 3):
            if start >= pos and (m := _URL.match(text, start)) is not None:
                yield m
                pos = m.end()
                break
        i = text.find("://", max(i + 1, pos))


_WWW_START = re.compile(r"[wW][wW][wW]\.")  # a plain class first: the engine skips ahead to a w in C


def _www_matches(text: str) -> Iterator[re.Match[str]]:
    """``_WWW.finditer(text)``, tried only where a ``www.`` starts (in any case)."""
    c = _WWW_START.search(text)
    while c is not None:
        m = _WWW.match(text, c.start())
        if m is not None:
            yield m
        c = _WWW_START.search(text, m.end() if m is not None else c.start() + 1)


def urls_in_text(text: str, limit: int, cut: list[str] | None = None) -> list[str]:
    """URLs in free text, refanged. A URL longer than the bounds (a 253-character host, a
    2,048-character path) is kept cut short and, when ``cut`` is given, named there."""
    text = refang(text)
    found: list[str] = []
    # the patterns are tried at every position of the text: skipped when their anchor is absent
    for m in _url_matches(text):
        found.append(_trim(m.group(0)))
        if cut is not None and _URL_CHAR.match(text, m.end()):
            cut.append(m.group(0)[:80])
        if len(found) >= limit:
            return found
    if "ww." not in text and "WW." not in text and "Ww." not in text and "wW." not in text:
        return found
    for m in _www_matches(text):
        found.append("http://" + _trim(m.group(0)))
        if len(found) >= limit:
            break
    return found


def make_link(url: str, source: str, text: str | None = None, max_chars: int = 2048) -> Link | None:
    url = url.strip()[:max_chars]
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "ftp"):
        return None
    netloc = parts.netloc.rpartition("@")[2]
    host_raw = netloc
    if host_raw.startswith("["):
        host_raw = host_raw[1 : host_raw.find("]")] if "]" in host_raw else host_raw[1:]
    else:
        host_raw = host_raw.partition(":")[0]
    host = to_ascii_host(urllib.parse.unquote(host_raw))
    if not host:
        return None
    ip = is_ip(host) or _is_numeric_host(host)
    port = f":{parts.port}" if _safe_port(parts) else ""
    shown_host = f"[{host}]" if ":" in host else host
    # the URL rebuilt around the normalised host: full-width or Unicode dots become real ones
    url = urllib.parse.urlunsplit((parts.scheme.lower(), shown_host + port, parts.path, parts.query, ""))
    unicode_host = None
    if "xn--" in host:
        decoded = to_unicode_host(host)
        unicode_host = decoded if decoded != host else None
    return Link(
        url=url,
        host=host,
        registrable_domain=None if ip else org_domain(host),
        source=source,
        text=(text.strip()[:300] or None) if text else None,
        is_ip=ip,
        unicode_host=unicode_host,
    )


# Open redirects of well-known sites: a link through one shows the site's name and leads
# wherever its parameter says. (host suffix, path prefix, how the target is written)
_OPEN_REDIRECTS: tuple[tuple[str, str, str], ...] = (
    ("google.", "/url", "q"), ("google.", "/amp/s/", "path"), ("google.", "/travel/clk", "pcurl"),
    ("google.", "/translate", "u"),
    ("bing.com", "/ck/a", "bing"), ("facebook.com", "/l.php", "u"), ("youtube.com", "/redirect", "q"),
    ("duckduckgo.com", "/l/", "uddg"), ("linkedin.com", "/redir/redirect", "url"), ("vk.com", "/away.php", "to"),
    ("baidu.com", "/link", "url"), ("yandex.ru", "/redirect", "url"), ("t.umblr.com", "/redirect", "z"),
)


_REDIRECT_SITES = frozenset(suffix for suffix, _, _ in _OPEN_REDIRECTS)


def _google_like(host: str, suffix: str) -> bool:
    if suffix != "google.":
        return host == suffix or host.endswith("." + suffix)
    labels = host.split(".")
    return "google" in labels[:-1] and labels.index("google") >= len(labels) - 3


_REDIRECT_NAMES = frozenset(suffix for suffix in _REDIRECT_SITES if suffix != "google.")


def _at_redirect_site(host: str) -> bool:
    """``any(_google_like(host, suffix) for suffix in _REDIRECT_SITES)`` for every link of a mail
    without a call per site: a name is the host or what follows one of its dots, and Google's
    country domains hold "google"."""
    if "google." in _REDIRECT_SITES and "google" in host and _google_like(host, "google."):
        return True
    return under(host, _REDIRECT_NAMES) is not None


def redirect_target(link: Link) -> str | None:
    """Where a link through a well-known site's open redirect leads (read from the link itself,
    never followed), or None."""
    if link.is_ip or not _at_redirect_site(link.host):
        return None
    parts = urllib.parse.urlsplit(link.url)
    for suffix, prefix, how in _OPEN_REDIRECTS:
        if not parts.path.startswith(prefix) or not _google_like(link.host, suffix):
            continue
        if how == "path":
            rest = parts.path[len(prefix):]
            target = "https://" + rest + (f"?{parts.query}" if parts.query else "")
        elif how == "bing":  # u=a1<base64url of the address>
            value = urllib.parse.parse_qs(parts.query[:4096]).get("u", [""])[0]
            if not value.startswith("a1"):
                return None
            try:
                target = base64.urlsafe_b64decode(value[2:] + "=" * (-len(value[2:]) % 4)).decode("utf-8", "replace")
            except (binascii.Error, ValueError):
                return None
        else:
            target = urllib.parse.parse_qs(parts.query[:4096]).get(how, [""])[0]
        target = target.strip()
        if how == "u" and suffix == "google." and "://" not in target[:12] and "." in target.partition("/")[0]:
            target = "https://" + target  # Translate takes a bare host and path
        if target.lower().startswith(("http://", "https://")) and "." in target[8:]:
            return target
        return None
    return None


def _safe_port(parts: urllib.parse.SplitResult) -> bool:
    try:
        return parts.port is not None
    except ValueError:
        return False


def normalise_href(href: str) -> str:
    """What a browser would follow: backslashes as slashes, protocol-relative as https."""
    href = href.strip().replace("\\", "/")
    if href.startswith("//"):
        href = "https:" + href
    return href


def data_url_html(href: str, limit: int = 1024 * 1024) -> str | None:
    """The HTML inside a ``data:text/html`` link (a page carried in the link itself), decoded."""
    head, sep, payload = href[:limit].partition(",")
    if not sep or not head.lower().startswith("data:text/html"):
        return None
    if head.lower().endswith(";base64"):
        try:
            return base64.b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return None
    return urllib.parse.unquote(payload)


def _is_numeric_host(host: str) -> bool:
    # 3232235777 or 0xC0A80001 or 0300.0250.0.1: bare IPs in disguise
    if host.isdigit():
        return True
    if host.startswith("0x") and all(c in "0123456789abcdef" for c in host[2:]):
        return True
    pieces = host.split(".")
    return len(pieces) == 4 and all(p.isdigit() or p.startswith("0x") for p in pieces)


# --- HTML ----------------------------------------------------------------------------------


@dataclass
class HtmlFacts:
    text: str = ""
    anchors: list[tuple[str, str]] = field(default_factory=list)  # (href, visible text)
    forms: list[tuple[str, bool]] = field(default_factory=list)  # (action, has password input)
    script_signs: set[str] = field(default_factory=set)
    hidden_urls: list[str] = field(default_factory=list)  # decoded from atob/unescape payloads
    meta_refresh: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)  # iframe src
    hidden_chars: int = 0  # text in blocks the reader cannot see (display:none, zero-size font, …)
    # review 10: the first 20,000 characters of the text with CELL between its nodes (a form's echo puts each
    # field in a cell: a name and a link in one cell are one field, in cells apart two; rules.form_injection)
    cells: str = ""
    images: int = 0  # <img> elements
    data_images: list[bytes] = field(default_factory=list)  # <img src="data:image/…;base64,…">, bounded


_SCRIPT_SIGNS = (
    ("atob", re.compile(r"\batob\s*\(")),
    ("unescape", re.compile(r"\bunescape\s*\(")),
    ("document.write", re.compile(r"document\s*\.\s*write(?:ln)?\s*\(")),
    ("eval", re.compile(r"\beval\s*\(")),
    ("fromCharCode", re.compile(r"String\s*\.\s*fromCharCode")),
    ("location", re.compile(r"(?:window|document|self|top)\s*\.\s*location|location\s*\.\s*(?:href|replace|assign)")),
    # a file built inside the browser and saved: HTML smuggling
    ("Blob", re.compile(r"\bnew\s+Blob\s*\(")),
    ("createObjectURL", re.compile(r"\bcreateObjectURL\s*\(")),
    ("msSaveOrOpenBlob", re.compile(r"\bmsSaveOrOpenBlob\b|\bmsSaveBlob\b")),
    ("download", re.compile(r"\.download\s*=|setAttribute\s*\(\s*[\"']download")),
)
# a style that hides its element's text from the reader
_HIDING = re.compile(
    r"(?i)display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)"
    r"|(?<![-\w])opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)|max-height\s*:\s*0(?:px)?\s*(?:;|$|!)"
)
# _HIDING for a lowered ASCII style (every style of the development corpus): the same branches
# without (?i), the lookbehind of "opacity" moved after its "o". Each branch then starts with a
# letter, and the regex engine skips in C to the next d, v, f, o or m instead of trying five
# case-blind branches at every character (eight times faster on a usual "font-size: 14px; …")
_HIDING_LOWERED = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|$|!)"
    r"|o(?<![-\w]o)pacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)|max-height\s*:\s*0(?:px)?\s*(?:;|$|!)"
)


def hides(style: str) -> bool:
    """Whether an element's ``style`` hides its text: ``_HIDING.search(style)``."""
    if style.isascii():  # for ASCII, (?i) is the same as lowering first
        return _HIDING_LOWERED.search(style.lower()) is not None
    return _HIDING.search(style) is not None


MAX_STYLED_NODES = 3000
CELL = "\x1f"  # HtmlFacts.cells: between two text nodes (the unit separator, a control no mail text keeps)
_HIDING_WORDS = ("none", "hidden", "font-size", "opacity", "max-height")
_HIDING_CANDIDATES = ", ".join(f'[style*="{word}" i]' for word in _HIDING_WORDS)
MAX_DATA_IMAGES = 4
MAX_DATA_IMAGE_CHARS = 4 * 1024 * 1024
_B64_LITERAL = re.compile(r"atob\s*\(\s*[\"']([A-Za-z0-9+/=\s]{8,200000})[\"']")
_ESCAPED_LITERAL = re.compile(r"unescape\s*\(\s*[\"']([%A-Za-z0-9+/=._~-]{8,200000})[\"']")
_REFRESH_URL = re.compile(r"(?i)url\s*=\s*['\"]?([^'\"\s>]{1,2048})")


def _decoded_payloads(script: str) -> list[str]:
    out: list[str] = []
    for m in _B64_LITERAL.finditer(script):
        raw = re.sub(r"\s", "", m.group(1))
        try:
            out.append(base64.b64decode(raw + "=" * (-len(raw) % 4)).decode("utf-8", "replace"))
        except (binascii.Error, ValueError):
            continue
    for m in _ESCAPED_LITERAL.finditer(script):
        out.append(urllib.parse.unquote(m.group(1)))
    return out[:20]


# The HTML parser's time grows with the square of the nesting depth of some elements (45,000
# unclosed <div>s: 7 s). Past this many start tags, every tag but the few whose facts are read is
# dropped before parsing: the links, forms, scripts and text come out the same, flat.
MAX_TAGS_AS_IS = 5000
MAX_KEPT_TAGS = 20_000  # of a flattened page's anchors, the first (links past 1,000 are not read)
_START_TAG = re.compile(r"<[A-Za-z]")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})(?=[\s/>])[^<>]{0,4000}>")
_KEPT_TAGS = frozenset({"a", "area", "base", "form", "input", "meta", "iframe", "frame", "embed", "object", "script",
                        "style", "title", "head", "body", "html"})


def flatten_html(html: str) -> str:
    """``html`` without the tags no fact is read from, when it has too many to parse as it is; of
    its anchors, the first ``MAX_KEPT_TAGS`` (a flood of 400,000 anchors built a parser tree of
    300 MiB, and links past the first thousand are not read anyway: ``url_limit``). Forms, scripts,
    frames and the rest are all kept: a flood must not hide the form after it."""
    if html.count("<") <= MAX_TAGS_AS_IS:
        return html
    for count, _ in enumerate(_START_TAG.finditer(html), 1):
        if count > MAX_TAGS_AS_IS:
            break
    else:
        return html
    anchors = 0

    def keep(m: re.Match[str]) -> str:
        nonlocal anchors
        name = m.group(2).lower()
        if name not in _KEPT_TAGS:
            return " "
        if name in ("a", "area") and not m.group(1):  # only anchors are capped: forms, scripts, frames stay
            if anchors >= MAX_KEPT_TAGS:
                return " "
            anchors += 1
        return m.group(0)

    return _ANY_TAG.sub(keep, html)


def ascii_lowered(text: str) -> str:
    """``text.lower()`` as far as ASCII words go, every other character a "?": an ASCII word
    without "?" is in it, and as many times, as in ``text.lower()``. Lowering a Japanese page
    looks every character up; this lowers bytes. Only two characters lower to ASCII letters,
    the Kelvin sign (k) and the dotted capital I (i and a combining dot): they are written so first."""
    if text.isascii():
        return text.lower()
    if "\u212a" in text:
        text = text.replace("\u212a", "k")
    if "\u0130" in text:
        text = text.replace("\u0130", "i\u0307")
    return text.encode("ascii", "replace").lower().decode("ascii")


def _hidden_text_of(node: Any, hidden_ids: set[int]) -> int:
    """The length of a hidden element's text, 0 when an element around it was already counted
    (ancestors looked at: a few levels; elements come in document order, so a hidden ancestor is
    already in ``hidden_ids``)."""
    if node.mem_id in hidden_ids:
        return 0
    hidden_ids.add(node.mem_id)
    parent = node.parent
    for _ in range(20):
        if parent is None:
            break
        if parent.mem_id in hidden_ids:
            return 0
        parent = parent.parent
    return len(node.text(separator=" ", strip=True))


MAX_SHEET_HIDINGS = 200  # a sheet's first hiding declarations (a mail's sheet has a few; a hostile one, floods)
_BARE_TAG = re.compile(r"[a-z][a-z0-9]{0,15}")
# elements whose hiding says nothing: they hold no text a reader would see anyway
_TEXTLESS_TAGS = frozenset({"html", "head", "title", "style", "script", "template", "noscript", "meta", "link",
                            "img", "br", "hr", "audio", "video", "canvas", "svg", "iframe", "object", "embed"})


def _without_css_comments(css: str) -> str:
    """``css`` without its ``/* … */`` comments and HTML comment marks, in one pass of ``str.find`` (a
    lazy pattern rescans to the end for each unclosed ``/*``: quadratic on a hostile sheet)."""
    css = css.replace("<!--", " ").replace("-->", " ")
    out: list[str] = []
    done = 0
    while (start := css.find("/*", done)) != -1:
        out.append(css[done:start])
        end = css.find("*/", start + 2)
        if end == -1:
            done = len(css)
            break
        out.append(" ")
        done = end + 2
    out.append(css[done:])
    return "".join(out)


def _sheet_hidden_tags(sheets: list[str]) -> list[str]:
    """The element names a top-level rule of the style sheets hides (``q{display:none}``, ``u, s {font-size:0}``).
    Rules inside ``@media`` and other at-rule blocks are a layout's (a newsletter hides its desktop
    columns on a phone); classes and compound selectors are a layout's too (a preheader's ``.preheader``).
    The body is never counted (``body{display:none}`` hides all, a shown-later page). Read from each hiding
    declaration back to its rule's selector (most sheets hide nothing, or a class or two). Bounded: 100 KB a
    sheet, its first 200 hiding declarations, ten names."""
    out: list[str] = []
    for sheet in sheets:
        css = _without_css_comments(sheet[:100_000]).lower()
        for count, m in enumerate(_HIDING_LOWERED.finditer(css)):
            if count >= MAX_SHEET_HIDINGS or len(out) >= 10:
                break
            opened = css.rfind("{", 0, m.start())
            if opened < 0 or css.rfind("}", opened, m.start()) >= 0:
                continue  # not inside a rule's declarations
            if css.count("{", 0, opened) != css.count("}", 0, opened):
                continue  # inside an at-rule's block (or a sheet whose braces do not pair)
            selector = css[max(css.rfind("}", 0, opened), css.rfind(";", 0, opened)) + 1:opened].strip()
            if selector.startswith("@"):
                continue
            for part in selector.split(","):
                name = part.strip()
                if _BARE_TAG.fullmatch(name) and name not in _TEXTLESS_TAGS and name != "body" and name not in out:
                    out.append(name)
    return out[:10]


_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}:")


def _base_href(tree: Any) -> str | None:
    """The page's ``<base href>`` when it is a web address (round 11: a kit writes its links relative,
    ``href="login.php"``, under a base that names its site; read alone, they were no link at all)."""
    node = tree.css_first("base[href]")
    href = normalise_href(node.attributes.get("href") or "") if node is not None else ""
    return href if href[:8].lower().startswith(("http://", "https://")) and len(href) <= 2048 else None


def html_facts(html: str, _depth: int = 0) -> HtmlFacts:
    from selectolax.lexbor import LexborHTMLParser  # parser only: nothing is fetched or run

    facts = HtmlFacts()
    html = flatten_html(html)
    try:
        tree = LexborHTMLParser(html)
    except Exception:  # noqa: BLE001 - the parser rejects some inputs outright
        facts.text = re.sub(r"<[^<>]{0,2000}>", " ", html)
        return facts
    # every query walks the whole tree: the ones whose elements the page does not hold are skipped
    lowered = ascii_lowered(html[:4_000_000])
    base = _base_href(tree) if "<base" in lowered else None
    for node in tree.css("a[href], area[href]"):
        href = node.attributes.get("href") or ""
        if base is not None and href and not _HAS_SCHEME.match(href.strip()) and not href.strip().startswith(("#", "//")):
            href = urllib.parse.urljoin(base, href.strip())  # round 11: a relative link under <base href> is the base's
        facts.anchors.append((href, node.text(separator=" ", strip=True)))
    if "<form" in lowered:
        for node in tree.css("form"):
            action = node.attributes.get("action") or ""
            has_password = bool(node.css_first("input[type=password i]"))
            facts.forms.append((action, has_password))
    if not facts.forms and "<input" in lowered and tree.css_first("input[type=password i]"):
        facts.forms.append(("", True))
    if "http-equiv" in lowered:
        for node in tree.css("meta[http-equiv]"):
            if (node.attributes.get("http-equiv") or "").lower() == "refresh":
                m = _REFRESH_URL.search(node.attributes.get("content") or "")
                if m:
                    facts.meta_refresh.append(m.group(1))
    if "frame" in lowered or "<embed" in lowered or "<object" in lowered:
        for node in tree.css("iframe[src], frame[src], embed[src], object[data]"):
            src = node.attributes.get("src") or node.attributes.get("data") or ""
            facts.resources.append(src)
    scripts = [node.text() for node in tree.css("script")] if "<script" in lowered else []
    handlers = " ".join(
        value or "" for node in tree.css("[onload], [onclick], [onerror]") for value in node.attributes.values()
    ) if ("onload" in lowered or "onclick" in lowered or "onerror" in lowered) else ""
    script_text = "\n".join(scripts)[:2_000_000] + handlers[:200_000]
    for name, pattern in _SCRIPT_SIGNS:
        if pattern.search(script_text):
            facts.script_signs.add(name)
    facts.hidden_urls.extend(urls_in_text(script_text[:200_000], 50))  # window.location = "https://…"
    if _depth < 2:
        for payload in _decoded_payloads(script_text):
            inner = html_facts(payload, _depth + 1) if "<" in payload else None
            if inner:
                facts.hidden_urls.extend(h for h, _ in inner.anchors)
                facts.hidden_urls.extend(a for a, _ in inner.forms if a)
                facts.forms.extend(inner.forms)
            facts.hidden_urls.extend(urls_in_text(payload, 50))
    if "download" in lowered and tree.css_first("a[download]") is not None:
        facts.script_signs.add("download")
    facts.images = lowered.count("<img")
    for node in tree.css('img[src^="data:"]') if "data:image" in lowered else ():
        src = (node.attributes.get("src") or "").strip()
        if len(facts.data_images) >= MAX_DATA_IMAGES or not src[:11].lower().startswith("data:image/"):
            continue
        head, _, payload = src[:MAX_DATA_IMAGE_CHARS].partition(",")
        if head.lower().endswith(";base64"):
            try:
                facts.data_images.append(base64.b64decode(re.sub(r"\s", "", payload) + "==", validate=False))
            except (binascii.Error, ValueError):
                continue
    hidden = 0
    # only elements whose style could hide them are looked at (most mail hides nothing: one scan says so)
    may_hide = any(w in lowered for w in _HIDING_WORDS)
    styled = tree.css(_HIDING_CANDIDATES) if may_hide else []
    hidden_ids: set[int] = set()
    for count, node in enumerate(styled):
        if count >= MAX_STYLED_NODES:
            break
        if hides(node.attributes.get("style") or ""):
            hidden += _hidden_text_of(node, hidden_ids)
    # round 10: a style sheet that hides a whole kind of element (``q{display:none}``), then filler
    # wrapped in it between the words; styled nodes and these are both in document order
    if may_hide and "<style" in lowered:
        for tag in _sheet_hidden_tags([node.text() or "" for node in tree.css("style")[:20]]):
            for count, node in enumerate(tree.css(tag)):
                if count >= MAX_STYLED_NODES:
                    break
                hidden += _hidden_text_of(node, hidden_ids)
    facts.hidden_chars = hidden
    tree.strip_tags(["script", "style", "noscript", "template", "head"])
    body = tree.body
    facts.text = (body.text(separator=" ") if body is not None else tree.text(separator=" "))[:4_000_000]
    if "://" in facts.text or "www." in facts.text:
        # (a newline in HTML text is a space; the cells' mark, no text's character, stands between nodes)
        facts.cells = (body.text(separator=CELL) if body is not None
                       else tree.text(separator=CELL))[:20_000].replace("\n", " ")
    return facts
