"""Intake: any bytes a member brings become a ``ParsedMail``, within the limits of SPEC §8.

The MIME walk is our own small splitter over the stdlib's compat32 header parser: the stdlib's
body parser recurses once per nesting level (1,000-deep multipart hits RecursionError) and has no
part or size budget. Ours is iterative per level, depth-capped and linear in the input size.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Iterator
from email.message import Message

from bot.analysis.budget import Budget
from bot.analysis.charsets import decode_bytes
from bot.analysis.ics import ICS_MAX_BYTES, invitation_text
from bot.analysis.links import urls_in_text
from bot.analysis.mime import (
    FIELD_NAME,
    PDF_SIGNATURE,
    Walk,
    build_mail,
    decoded_items,
    normalise_newlines,
    parse_headers,
)
from bot.analysis.mime_params import ContentFields, content_fields
from bot.analysis.models import Limits, ParsedMail, Problem
from bot.analysis.sniff import attachment as make_attachment
from bot.analysis.sniff import sniff

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# a field name and its colon; "https://…" (or a defanged "hxxps[:]//…") at the start of a line is
# a link, not a field
_HEADER_LINE = re.compile(rb"[!-9;-~]{1,76}[ \t]*:(?!\]?//)")
_KNOWN_HEADERS = frozenset(
    {
        b"from", b"to", b"cc", b"subject", b"date", b"received", b"return-path", b"message-id",
        b"delivered-to", b"mime-version", b"content-type", b"dkim-signature", b"reply-to",
        b"authentication-results", b"x-mailer", b"sender", b"arc-seal", b"x-original-to",
        b"received-spf", b"content-transfer-encoding", b"list-id", b"x-received",
    }
)
HTML_NAMES = (".html", ".htm", ".shtml", ".xhtml", ".svg", ".hta")
IMAGE_NAMES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp")
_OPAQUE_TYPES = ("application/octet-stream", "application/x-download", "application/force-download",
                 "application/unknown", "application/binary", "binary/octet-stream")
_PAGE_KINDS = ("text/html", "image/svg+xml", "application/hta")  # what sniff() calls a page
_CONTROL_BYTES = bytes((*range(0, 8), 11, 14, 15, *range(16, 27), *range(28, 32)))
# C0 controls no text needs (SO/SI stay: ISO-2022-JP half-width kana; ESC stays: its escapes)
_STRAY_CONTROLS = bytes((*range(0, 8), 11, *range(16, 27), *range(28, 32)))
# each of them alone: 26 searches for one byte (memchr) cost half of one translation of the mail,
# and most mail holds none of them
_STRAY_EACH = tuple(bytes((c,)) for c in _STRAY_CONTROLS)


def holds_any(data: bytes, each: tuple[bytes, ...]) -> bool:
    """Whether ``data`` holds one of the single bytes ``each`` (``len(data.translate(None,
    b"".join(each))) != len(data)``, by one memchr a byte)."""
    return any(map(data.__contains__, each))
_CODE_FENCE = re.compile(rb"\A[ \t]*```[A-Za-z0-9_-]{0,20}[ \t]*\n")


def split_head(data: bytes) -> tuple[bytes, bytes | None]:
    """Header block and body (None when there is no blank line: headers only)."""
    idx = data.find(b"\n\n")
    if idx < 0:
        return data, None
    return data[: idx + 1], data[idx + 2 :]


MAX_FIELDS_LOOKED_AT = 200
# the lines that start a field (not empty, not a continuation line), group 1 the field's name when
# the line reads as a header line (_HEADER_LINE matches it; None when not): one match a line gives
# what a match of the line, a match of _HEADER_LINE on it and a cut at its colon gave. Each line
# after the first is found from the line break before it: a pattern that starts with a literal is
# searched for it in C, where a multiline "^" was tried at every character of the header block,
# continuation lines included (1.4 % of a whole run)
_FIELD_NAME_AT = rb"(?:([!-9;-~]{1,76})[ \t]*:(?!\]?//)|(?=[^ \t\n]))"
_FIRST_FIELD_LINE = re.compile(_FIELD_NAME_AT)
_NEXT_FIELD_LINE = re.compile(rb"\n" + _FIELD_NAME_AT)


def field_line_names(head: bytes) -> Iterator[bytes | None]:
    """For each line that starts a field, in order: its name when it reads as a header line, else
    None. What ``re.finditer(rb"^" + _FIELD_NAME_AT + rb"[^\n]*", head, re.MULTILINE)`` gives as
    its group 1 (a test compares them)."""
    first = _FIRST_FIELD_LINE.match(head)
    if first is not None:
        yield first.group(1)
    for found in _NEXT_FIELD_LINE.finditer(head):
        yield found.group(1)


def looks_like_header_block(head: bytes) -> bool:
    """Whether ``head`` reads as mail header fields. The first 200 fields decide, however many
    continuation lines a padded field has before them (a 7.5 MB folded header must not hide the
    From line behind it)."""
    fields = 0
    known = 0
    bad = 0
    plain = 0
    # the lines that start a field: found by the pattern, so a padded field's thousand continuation
    # lines are not walked one by one
    for raw_name in field_line_names(head):
        if fields + bad >= MAX_FIELDS_LOOKED_AT:
            break
        if raw_name is None:
            bad += 1
            continue
        fields += 1
        name = raw_name.lower()  # no space in it: the name's characters stop at the first
        if name in _KNOWN_HEADERS:
            known += 1
        if known < 2 and FIELD_NAME.fullmatch(name):  # plain decides nothing once two usual fields are seen
            plain += 1
    if fields == 0 or not _HEADER_LINE.match(head.lstrip(b"\n")):
        return False
    # many fields none of which is a usual one: only names as header names are written count
    if known >= 2 or (known >= 1 and fields >= 3) or (fields >= 10 and bad == 0 and plain == fields):
        return bad <= max(1, fields // 10)
    return False


def _decode_cte(body: bytes, cte: str, walk: Walk) -> bytes:
    cte = cte.strip().lower()
    if cte == "base64":
        try:
            return binascii.a2b_base64(body)  # skips line breaks and junk characters by itself
        except (binascii.Error, ValueError):
            pass
        cleaned = re.sub(rb"[^A-Za-z0-9+/]", b"", body)
        cleaned = cleaned[: len(cleaned) - len(cleaned) % 4]
        try:
            return base64.b64decode(cleaned)
        except (binascii.Error, ValueError):
            walk.note("bad_base64")
            return b""
    if cte == "quoted-printable":
        return binascii.a2b_qp(body)
    if cte in ("", "7bit", "8bit", "binary"):
        return body
    if cte in _UU_NAMES:
        return _uudecode(body, walk)
    walk.note("unknown_cte", cte=cte if re.fullmatch(r"[a-z0-9-]{1,20}", cte) else "?")
    return body


_UU_NAMES = ("x-uuencode", "uuencode", "x-uue", "uue")


def _uudecode(body: bytes, walk: Walk) -> bytes:
    """A uuencoded body (``begin 644 name`` … ``end``), decoded line by line as the stdlib's
    ``Message.get_payload(decode=True)`` does, forgiving junk after a line's data. A body without a
    ``begin`` line is not uuencoded whatever its label says, and is read as written; one with lines
    that do not decode is read both ways (decoded, then as written), so that a label cannot hide
    plain text. The body is already bounded by the part's size limit."""
    lines = body.split(b"\n")
    start = next((i + 1 for i, line in enumerate(lines[:20]) if line.startswith(b"begin ")), None)
    if start is None:  # labelled uuencode but not encoded: read as written (as the stdlib does)
        walk.note("bad_uuencode")
        return body
    out: list[bytes] = []
    bad = False
    for raw in lines[start:]:
        line = raw.rstrip(b"\r")
        if line.strip() == b"end":
            break
        if line.strip() in (b"`", b""):
            continue
        try:
            out.append(binascii.a2b_uu(line))
        except binascii.Error:
            # the stdlib's workaround: a line with junk after its data (its length byte says how much)
            nbytes = (((line[0] - 32) & 63) * 4 + 5) // 3
            try:
                out.append(binascii.a2b_uu(line[:nbytes]))
            except binascii.Error:
                bad = True
    if bad:
        walk.note("bad_uuencode")
        return b"".join(out) + b"\n" + body
    return b"".join(out)


