"""Hostile inputs for the analysis core (SPEC §8 limits), built in memory.

``hostile_inputs()`` returns ``{name: bytes}``; ``bench/hostile.py`` times ``analyse()`` on each,
and tests may import this module (with ``bench/`` on ``sys.path``) to assert that the core stays
fast and never raises on them. Everything is deterministic (the random input is seeded), so the
same name always gives the same bytes.

Inputs (sizes are of the whole input):

- ``deep_nesting_1000``: 1,000 nested ``multipart/mixed`` levels, one text part at the bottom.
- ``parts_5000``: one ``multipart/mixed`` with 5,000 small ``text/plain`` parts.
- ``single_line_10mb``: a mail whose body is one 10,000,000-byte line with no spaces and no
  line break (one giant token: worst case for tokenising / URL regexes). The whole input stays
  just under ``Limits.max_input_bytes`` (10 MiB), so the line is analysed, not cut at intake.
- ``header_lines_100000``: 100,000 header lines in all (From, Subject, ... first, then
  ``X-Filler-N`` lines), then a short body.
- ``header_lines_100000_filler_first``: the same lines with the filler first, so the usual
  headers come after line 99,990.
- ``random_1mb``: 1 MiB of random bytes (``random.Random(SEED)``).
- ``empty``: ``b""``.
- ``truncated_msg``: the first 4,000 bytes of a real Outlook ``.msg`` (OLE2 compound file) from
  the corpus; left out when that file is not present.
- ``long_url_pasted``: ``http://`` followed by 200,000 ``a.``, as the whole (pasted) input.
- ``long_url_in_mail``: the same URL as the plain-text body of an ordinary mail.
- ``html_nested_divs_45000``: an HTML body of 45,000 unclosed ``<div>``s with a link at the
  bottom (220 KiB; the HTML parser's time grows with the square of such nesting).
- ``html_nested_lists_45000``: the same with ``<ul>``.
"""

from __future__ import annotations

import random
from pathlib import Path

SEED = 20240229
# ../shared beside the checkout (as CI lays it out)
SHARED = Path(__file__).resolve().parents[2] / "shared"
OUTLOOK_MSG = SHARED / "corpus" / "malformed" / "mail-parser__tests__mails__mail_outlook_1.eml"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_HEAD = (
    b"From: Sender <sender@example.com>\r\n"
    b"To: Recipient <rcpt@example.org>\r\n"
    b"Subject: hostile input\r\n"
    b"Date: Mon, 01 Jan 2024 00:00:00 +0000\r\n"
    b"Message-ID: <hostile@example.com>\r\n"
    b"MIME-Version: 1.0\r\n"
)


def deep_nesting(depth: int = 1000) -> bytes:
    out = [_HEAD, b'Content-Type: multipart/mixed; boundary="b0"\r\n\r\n']
    for level in range(depth - 1):
        out.append(b"--b%d\r\n" % level)
        out.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n' % (level + 1))
    out.append(b"--b%d\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nbottom\r\n" % (depth - 1))
    for level in reversed(range(depth)):
        out.append(b"--b%d--\r\n" % level)
    return b"".join(out)


