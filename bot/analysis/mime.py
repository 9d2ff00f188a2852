"""What every reader of mail shares: the state of one walk through a mail (``Walk``: its budget,
the texts, attachments and problems found), header fields parsed within bounds, and the
``ParsedMail`` built from a walk. ``intake`` (RFC 5322 and MIME, pasted text) and ``outlook``
(``.msg``) both read into a ``Walk``; neither needs the other for that."""

from __future__ import annotations

import email.parser
import email.policy
import re
from dataclasses import dataclass, field
from email.message import Message

from bot.analysis.budget import Budget
from bot.analysis.charsets import decode_address_value, decode_header_value, unfold
from bot.analysis.models import Attachment, Limits, ParsedMail, Problem
from bot.analysis.pdf import pdf_facts

PDF_SIGNATURE = b"%PDF-"
FIELD_NAME = re.compile(rb"[A-Za-z][A-Za-z0-9-]{0,75}")  # a header field's name as mailers write it
_HEADER_PARSER = email.parser.BytesHeaderParser(policy=email.policy.compat32)


@dataclass
class Walk:
    """Mutable state of one walk through a mail: its budget, what was read, what was skipped."""

    limits: Limits
    budget: Budget
    parts: int = 0
    text_chars: int = 0
    texts: list[str] = field(default_factory=list)
    htmls: list[str] = field(default_factory=list)
    html_attached: list[bool] = field(default_factory=list)  # per entry of htmls: an attached page
    pdfs: list[bytes] = field(default_factory=list)
    images: list[bytes] = field(default_factory=list)  # kept (bounded) for QR decoding
    attachments: list[Attachment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    inner: list[bytes] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    def note(self, code: str, **params: object) -> None:
        if code in self.flags:
            return
        self.flags.add(code)
        self.problems.append(Problem(code, tuple((k, str(v)) for k, v in params.items())))

    def add_text(self, text: str, html: bool, attached: bool = False) -> None:
        room = self.limits.max_text_chars - self.text_chars
        if room <= 0:
            self.note("text_limit", limit=self.limits.max_text_chars)
            return
        if len(text) > room:
            text = text[:room]
            self.note("text_limit", limit=self.limits.max_text_chars)
        self.text_chars += len(text)
        if html:
            self.htmls.append(text)
            self.html_attached.append(attached)
        else:
            self.texts.append(text)


def normalise_newlines(data: bytes) -> bytes:
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


KEY_HEADERS = frozenset({
    b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"return-path", b"reply-to", b"sender",
    b"delivered-to", b"x-original-to", b"mime-version", b"content-type", b"content-transfer-encoding",
    b"content-disposition", b"list-id", b"precedence",
})


def parse_headers(head: bytes, walk: Walk) -> Message:
    max_lines = walk.limits.max_header_lines
    if head.count(b"\n") > max_lines:
        # Past the limit, keep the headers the analysis needs wherever they sit: filler must not
        # push From and Subject out of reach.
        lines = head.split(b"\n")
        kept = lines[:max_lines]
        keep = False
        extra = 0
        for line in lines[max_lines:]:
            if line[:1] in (b" ", b"\t"):
                if keep:
                    kept.append(line)
                continue
            name = line.split(b":", 1)[0].strip().lower()
            keep = name in KEY_HEADERS and extra < 64
            if keep:
                kept.append(line)
                extra += 1
        head = b"\n".join(kept)
        walk.note("header_limit", limit=max_lines)
    return header_block(_cap_fields(head, walk))


# what the stdlib's feed parser takes for a header line: a field name and its colon, a
# continuation, or an mbox "From " line; the first other line ends the block
_FEED_HEADER_LINE = re.compile(r"From |[\041-\071\073-\176]*:|[\t ]")
_FIELD_START = re.compile(r"\n(?![ \t])")  # a line break that no continuation line follows
_FIELD_START_BYTES = re.compile(rb"\n(?![ \t])")


def header_block(head: bytes) -> Message:
    """The header block as the stdlib's compat32 ``BytesHeaderParser`` reads it — same fields, same
    raw values (folding kept, 8-bit bytes as surrogates) — in one pass over the lines, without the
    feed parser's per-line machinery (a third of the reading time of a typical mail)."""
    msg = Message()
    # one piece per field: its line and its continuation lines (these always read as header lines,
    # so only a field's first line can end the block)
    for field_text in _FIELD_START.split(head.decode("ascii", "surrogateescape")):
        if not field_text or _FEED_HEADER_LINE.match(field_text) is None:
            break  # a blank line, or a line that is no field: the rest would be a body
        if field_text[0] in " \t" or field_text.startswith("From "):
            # continuation lines of no field; the mbox separator (first line), or a stray one (a
            # defect): skipped with their continuation lines
            continue
        colon = field_text.find(":")  # on the first line: it matched a name and its colon
        if colon <= 0:
            continue  # no field name: skipped, as the stdlib does
        msg.set_raw(field_text[:colon], field_text[colon + 1 :].lstrip(" \t").rstrip("\r\n"))
    return msg


def _cap_fields(head: bytes, walk: Walk) -> bytes:
    """Every field (its line and continuation lines) cut at ``max_header_bytes``: what the stdlib
    parsers are given is bounded, and a field that long is itself worth saying (``long_header``)."""
    cap = walk.limits.max_header_bytes
    if len(head) <= cap or max(map(len, _FIELD_START_BYTES.split(head))) <= cap:
        return head  # no field as long as the cap (a field: its line and continuation lines)
    out: list[bytes] = []
    size = 0
    name = b""
    for line in head.split(b"\n"):
        if not (line[:1] in (b" ", b"\t") and out):
            size = 0
            name = line.split(b":", 1)[0]
        room = cap - size
        kept = line
        if len(line) > room:
            if not FIELD_NAME.fullmatch(name):
                name = b"?"
            walk.note("long_header", name=name.decode("ascii"), limit=cap)
            if room <= 0:
                continue
            kept = line[:room]
        size += len(kept) + 1
        out.append(kept)
    return b"\n".join(out)


# machine data no one reads as words (anti-spam verdicts, signatures): kept as sent, unfolded
_OPAQUE_PREFIXES = ("x-microsoft-antispam", "x-ms-", "x-forefront-", "arc-seal", "arc-message-signature",
                    "dkim-signature", "x-google-dkim-signature", "x-gm-message-state", "x-google-smtp-source")


# fields that hold mailboxes: their encoded words are decoded as display names (quoted where
# the decoded text would change how the field is read)
ADDRESS_FIELDS = frozenset((
    "from", "sender", "reply-to", "to", "cc", "bcc", "return-path", "delivered-to", "x-original-to",
    "envelope-to", "x-delivered-to", "resent-from", "resent-sender", "resent-to", "resent-cc",
    "resent-bcc", "mail-reply-to", "mail-followup-to", "disposition-notification-to", "errors-to",
))


def decoded_items(msg: Message) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for name, value in msg.raw_items():
        key = name.strip().lower()
        raw = str(value)[:16384]
        if key.startswith(_OPAQUE_PREFIXES) and raw.isascii():
            out.append((key, unfold(raw)))
        elif key in ADDRESS_FIELDS:
            out.append((key, decode_address_value(raw)))
        else:
            out.append((key, decode_header_value(raw)))
    return tuple(out)


def _header(items: tuple[tuple[str, str], ...], name: str) -> str | None:
    for key, value in items:
        if key == name:
            return value
    return None


def build_mail(
    kind: str, items: tuple[tuple[str, str], ...], walk: Walk, pasted: tuple[tuple[str, str], ...] = ()
) -> ParsedMail:

    texts = list(walk.texts)
    pdf_links: list[str] = []
    pdf_signs: set[str] = set()
    for pdf in walk.pdfs[:10]:
        if walk.budget.out_of_time():
            walk.note("time_limit")
            break
        facts = pdf_facts(pdf, walk.budget)
        if facts.text:
            texts.append(facts.text)
        pdf_links.extend(facts.links)
        pdf_signs |= facts.signs
        if facts.problem:
            walk.note(facts.problem)
    if walk.budget.inflate_spent_out:
        walk.note("inflate_limit", limit=walk.limits.max_inflated_bytes)
    subject = _header(items, "subject")
    if subject is None and pasted:
        subject = dict(pasted).get("subject")
    return ParsedMail(
        kind=kind,  # type: ignore[arg-type]
        headers=items,
        subject=subject,
        date=_header(items, "date"),
        message_id=_header(items, "message-id"),
        texts=tuple(texts),
        htmls=tuple(walk.htmls),
        html_attached=tuple(walk.html_attached),
        attachments=tuple(walk.attachments),
        pdf_links=tuple(pdf_links),
        problems=tuple(walk.problems),
        pasted_fields=pasted,
        pdf_signs=tuple(sorted(pdf_signs)),
        images=tuple(walk.images),
    )