def _split_multipart(body: bytes, boundary: bytes) -> list[bytes] | None:
    """Parts between ``--boundary`` lines; None when no delimiter is present."""
    delim = b"--" + boundary
    positions: list[tuple[int, int, bool]] = []  # (start of line, end of line, is close)
    pos = 0 if body.startswith(delim) else body.find(b"\n" + delim)
    if pos > 0:
        pos += 1
    while pos >= 0:
        after = pos + len(delim)
        line_end = body.find(b"\n", after)
        if line_end < 0:
            line_end = len(body)
        rest = body[after:line_end]
        is_close = rest.startswith(b"--")
        if is_close or not rest.strip():
            positions.append((pos, line_end, is_close))
            if is_close:
                break
        nxt = body.find(b"\n" + delim, line_end)
        pos = nxt + 1 if nxt >= 0 else -1
    if not positions:
        return None
    parts: list[bytes] = []
    for (_, end, close), nxt_pos in zip(positions, [p[0] for p in positions[1:]] + [-1], strict=True):
        if close:
            break
        start = end + 1
        stop = nxt_pos - 1 if nxt_pos >= 0 else len(body)
        parts.append(body[start:max(start, stop)])
    return parts


def _walk_body(msg: Message, body: bytes, depth: int, walk: Walk) -> None:
    walk.parts += 1
    if walk.parts > walk.limits.max_parts:
        walk.note("part_limit", limit=walk.limits.max_parts)
        return
    if walk.budget.out_of_time():
        walk.note("time_limit")
        return
    fields = content_fields(msg)
    if fields.too_many_params:
        walk.note("param_limit")
    ctype = fields.content_type
    maintype = ctype.partition("/")[0]
    filename = fields.filename
    if maintype == "multipart":
        if depth >= walk.limits.max_depth:
            walk.note("depth_limit", limit=walk.limits.max_depth)
            return
        boundary = fields.boundary
        parts = None
        if boundary:
            parts = _split_multipart(body, boundary.encode("utf-8", "surrogateescape"))
        if parts is None:
            walk.note("bad_multipart")
            _leaf(msg, body, fields, "text/plain", None, walk)
            return
        for part in parts:
            if walk.parts >= walk.limits.max_parts:
                walk.note("part_limit", limit=walk.limits.max_parts)
                return
            sub = _walk_entity_head(part, walk)
            _walk_body(sub[0], sub[1], depth + 1, walk)
        return
    if ctype == "message/rfc822" or (ctype == "application/octet-stream" and (filename or "").lower().endswith(".eml")):
        if depth >= walk.limits.max_depth:
            walk.note("depth_limit", limit=walk.limits.max_depth)
            return
        inner = normalise_newlines(_decode_cte(body, str(msg.get("content-transfer-encoding", "")), walk))
        walk.inner.append(inner)
        return
    _leaf(msg, body, fields, ctype, filename, walk)


