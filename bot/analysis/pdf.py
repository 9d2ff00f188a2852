"""PDF attachments, read without rendering: link and form-submit targets, active content, and the
Latin text of text operators.

Why not pypdf: importing it costs ~0.3 s and its text extraction ~40 ms a page, which alone
broke the SPEC §9 speed target on the corpus (docs/BENCHMARKS.md). Phishing PDFs matter for
their links, their forms and their scripts; those are plain PDF syntax (``/URI (…)``,
``/SubmitForm … /F (…)``, ``/JavaScript``, ``/Launch``), found here in the raw file and in its
Flate-compressed streams (object streams included), within a byte budget that all the mail's
attachments share (``Budget``: 450 PDFs of one mail inflating 5 MB each must not cost seconds),
and within the mail's time. Every regex is over disjoint classes or bounded.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from bot.analysis.budget import Budget, unlimited

MAX_STREAMS = 400
MAX_INFLATED = 4 * 1024 * 1024
MAX_STREAM_OUT = 5 * 1024 * 1024
MAX_TEXT = 200_000

_STREAM = re.compile(rb"stream\r?\n")
_LITERAL = rb"\(((?:[^()\\]|\\.){0,4096})\)"
_URI = re.compile(rb"/URI\s*" + _LITERAL + rb"|/URI\s*<([0-9A-Fa-f\s]{2,8192})>", re.DOTALL)
_SUBMIT_TARGET = re.compile(rb"/F\s*" + _LITERAL, re.DOTALL)
MAX_SUBMITS = 50  # /SubmitForm actions looked at per stream
_TEXT_OP = re.compile(rb"\(((?:[^()\\]|\\.){1,500})\)\s*Tj", re.DOTALL)
_JS = re.compile(rb"/(?:JavaScript|JS)\b")
_LAUNCH = re.compile(rb"/Launch\b")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_ESCAPE = re.compile(rb"\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)")


@dataclass
class PdfFacts:
    text: str = ""
    links: list[str] = field(default_factory=list)
    signs: set[str] = field(default_factory=set)  # "javascript", "launch", "submit_form"
    problem: str | None = None


def _unescape(raw: bytes) -> bytes:
    def repl(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        if code in _ESCAPES:
            return _ESCAPES[code]
        if code[:1].isdigit():
            return bytes((int(code, 8) & 0xFF,))
        if code.startswith((b"\r", b"\n")):
            return b""
        return code

    return _ESCAPE.sub(repl, raw)


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")


def _inflated(data: bytes, budget: Budget) -> list[bytes]:
    out: list[bytes] = []
    total = 0
    for count, m in enumerate(_STREAM.finditer(data)):
        if count >= MAX_STREAMS or total >= MAX_INFLATED or budget.out_of_time():
            break
        start = m.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        header = data[max(0, m.start() - 300) : m.start()]
        if b"FlateDecode" not in header and b"/Fl " not in header and b"/Fl]" not in header:
            continue
        room = budget.inflate_room(MAX_STREAM_OUT)
        if room <= 0:
            break
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(data[start:end], room)
        except zlib.error:
            continue
        budget.spend_inflated(len(chunk), capped=len(chunk) >= room)
        total += len(chunk)
        out.append(chunk)
    return out


def pdf_facts(data: bytes, budget: Budget | None = None) -> PdfFacts:
    """Never raises; a file that is not a PDF just yields nothing. ``budget`` is the mail's (its
    decompressed bytes and its time, shared with its other attachments)."""
    budget = budget or unlimited()
    facts = PdfFacts()
    if b"%PDF" not in data[:1024]:
        facts.problem = "pdf_unreadable"
        return facts
    texts: list[str] = []
    size = 0
    compressed = b"FlateDecode" in data
    for index, blob in enumerate([data, *_inflated(data, budget)]):
        if index > 0 and budget.out_of_time():
            break
        for m in _URI.finditer(blob):
            if m.group(1) is not None:
                uri = _unescape(m.group(1))
            else:
                try:
                    uri = bytes.fromhex(re.sub(rb"\s", b"", m.group(2)).decode("ascii"))
                except ValueError:
                    continue
            facts.links.append(_decode(uri).strip()[:4096])
        pos = blob.find(b"/SubmitForm")
        for _ in range(MAX_SUBMITS):
            if pos < 0:
                break
            facts.signs.add("submit_form")
            target = _SUBMIT_TARGET.search(blob, pos, pos + 4500)
            if target is not None:
                facts.links.append(_decode(_unescape(target.group(1))).strip()[:4096])
            pos = blob.find(b"/SubmitForm", pos + 11)
        if _JS.search(blob):
            facts.signs.add("javascript")
        if _LAUNCH.search(blob):
            facts.signs.add("launch")
        # text operators live in content streams: the raw file only when nothing is compressed
        if size < MAX_TEXT and (index > 0 or not compressed) and b"Tj" in blob:
            for m in _TEXT_OP.finditer(blob):
                piece = _decode(_unescape(m.group(1)))
                texts.append(piece)
                size += len(piece)
                if size >= MAX_TEXT:
                    break
    facts.text = " ".join(texts)
    facts.links = list(dict.fromkeys(link for link in facts.links if link))[:1000]
    return facts
