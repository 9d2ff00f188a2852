"""Outlook ``.msg`` intake: the [MS-OXMSG] properties that matter, read with olefile.

Why olefile and not extract-msg: extract-msg (which reads through olefile itself) costs ~0.37 s
to import, most of the whole-process budget of SPEC §9 for a folder of mail; the handful of
properties the analysis needs — the transport headers, subject, sender, bodies and attachments —
are plain OLE streams whose names [MS-OXMSG] fixes. olefile is imported only when a file
starts with the OLE signature.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from bot.analysis.budget import Budget
from bot.analysis.charsets import decode_bytes, quote_phrase
from bot.analysis.headers import clean_address
from bot.analysis.mime import PDF_SIGNATURE, Walk, build_mail, decoded_items, normalise_newlines, parse_headers
from bot.analysis.models import Limits, ParsedMail, Problem
from bot.analysis.sniff import attachment as make_attachment

_HEADERS = "007D"
_SUBJECT = "0037"
_BODY = "1000"
_HTML = "1013"
_SENDER_NAME = "0C1A"
_SENDER_ADDR = "0C1F"
_SENDER_SMTP = "5D01"
_DISPLAY_TO = "0E04"
_RECIP_NAME = "3001"  # PR_DISPLAY_NAME of a recipient row
_RECIP_EMAIL = "3003"  # PR_EMAIL_ADDRESS: SMTP, or an Exchange DN
_RECIP_SMTP = "39FE"  # PR_SMTP_ADDRESS
_ATT_LONG_NAME = "3707"
_ATT_NAME = "3704"
_ATT_MIME = "370E"
_ATT_DATA = "3701"
MAX_STREAM = 10 * 1024 * 1024


class _Msg:
    def __init__(self, ole: Any) -> None:
        self.ole = ole

    def _read(self, path: str) -> bytes | None:
        if not self.ole.exists(path):
            return None
        with self.ole.openstream(path) as stream:
            data: bytes = stream.read(MAX_STREAM)
        return data

    def text(self, prop: str, storage: str = "") -> str | None:
        prefix = f"{storage}/" if storage else ""
        raw = self._read(f"{prefix}__substg1.0_{prop}001F")
        if raw is not None:
            return raw.decode("utf-16-le", "replace").rstrip("\x00")
        raw = self._read(f"{prefix}__substg1.0_{prop}001E")
        if raw is not None:
            return decode_bytes(raw.rstrip(b"\x00"))[0]
        return None

    def binary(self, prop: str, storage: str = "") -> bytes | None:
        prefix = f"{storage}/" if storage else ""
        return self._read(f"{prefix}__substg1.0_{prop}0102")

    def attachment_storages(self, prefix: str = "") -> list[str]:
        """Attachment storages directly under ``prefix`` ("" for the top message)."""
        return self._storages(prefix, "__attach_version1.0_")

    def recipient_storages(self, prefix: str = "") -> list[str]:
        """Recipient storages (one per row of the recipient table) directly under ``prefix``."""
        return self._storages(prefix, "__recip_version1.0_")

    def _storages(self, prefix: str, kind: str) -> list[str]:
        depth = prefix.count("/")
        found = set()
        for entry in self.ole.listdir(streams=True, storages=True):
            if len(entry) > depth and "/".join(entry[:depth]) + ("/" if depth else "") == prefix:
                name = entry[depth]
                if name.startswith(kind):
                    found.add(prefix + name)
        return sorted(found)


MAX_RECIPIENTS = 100


def _recipients(msg: _Msg, storage: str) -> str | None:
    """The message's recipients from its recipient table ([MS-OXMSG] 2.2.1, one storage a row: To,
    Cc and Bcc), written as a To field writes them: each name quoted where it needs to be before its
    internet address. PR_DISPLAY_TO, the fallback where no row holds one (an Exchange DN, no table),
    is a list of display names only: read as a field, a name holding an address (``ceo@brand.example``
    sent as the name of ``<x@evil.example>``) would be a recipient of its own."""
    prefix = f"{storage}/" if storage else ""
    rows: list[str] = []
    for recipient in msg.recipient_storages(prefix)[:MAX_RECIPIENTS]:
        raw = msg.text(_RECIP_SMTP, recipient) or msg.text(_RECIP_EMAIL, recipient) or ""
        addr = clean_address(raw[:320]) if "@" in raw[:320] else None
        if addr is None:
            continue  # an Exchange DN (/O=…/CN=…): no internet address
        name = (msg.text(_RECIP_NAME, recipient) or "")[:300].replace("\r", " ").replace("\n", " ").strip()
        rows.append(f"{quote_phrase(name)} <{addr}>" if name and name.lower() != addr else f"<{addr}>")
    return ", ".join(rows) or None


def _read_message(msg: _Msg, storage: str, walk: Walk, limits: Limits) -> tuple[tuple[str, str], ...]:
    """Headers, bodies and attachments of the message at ``storage`` ("" for the top one)."""
    items: tuple[tuple[str, str], ...] = ()
    headers = msg.text(_HEADERS, storage)
    if headers:
        raw = normalise_newlines(headers.encode("utf-8", "surrogateescape"))
        items = decoded_items(parse_headers(raw.strip(b"\n") + b"\n", walk))
    present = {k for k, _ in items}
    if "from" not in present:
        addr = msg.text(_SENDER_SMTP, storage) or msg.text(_SENDER_ADDR, storage)
        name = msg.text(_SENDER_NAME, storage)
        if addr or name:
            items += (("from", f"{quote_phrase(name or '')} <{addr or ''}>".strip()),)
    if "to" not in present and (to := _recipients(msg, storage) or msg.text(_DISPLAY_TO, storage)):
        items += (("to", to),)
    if "subject" not in present and (subject := msg.text(_SUBJECT, storage)):
        items += (("subject", subject),)
    if body := msg.text(_BODY, storage):
        walk.add_text(body, html=False)
    html = msg.binary(_HTML, storage)
    html_text = decode_bytes(html)[0] if html else msg.text(_HTML, storage)
    if html_text:
        walk.add_text(html_text, html=True)
    prefix = f"{storage}/" if storage else ""
    for attachment in msg.attachment_storages(prefix)[: limits.max_parts]:
        name = msg.text(_ATT_LONG_NAME, attachment) or msg.text(_ATT_NAME, attachment)
        ctype = msg.text(_ATT_MIME, attachment) or "application/octet-stream"
        payload = msg.binary(_ATT_DATA, attachment)
        if payload is None:
            continue
        lower = (name or "").lower()
        if lower.endswith((".html", ".htm")):
            walk.add_text(decode_bytes(payload)[0], html=True, attached=True)
        elif lower.endswith(".pdf") or payload.startswith(PDF_SIGNATURE):
            walk.pdfs.append(payload)
        walk.attachments.append(make_attachment(name, ctype, payload))
    return items


def read_msg(data: bytes, walk_problems: tuple[Problem, ...], limits: Limits, budget: Budget | None = None) -> ParsedMail:
    logging.getLogger("olefile").setLevel(logging.CRITICAL)
    budget = budget or Budget(limits)
    walk = Walk(limits, budget, problems=list(walk_problems))
    try:
        import olefile

        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - olefile raises many kinds on broken files
        return ParsedMail(
            kind="msg", headers=(), subject=None, date=None, message_id=None, texts=(), htmls=(),
            attachments=(), pdf_links=(), readable=False,
            problems=(*walk_problems, Problem("msg_unreadable", (("reason", type(exc).__name__),))),
        )
    items: tuple[tuple[str, str], ...] = ()
    inner: tuple[tuple[str, str], ...] | None = None
    try:
        msg = _Msg(ole)
        items = _read_message(msg, "", walk, limits)
        # Outlook's "forward as attachment": an embedded message is the mail to analyse
        for storage in msg.attachment_storages()[: limits.max_parts]:
            embedded = f"{storage}/__substg1.0_3701000D"
            if ole.exists(embedded):
                inner_walk = Walk(limits, budget)
                inner = _read_message(msg, embedded, inner_walk, limits)
                if any(k in ("from", "received") for k, _ in inner):
                    walk = inner_walk
                    walk.note("forwarded_inner")
                    items = inner
                break
    except Exception as exc:  # noqa: BLE001 - a half-broken .msg: keep what was read
        walk.note("msg_partial", reason=type(exc).__name__)
    finally:
        ole.close()
    return build_mail("msg", items, walk)