def _walk_entity_head(raw: bytes, walk: Walk) -> tuple[Message, bytes]:
    if raw.startswith(b"\n"):
        return Message(), raw[1:]
    head, body = split_head(raw)
    if body is None:
        # a part with headers only, or a body with no headers: decide by the first line
        if _HEADER_LINE.match(raw):
            return parse_headers(head, walk), b""
        return Message(), raw
    return parse_headers(head, walk), body


# round 11: an Internet shortcut (``URL=``, Windows' ``.url``, macOS's ``.webloc``): a file that is one link,
# a dropper's or a kit's; its address is a link of the mail (calendar invitations are read by ``ics``)
_LINK_FILE_TYPES = ("application/x-mswinurl", "application/internet-shortcut", "wwwserver/redirection")
_LINK_FILE_NAMES = (".url", ".website", ".webloc")
_LINK_FILE_BYTES = 200_000


def _file_links(text: str) -> str:
    """The web addresses of a shortcut file, one a line."""
    return "\n".join(dict.fromkeys(urls_in_text(text, 50)))


def _leaf(msg: Message, body: bytes, fields: ContentFields, ctype: str, filename: str | None, walk: Walk) -> None:
    data = _decode_cte(body, str(msg.get("content-transfer-encoding", ""))[:200], walk)
    lower = (filename or "").lower()
    charset = fields.charset
    disposition = fields.disposition
    if ctype == "text/html" or lower.endswith(HTML_NAMES):
        attached = bool(filename) or "attachment" in disposition
        walk.add_text(decode_bytes(data, charset)[0], html=True, attached=attached)
        if attached:
            walk.attachments.append(make_attachment(filename, ctype, data))
        return
    if ctype in _OPAQUE_TYPES and _looks_like_page(data):
        # a page declared as opaque bytes (application/octet-stream, no .html name): its text and
        # links are read as an HTML attachment's are — never rendered
        walk.add_text(decode_bytes(data, charset)[0], html=True, attached=True)
        walk.attachments.append(make_attachment(filename, ctype, data))
        return
    if ctype == "application/pdf" or lower.endswith(".pdf") or data.startswith(PDF_SIGNATURE):
        walk.pdfs.append(data)
        walk.attachments.append(make_attachment(filename, ctype, data))
        return
    if ctype in ("text/calendar", "application/ics") or lower.endswith((".ics", ".vcs")):
        # an invitation: what the calendar shows of it (title, description, place, link) is text of the mail
        plain, html = invitation_text(decode_bytes(data[:ICS_MAX_BYTES], charset)[0])
        if plain:
            walk.add_text(plain, html=False)
        if html:
            walk.add_text(html, html=True)
        if filename or "attachment" in disposition:
            walk.attachments.append(make_attachment(filename, ctype, data))
        return
    if ctype in _LINK_FILE_TYPES or lower.endswith(_LINK_FILE_NAMES):
        found = _file_links(decode_bytes(data[:_LINK_FILE_BYTES], charset)[0])
        if found:  # round 11: the shortcut's address is a link of the mail (the file's text is not read)
            walk.add_text(found, html=False)
    if ctype in ("text/plain", "text/enriched", "text/richtext") and "attachment" not in disposition:
        walk.add_text(decode_bytes(data, charset)[0], html=False)
        return
    if ctype == "text/plain" and lower.endswith((".txt", ".text")):
        walk.add_text(decode_bytes(data, charset)[0], html=False)
    if (ctype.startswith("image/") or lower.endswith(IMAGE_NAMES)) and len(walk.images) < walk.limits.max_images \
            and 0 < len(data) <= walk.limits.max_image_bytes:
        walk.images.append(data)
    walk.attachments.append(make_attachment(filename, ctype, data))


