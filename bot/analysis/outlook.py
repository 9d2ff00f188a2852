"""Outlook ``.msg`` (OLE2) intake through extract-msg, imported only when such a file arrives."""

from __future__ import annotations

import logging

from bot.analysis.charsets import decode_bytes
from bot.analysis.models import Attachment, Limits, ParsedMail, Problem


def read_msg(data: bytes, walk_problems: tuple[Problem, ...], limits: Limits) -> ParsedMail:
    from bot.analysis import intake

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    try:
        import extract_msg

        msg = extract_msg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # noqa: BLE001 - extract-msg/olefile raise many kinds on broken files
        return ParsedMail(
            kind="msg", headers=(), subject=None, date=None, message_id=None, texts=(), htmls=(),
            attachments=(), pdf_links=(), readable=False,
            problems=(*walk_problems, Problem("msg_unreadable", (("reason", type(exc).__name__),))),
        )
    walk = intake._Walk(limits, problems=list(walk_problems))
    try:
        header = msg.header
        items: tuple[tuple[str, str], ...] = ()
        if header is not None and len(header):
            raw = header.as_string().encode("utf-8", "surrogateescape")
            items = intake.decoded_items(intake.parse_headers(intake.normalise_newlines(raw), walk))
        fields = dict(items)
        if "from" not in fields and msg.sender:
            items += (("from", str(msg.sender)),)
        if "to" not in fields and msg.to:
            items += (("to", str(msg.to)),)
        if "subject" not in fields and msg.subject:
            items += (("subject", str(msg.subject)),)
        body = msg.body
        if body:
            walk.add_text(str(body), html=False)
        html = msg.htmlBody
        if html:
            walk.add_text(decode_bytes(html)[0] if isinstance(html, bytes) else str(html), html=True)
        for att in list(msg.attachments)[: limits.max_parts]:
            payload = getattr(att, "data", None)
            name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None)
            ctype = getattr(att, "mimetype", None) or "application/octet-stream"
            if isinstance(payload, bytes):
                lower = (name or "").lower()
                if lower.endswith((".html", ".htm")):
                    walk.add_text(decode_bytes(payload)[0], html=True)
                elif lower.endswith(".pdf"):
                    walk.pdfs.append(payload)
                walk.attachments.append(Attachment(name, str(ctype), len(payload)))
    except Exception as exc:  # noqa: BLE001 - a half-broken .msg: keep what was read
        walk.note("msg_partial", reason=type(exc).__name__)
    finally:
        try:
            msg.close()
        except Exception:  # noqa: BLE001,S110
            pass
    return intake._mail("msg", items, walk)