def many_parts(count: int = 5000) -> bytes:
    out = [_HEAD, b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n']
    for i in range(count):
        out.append(b"--XX\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\npart %d\r\n" % i)
    out.append(b"--XX--\r\n")
    return b"".join(out)


def single_line(length: int = 10_000_000) -> bytes:
    unit = b"0123456789abcdef"
    line = (unit * (length // len(unit) + 1))[:length]
    return _HEAD + b"Content-Type: text/plain; charset=us-ascii\r\n\r\n" + line


def many_header_lines(count: int = 100_000, filler_first: bool = False) -> bytes:
    """``count`` header lines in all: the usual headers plus ``X-Filler-N`` lines, then a body.

    By default the usual headers (From, Subject, ...) come first and the filler after them; with
    ``filler_first`` the filler comes first, so From/Subject sit beyond line 99,990.
    """
    head = _HEAD + b"Content-Type: text/plain; charset=us-ascii\r\n"
    n = count - head.count(b"\n")
    filler = b"".join(b"X-Filler-%d: value %d\r\n" % (i, i) for i in range(n))
    body = b"\r\nbody http://example.com/\r\n"
    return (filler + head if filler_first else head + filler) + body


def random_bytes(size: int = 1024 * 1024, seed: int = SEED) -> bytes:
    return random.Random(seed).randbytes(size)


def truncated_msg(source: Path = OUTLOOK_MSG, size: int = 4000) -> bytes | None:
    try:
        with source.open("rb") as fh:
            data = fh.read(size)
    except OSError:
        return None
    return data if data.startswith(OLE_MAGIC) else None


def long_url(count: int = 200_000) -> bytes:
    return b"http://" + b"a." * count


def hostile_inputs(msg_source: Path = OUTLOOK_MSG) -> dict[str, bytes]:
    """All hostile inputs by name (insertion order is the order to run them in)."""
    inputs = {
        "deep_nesting_1000": deep_nesting(1000),
        "parts_5000": many_parts(5000),
        "single_line_10mb": single_line(10_000_000),
        "header_lines_100000": many_header_lines(100_000),
        "header_lines_100000_filler_first": many_header_lines(100_000, filler_first=True),
        "random_1mb": random_bytes(),
        "empty": b"",
    }
    msg = truncated_msg(msg_source)
    if msg is not None:
        inputs["truncated_msg"] = msg
    url = long_url(200_000)
    inputs["long_url_pasted"] = url
    inputs["long_url_in_mail"] = _HEAD + b"Content-Type: text/plain; charset=us-ascii\r\n\r\n" + url + b"\r\n"
    inputs["html_nested_divs_45000"] = nested_html("div")
    inputs["html_nested_lists_45000"] = nested_html("ul")
    return inputs


def nested_html(tag: str, depth: int = 45_000) -> bytes:
    body = f"<{tag}>".encode() * depth + b'<a href="https://login.example.net/verify">verify</a>'
    return _HEAD + b"Content-Type: text/html; charset=us-ascii\r\n\r\n" + body + b"\r\n"


# --- families over generated sizes (issue 10): each class of attack at growing sizes ----------------

# an obvious phish: each family below hides it behind one attack, and the verdict must survive
PHISH = (
    b"From: Amazon <security@amaz0n-account.example.com>\n"
    b"To: Taro Yamada <taro.yamada@example.jp>\n"
    b"Cc: hanako@example.jp\n"
    b"Reply-To: help@amaz0n-account.example.com\n"
    b"Subject: Amazon account suspended\n"
    b"Content-Type: text/plain; charset=utf-8\n"
    b"\n"
    b"Your Amazon account has been locked. Verify your password within 24 hours:\n"
    b"https://amazon.co.jp.signin-verify.example.com/ap/signin\n"
)


def _phish_with(header: bytes, replace: bytes = b"Content-Type: text/plain; charset=utf-8") -> bytes:
    return PHISH.replace(replace, header, 1)


def param_quadratic(size: int) -> bytes:
    """``Content-Type: text/plain; a="`` and ``size`` semicolons (the stdlib's _parseparam is quadratic)."""
    return _phish_with(b'Content-Type: text/plain; charset=utf-8; a="' + b";" * size)


def rfc2231_storm(count: int) -> bytes:
    """``count`` RFC 2231 continuations of one parameter."""
    storm = b"".join(b" name*%d*=utf-8''%%41%%42;" % i for i in range(count))
    return _phish_with(b"Content-Type: text/plain; charset=utf-8;" + storm)


def huge_header(size: int) -> bytes:
    """One header field of ``size`` bytes (folded every 1,000 bytes) above the phish."""
    line = b"x" * 998
    folds = b"\n ".join([line] * max(1, size // 1000))
    return b"X-Padding: " + folds + b"\n" + PHISH


def huge_header_line(size: int) -> bytes:
    """One header field of ``size`` bytes on one line above the phish."""
    return b"X-Padding: " + b"x" * size + b"\n" + PHISH


def nested_comments(count: int, field: bytes = b"From") -> bytes:
    """``count`` unclosed ``(`` in an address field (the stdlib address parser recurses per level)."""
    lines = PHISH.split(b"\n")
    out = [line.replace(b": ", b": " + b"(" * count, 1) if line.startswith(field + b": ") else line for line in lines]
    return b"\n".join(out)


def nul_padded(count: int) -> bytes:
    return PHISH + b"\x00" * count


def utf16(padding: int, codec: str = "utf-16-le") -> bytes:
    """The phish as UTF-16 text (no byte-order mark), ``padding`` lines of filler after it."""
    return (PHISH.decode() + "filler line\n" * padding).encode(codec)


def flate_pdfs(count: int, inflated: int = 5_000_000) -> bytes:
    """``count`` PDF attachments, each one Flate stream inflating to ``inflated`` bytes."""
    import base64
    import zlib

    stream = zlib.compress(b"0" * inflated, 9)
    pdf = b"%%PDF-1.4\n1 0 obj << /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + (
        b"\nendstream\nendobj\n%%EOF\n")
    part = (b'--B\nContent-Type: application/pdf; name="invoice.pdf"\nContent-Transfer-Encoding: base64\n\n'
            + base64.encodebytes(pdf))
    head, _, body = PHISH.partition(b"\n\n")
    head = head.replace(b"Content-Type: text/plain; charset=utf-8", b'Content-Type: multipart/mixed; boundary="B"')
    return head + b"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n" + body + part * count + b"--B--\n"


def nested_urls(count: int) -> bytes:
    """``count`` links each carrying another link in its path (``/https://…``, ``/www.…``, ``/@…``)."""
    links = b"\n".join(b"https://r%d.example.com/https://evil%d.example.com/www.x%d.example.com/@y.example.org" % (i, i, i)
                       for i in range(count))
    return PHISH + links + b"\n"


def control_subject(count: int) -> bytes:
    """A Subject of ``count`` terminal escapes and bidi overrides (RFC 2047, so they survive decoding)."""
    import base64

    text = ("\x1b[2J\x1b]8;;https://evil.example.com/\x07\u202e\r" * count).encode()
    return PHISH.replace(b"Subject: Amazon account suspended",
                         b"Subject: Amazon =?utf-8?b?" + base64.b64encode(text) + b"?=", 1)


def url_lines(count: int) -> bytes:
    """``count`` lines that each start with a link, pasted alone (not a header block)."""
    return b"".join(b"https://login%d.amazon-verify.example.com/signin\n" % i for i in range(count))


def uuencode_junk(count: int) -> bytes:
    """The phish with an HTML part labelled uuencode whose ``count`` lines do not decode (each is
    tried twice, then the whole body is read as written as well)."""
    head, _, body = PHISH.partition(b"\n\n")
    head = head.replace(b"Content-Type: text/plain; charset=utf-8", b'Content-Type: multipart/mixed; boundary="B"')
    junk = b"begin 644 page.html\n" + b"\xff\xfe!!!xxxxxxxxx\n" * count + b"end\n"
    return (head + b"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n" + body
            + b"--B\nContent-Type: text/html\nContent-Transfer-Encoding: x-uuencode\n\n" + junk + b"--B--\n")


def anchor_flood(count: int) -> bytes:
    """The phish with an HTML part of ``count`` anchors (the parser's tree grows with each)."""
    head, _, body = PHISH.partition(b"\n\n")
    head = head.replace(b"Content-Type: text/plain; charset=utf-8", b'Content-Type: multipart/mixed; boundary="B"')
    flood = b"".join(b"<a href=https://l%d.example.com/>x</a>\n" % (i % 5000) for i in range(count))
    return (head + b"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n" + body
            + b"--B\nContent-Type: text/html\n\n" + flood + b"--B--\n")


def style_flood(count: int) -> bytes:
    """The phish with an HTML part whose style sheets hold ``count`` hiding rules, unclosed comments and
    braces (round 10 reads top-level rules that hide a kind of element), and ``count`` hidden elements."""
    head, _, body = PHISH.partition(b"\n\n")
    head = head.replace(b"Content-Type: text/plain; charset=utf-8", b'Content-Type: multipart/mixed; boundary="B"')
    sheet = b"q{display:none}" * count + b"/*" * count + b"{" * count + b"}" * count
    page = b"<style>" + sheet + b"</style>" * 30 + b"<p>" + b"w <q>filler</q> " * count + b"</p>"
    return (head + b"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n" + body
            + b"--B\nContent-Type: text/html\n\n" + page + b"\n--B--\n")


def ja_spelling_flood(count: int) -> bytes:
    """The phish with ``count`` Japanese spellings the phrase lists fold (「下さい」「振り込」…) and ``count`` form
    names holding a sum and a link after it (review 10: ``brands.normalise`` and ``rules._injected_name``)."""
    filler = "下さい振り込頂き致し受け取".encode() * count + b"\nHello $5 www." * min(count, 100_000)
    return PHISH + b"\n" + filler + b"\n"


def ics_flood(count: int) -> bytes:
    """The phish with a calendar invitation of ``count`` folded, escaped and quoted content lines (round 11:
    ``ics.invitation_text`` unfolds, splits and unescapes them by hand)."""
    head, _, body = PHISH.partition(b"\n\n")
    head = head.replace(b"Content-Type: text/plain; charset=utf-8", b'Content-Type: multipart/mixed; boundary="B"')
    event = (b'DESCRIPTION;ALTREP="' + b':' * 50 + b'":' + b"\\n\\,\\;\\\\" * 20 + b"\n \t x\n"
             + b'X-ALT-DESC;FMTTYPE=text/html:<a href=https://x.example.net>' + b"\\" * 30 + b"\n"
             + b'ATTENDEE;CN="' + b'"' * 100 + b"\n")
    ics = b"BEGIN:VCALENDAR\nBEGIN:VEVENT\n" + event * count + b"END:VEVENT\nEND:VCALENDAR\n"
    return (head + b"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n" + body
            + b"--B\nContent-Type: text/calendar; method=REQUEST\n\n" + ics + b"\n--B--\n")


def ja_secret_list_flood(count: int) -> bytes:
    """The phish with a secret's word followed by ``count`` list commas, the word repeated ``count`` times and spaced
    out (review 11: ``secret_ask._JA_ASKED``'s two runs between the secret and the ask both took a comma, and a
    secret's word was one of the list's; unbounded, 19,000 commas held a process 20 s)."""
    filler = "暗証番号" + "、" * count + "\n" + "暗証番号" * count + "\n" + "暗 証 番 号 " * count
    return PHISH + b"\n" + filler.encode() + b"\n"


# name: (builder, sizes, the problem it must report (or None), whether the phish's verdict must survive)
FAMILIES = {
    "param_quadratic": (param_quadratic, (50_000, 200_000, 1_000_000), "long_header", True),
    "rfc2231_storm": (rfc2231_storm, (100, 10_000, 100_000), "param_limit", True),
    "huge_header_folded": (huge_header, (100_000, 1_000_000, 7_500_000), "long_header", True),
    "huge_header_line": (huge_header_line, (100_000, 7_500_000), "long_header", True),
    "nested_comments_from": (nested_comments, (500, 5_000, 50_000), None, True),
    "nested_comments_to": (lambda n: nested_comments(n, b"To"), (500, 50_000), None, True),
    "nested_comments_reply_to": (lambda n: nested_comments(n, b"Reply-To"), (500, 50_000), None, True),
    "nul_padded": (nul_padded, (100, 100_000, 5_000_000), "control_bytes", True),
    "utf16_le": (utf16, (0, 1_000, 100_000), None, True),
    "utf16_be": (lambda n: utf16(n, "utf-16-be"), (0, 100_000), None, True),
    "utf16_bom": (lambda n: utf16(n, "utf-16"), (0, 100_000), None, True),
    "flate_pdfs": (flate_pdfs, (10, 100, 450), "inflate_limit", True),
    "nested_urls": (nested_urls, (10, 1_000), None, True),
    "control_subject": (control_subject, (10, 300), None, True),
    "url_lines": (url_lines, (10, 1_000), None, False),
    "uuencode_junk": (uuencode_junk, (100, 10_000, 400_000), "bad_uuencode", True),
    "anchor_flood": (anchor_flood, (1_000, 50_000, 200_000), None, True),
    "style_flood": (style_flood, (1_000, 50_000, 200_000), None, True),
    "ja_spelling_flood": (ja_spelling_flood, (1_000, 50_000, 150_000), None, True),
    "ics_flood": (ics_flood, (100, 5_000, 20_000), None, True),
    "ja_secret_list_flood": (ja_secret_list_flood, (1_000, 19_000, 200_000), None, True),
}


def family_inputs(small: bool = False) -> dict[str, tuple[bytes, str | None, bool]]:
    """``{"family@size": (bytes, expected problem, phish verdict expected)}``; ``small``: only each
    family's smallest and largest-but-one sizes (for tests)."""
    out: dict[str, tuple[bytes, str | None, bool]] = {}
    for name, (build, sizes, problem, verdict) in FAMILIES.items():
        chosen = sizes[:1] + sizes[1:2] if small else sizes
        for size in chosen:
            out[f"{name}@{size}"] = (build(size), problem, verdict)
    return out