# a page's own root or body tags; not <title>/<meta>/<a href>, which XML formats (RSS, GPX) hold too
_PAGE_MARK = re.compile(rb"(?i)<(?:!doctype\s+html|html|head|body|form|script|iframe|hta:)\b")
_SVG_ROOT = re.compile(rb"(?i)<svg\b")


def _looks_like_page(data: bytes) -> bool:
    """Opaque bytes that are a page: a page's tag in the first KiB, and no binary file's signature."""
    if sniff(data) in _PAGE_KINDS:
        return True
    head = data[:1024]
    if _is_binary(head):
        return False
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(b"<?xml"):  # XML: a page only if it is an SVG
        return _SVG_ROOT.search(head) is not None
    return _PAGE_MARK.search(head) is not None


def _unreadable(kind: str, code: str, **params: object) -> ParsedMail:
    return ParsedMail(
        kind=kind,  # type: ignore[arg-type]
        headers=(),
        subject=None,
        date=None,
        message_id=None,
        texts=(),
        htmls=(),
        attachments=(),
        pdf_links=(),
        problems=(Problem(code, tuple((k, str(v)) for k, v in params.items())),),
        readable=False,
    )


def _is_binary(data: bytes, stray_free: bool = False) -> bool:
    """``stray_free``: ``data`` holds none of ``_STRAY_CONTROLS``, so its only control bytes can be
    SO and SI (``_CONTROL_BYTES`` less those), counted by themselves."""
    sample = data[:65536]
    if not sample:
        return False
    # ISO-2022-JP uses ESC but is text. ESC alone first: one byte is found by memchr, ten times
    # faster than the two-byte search, and most mail holds none
    if b"\x1b" in sample and b"\x1b$" in sample:
        sample = sample.replace(b"\x1b", b"")
    if stray_free:
        control = (sample.count(b"\x0e") if b"\x0e" in sample else 0) + (sample.count(b"\x0f") if b"\x0f" in sample else 0)
    else:
        control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if control > len(sample) // 20:
        return True
    if sample.isascii():
        return False
    text, _ = decode_bytes(sample[:8192])
    return text.count("\ufffd") > len(text) // 10


