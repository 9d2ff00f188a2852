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
