"""MIME header parameters (``Content-Type``, ``Content-Disposition``), read in linear time.

Why not ``Message.get_param`` / ``get_filename`` / ``get_content_charset``: the stdlib splits
parameters with ``email.message._parseparam``, which rescans the value from its start at every
``;`` and counts quotes each time — quadratic in the length of the value. ``Content-Type:
text/plain; a="`` followed by 200 KB of semicolons took a minute, and each MIME part asks for
three parameters. Here the value (already capped at intake) is cut into at most ``MAX_PARAMS``
parameters in one pass with the stdlib's own quoting rules, and only that bounded list goes to
the stdlib's RFC 2231 decoder (``email.utils.decode_params``), whose own failures on hostile
continuations (``name*=…; name*0=…`` sorts ``None`` against ``0``; a 5,000-digit section number)
are read as "no RFC 2231 here".
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from email.message import Message

from bot.analysis.charsets import decode_bytes, decode_header_value

MAX_PARAMS = 64  # parameters read per header; real mail has two or three
MAX_VALUE = 8192  # characters of one header value looked at (intake cuts longer fields already)
# one pass over the value: a quoted string (backslash escapes inside), a run without quotes or
# semicolons, or a semicolon. The alternatives are disjoint, so matching is linear.
_PIECE = re.compile(r'"(?:[^"\\]|\\.)*"?|\\|[^";\\]+|;', re.DOTALL)


def split_params(value: str, max_params: int = MAX_PARAMS) -> tuple[str, list[tuple[str, str]], bool]:
    """(the value before the first ``;``, up to ``max_params`` ``(name, value)`` pairs, whether
    more were dropped). Names are lower-cased and values stripped, as the stdlib does."""
    value = value[:MAX_VALUE]
    pieces: list[str] = []
    current: list[str] = []
    dropped = False
    for m in _PIECE.finditer(value):
        piece = m.group(0)
        if piece == ";":
            pieces.append("".join(current))
            current = []
            if len(pieces) > max_params:
                dropped = True
                break
        else:
            current.append(piece)
    else:
        pieces.append("".join(current))
    head = pieces[0].strip() if pieces else ""
    params: list[tuple[str, str]] = []
    for piece in pieces[1 : max_params + 1]:
        name, eq, val = piece.partition("=")
        if not eq:
            name, val = piece, ""
        name = name.strip().lower()
        if name:
            params.append((name, val.strip()))
    return head, params, dropped


ParamValue = str | tuple[str | None, str | None, str]


def decode_params(head: str, params: list[tuple[str, str]]) -> list[tuple[str, ParamValue]]:
    """RFC 2231 continuations and charsets joined (by the stdlib, on a bounded list); on a
    malformed set, the parameters as written."""
    try:
        decoded = email.utils.decode_params([(head, ""), *params])[1:]
    except (ValueError, TypeError, IndexError, LookupError):
        return [(name, email.utils.unquote(value)) for name, value in params]
    out: list[tuple[str, ParamValue]] = []
    for name, value in decoded:
        if isinstance(value, tuple):
            charset, language, text = value
            out.append((name.lower(), (charset, language, email.utils.unquote(text))))
        else:
            out.append((name.lower(), email.utils.unquote(value)))
    return out


def param_text(value: ParamValue) -> str:
    """A parameter's value as text: an RFC 2231 value decoded from its charset (our decoder:
    a wrong or unknown label never raises), a plain one as written."""
    if not isinstance(value, tuple):
        return value
    charset, _, text = value
    try:
        raw = text.encode("raw-unicode-escape")
    except UnicodeError:
        return text
    return decode_bytes(raw, charset or "us-ascii")[0]


@dataclass(frozen=True, slots=True)
class ContentFields:
    """What the MIME walk needs from one entity's headers."""

    content_type: str  # "maintype/subtype", lower case; "text/plain" when missing or malformed
    charset: str | None
    boundary: str | None
    filename: str | None  # Content-Disposition filename, else Content-Type name; RFC 2047/2231 decoded
    disposition: str  # "attachment", "inline" or ""
    too_many_params: bool = False


def _raw(msg: Message, name: str) -> str | None:
    for key, value in msg.raw_items():
        if key.lower() == name:
            return str(value)
    return None


def _get(params: list[tuple[str, ParamValue]], name: str) -> ParamValue | None:
    for key, value in params:
        if key == name:
            return value
    return None


_ASCII_LABEL = re.compile(r"[ -~]{1,64}")


def _content_raws(msg: Message) -> tuple[str | None, str | None]:
    """``(_raw(msg, "content-type"), _raw(msg, "content-disposition"))`` in one walk of the fields."""
    ctype: str | None = None
    disposition: str | None = None
    for key, value in msg.raw_items():
        name = key.lower()
        if name == "content-type":
            if ctype is None:
                ctype = str(value)
                if disposition is not None:
                    break
        elif name == "content-disposition" and disposition is None:
            disposition = str(value)
            if ctype is not None:
                break
    return ctype, disposition


def content_fields(msg: Message) -> ContentFields:
    ctype_found, disposition_found = _content_raws(msg)  # a mail's top has dozens of fields: walked once
    ctype_raw = ctype_found or ""
    head, ct_params, dropped = split_params(ctype_raw)
    ctype = head.lower()
    if ctype.count("/") != 1 or len(ctype) > 255:
        ctype = "text/plain"
    else:
        ctype = "/".join(part.strip() for part in ctype.split("/"))
    ct = decode_params(head, ct_params)
    disposition_raw = disposition_found or ""
    disp_head, cd_params, dropped_cd = split_params(disposition_raw)
    cd = decode_params(disp_head, cd_params)

    charset_value = _get(ct, "charset")
    charset = param_text(charset_value).strip().lower() if charset_value is not None else None
    if charset is not None and not _ASCII_LABEL.fullmatch(charset):
        charset = None
    boundary_value = _get(ct, "boundary")
    boundary = param_text(boundary_value) if boundary_value is not None else None
    name_value = _get(cd, "filename")
    if name_value is None:
        name_value = _get(ct, "name")
    filename = None
    if name_value is not None:
        text = param_text(name_value).strip()
        filename = decode_header_value(text[:1024])[:255] if text else None
    return ContentFields(
        content_type=ctype,
        charset=charset,
        boundary=boundary or None,
        filename=filename or None,
        disposition=disp_head.strip().lower()[:40],
        too_many_params=dropped or dropped_cd,
    )