def _utf16_text(data: bytes) -> str | None:
    """UTF-16 text (Windows' "Unicode" text files), with or without a byte-order mark: decoded,
    or None when ``data`` is not that."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    sample = data[:8192]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0), odd.count(0)
    # ASCII characters (line breaks, spaces, header names, URLs) have a NUL high byte: in UTF-16LE
    # at odd offsets, in UTF-16BE at even ones; the other offsets are almost never NUL
    if nul_odd >= len(odd) // 10 and nul_even <= len(even) // 50:
        codec = "utf-16-le"
    elif nul_even >= len(even) // 10 and nul_odd <= len(odd) // 50:
        codec = "utf-16-be"
    else:
        return None
    head = sample[: len(sample) // 2 * 2].decode(codec, "replace")
    readable = sum(1 for ch in head if ch.isprintable() or ch in "\r\n\t")
    if readable < len(head) * 9 // 10:
        return None
    return data[: len(data) // 2 * 2].decode(codec, "replace")


_PRINTABLE_ASCII = bytes(range(32, 127)) + b"\t\n\r"


def _plainly_text(data: bytes) -> bool:
    """Text without doubt, once stray controls are gone: mostly printable ASCII (Latin-script
    mail in any 8-bit charset), or a clean decode in UTF-8, Shift_JIS or EUC-JP. Random bytes are
    none of these."""
    sample = data[:65536]
    if not sample.strip():
        return False
    if len(sample.translate(None, _PRINTABLE_ASCII)) <= len(sample) // 10:
        return True
    for codec in ("utf-8", "cp932", "euc_jp"):
        try:  # incremental: the sample may end inside a character
            codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False


def read_input(data: bytes, limits: Limits | None = None, budget: Budget | None = None) -> ParsedMail:
    """Recognise the input (SPEC §2) and read what can be read. Never raises."""
    limits = limits or Limits()
    walk = Walk(limits, budget or Budget(limits))
    if not data.strip():
        return _unreadable("empty", "empty_input")
    if len(data) > limits.max_input_bytes:
        walk.note("input_limit", limit=limits.max_input_bytes, size=len(data))
        data = data[: limits.max_input_bytes]
    if data.startswith(OLE_SIGNATURE):
        from bot.analysis.outlook import read_msg  # local: olefile and the .msg reader only for .msg files

        return read_msg(data, walk_problems=tuple(walk.problems), limits=limits, budget=walk.budget)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(PDF_SIGNATURE):
        walk.pdfs.append(data)
        return build_mail("pasted", (), walk)
    utf16 = _utf16_text(data)
    if utf16 is not None:
        data = utf16.encode("utf-8", "replace")
    # stray NULs and other controls (padding meant to make a mail look binary) are dropped, and
    # the text around them read
    if holds_any(data, _STRAY_EACH):
        stripped = data.translate(None, _STRAY_CONTROLS)
        if _is_binary(data) and not _plainly_text(stripped):
            return _unreadable("binary", "binary_input")
        walk.note("control_bytes", count=len(data) - len(stripped))
        data = stripped
    if _is_binary(data, stray_free=True):
        return _unreadable("binary", "binary_input")
    data = normalise_newlines(data)
    fence = _CODE_FENCE.match(data)
    if fence:
        data = data[fence.end():].replace(b"\n```", b"\n", 1)
    return read_rfc822(data, walk, depth=0)


_BLANKS = re.compile(rb"[ \t\n]*")


def _find_header_start(data: bytes) -> int:
    """Offset of a header block at the top (a few lines of chatter before it are allowed)."""
    pos = 0
    for _ in range(8):
        # offsets into data, not copies of it (a mail of megabytes was copied four times a turn)
        blanks = _BLANKS.match(data, pos)  # always a match (of nothing at least)
        start = blanks.end() if blanks else pos
        if data.startswith(b"From ", start) and data.find(b"\n", start, start + 400) >= 0:  # mbox separator
            start = data.index(b"\n", start) + 1
        end = data.find(b"\n\n", start)  # the header block as split_head cuts it
        if looks_like_header_block(data[start : end + 1] if end >= 0 else data[start:]):
            return start
        nl = data.find(b"\n", start)
        if nl < 0:
            return -1
        pos = nl + 1
    return -1


def read_rfc822(data: bytes, walk: Walk, depth: int) -> ParsedMail:
    start = _find_header_start(data)
    if start < 0:
        return read_pasted(data, walk)
    data = data[start:]
    head, body = split_head(data)
    msg = parse_headers(head, walk)
    items = decoded_items(msg)
    if body is None or not body.strip():
        walk.note("headers_only")
        return build_mail("headers", items, walk)
    _walk_body(msg, body, depth, walk)
    if walk.inner and depth < limits_depth(walk):
        inner = walk.inner[0]
        inner_walk = Walk(walk.limits, walk.budget, parts=walk.parts)
        inner_mail = read_rfc822(inner, inner_walk, depth + 1)
        if inner_mail.kind in ("eml", "headers") and any(k in ("from", "received") for k, _ in inner_mail.headers):
            notes = (Problem("forwarded_inner"), *inner_mail.problems, *walk.problems)
            return _replace_problems(inner_mail, notes)
    return build_mail("eml", items, walk)


def limits_depth(walk: Walk) -> int:
    return walk.limits.max_depth


def _replace_problems(mail: ParsedMail, problems: tuple[Problem, ...]) -> ParsedMail:
    from dataclasses import replace

    seen: set[str] = set()
    unique = []
    for p in problems:
        if p.code not in seen:
            seen.add(p.code)
            unique.append(p)
    return replace(mail, problems=tuple(unique))


# --- pasted text -------------------------------------------------------------------------

_PASTED_LABELS = {
    "from": "from", "送信元": "from", "差出人": "from", "送信者": "from", "from address": "from",
    "to": "to", "宛先": "to", "受信者": "to",
    "subject": "subject", "件名": "subject", "タイトル": "subject", "題名": "subject",
    "date": "date", "日付": "date", "日時": "date", "送信日時": "date",
    "mailed-by": "mailed-by", "mailed by": "mailed-by", "送信元ドメイン": "mailed-by",
    "signed-by": "signed-by", "signed by": "signed-by", "署名元": "signed-by", "署名": "signed-by",
    "reply-to": "reply-to", "返信先": "reply-to",
    "cc": "cc",
}
_PASTED_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z -]{0,15}|[\u3000-\u9fff\u30a0-\u30ff]{1,8})[ \t]*[:：][ \t]*(.{0,1000})$")
_DOMAIN_ONLY = re.compile(r"^[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")


def pasted_fields(text: str, max_lines: int = 60) -> tuple[tuple[str, str], ...]:
    """The labelled header lines (``From:``, ``差出人:``, ``Subject:`` …) among the first ``max_lines``
    lines of a pasted text (or of a forwarded block), normalised to their field names."""
    fields: list[tuple[str, str]] = []
    for line in text.split("\n", max_lines)[:max_lines]:
        m = _PASTED_LINE.match(line)
        if not m:
            continue
        label = _PASTED_LABELS.get(m.group(1).strip().lower())
        if label is None:
            continue
        value = m.group(2).strip()
        if not value:
            continue
        # Gmail shows the sending domain as a second 送信元 line ("送信元: ntc-cs.com")
        if label == "from" and _DOMAIN_ONLY.match(value) and any(k == "from" for k, _ in fields):
            label = "mailed-by"
        fields.append((label, value))
    return tuple(fields)


def read_pasted(data: bytes, walk: Walk) -> ParsedMail:
    text, _ = decode_bytes(data)
    fields = pasted_fields(text)
    lowered = text[:200000].lower()
    walk.add_text(text, html="<html" in lowered or "<a " in lowered or "<form" in lowered)
    return build_mail("pasted", (), walk, pasted=fields)


# --- a mail forwarded inline -------------------------------------------------------------------

# the line a mail program writes above a mail forwarded in the body (Gmail, Thunderbird, Apple Mail,
# Outlook; their Japanese versions), at the start of a line, never quoted (``> ``): a reply's quote
# is not a forward
_FORWARD_MARK = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message|転送(?:された|済み)?メッセージ)[ \t]*-{2,}"
    r"|begin forwarded message:|転送されたメッセージ[:：]|_{20,})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# a subject that says the mail is a forward (English, German, French, Spanish/Italian, Portuguese, Japanese)
_FORWARD_SUBJECT = re.compile(r"^[ \t]*(?:fwd?|fw|wg|tr|rv|i|enc|転送)[ \t]*[:：]", re.IGNORECASE)
# the forwarder's own note above the forwarded mail, in characters other than spaces: a line or two
FORWARD_NOTE = 300
FORWARD_HEAD_LINES = 12
_ADDRESS_AT = re.compile(r"[^\s@<>\"]@[A-Za-z0-9-]{1,63}\.[A-Za-z0-9.-]{2,}")


def inline_forward(text: str, subject: str | None) -> tuple[tuple[str, str], ...] | None:
    """The header block of a mail forwarded inline at the top of ``text`` (the forwarder wrote at
    most a short note above it), as pasted fields, or None. The block must name its sender
    (``From:``/``差出人:``). Outlook's "Original Message" and underscore lines also head replies:
    they count only under a subject that says "forward" (``Fwd:``, ``FW:``, ``転送:`` …)."""
    head = text[: FORWARD_NOTE * 8]
    mark = _FORWARD_MARK.search(head)
    if mark is None or len("".join(head[: mark.start()].split())) > FORWARD_NOTE:
        return None
    explicit = "forward" in mark.group(0).lower() or "転送" in mark.group(0)
    if not explicit and not _FORWARD_SUBJECT.match(subject or ""):
        return None
    fields = pasted_fields(text[mark.end() :].lstrip("\n"), FORWARD_HEAD_LINES)
    # a sender with an address (a Notes-style "From: Name/Dept" names nobody that can be judged)
    if not any(k == "from" and _ADDRESS_AT.search(v) for k, v in fields):
        return None
    return fields
