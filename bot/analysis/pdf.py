"""PDF attachments: link annotations and text, read with pypdf within a page budget."""

from __future__ import annotations

import io
import logging

MAX_PAGES = 20
MAX_TEXT = 200_000


def pdf_facts(data: bytes) -> tuple[str, list[str], str | None]:
    """(text, link URIs, problem code or None). Never raises."""
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        links: list[str] = []
        texts: list[str] = []
        size = 0
        for index, page in enumerate(reader.pages):
            if index >= MAX_PAGES:
                return "\n".join(texts), links, "pdf_page_limit"
            for annot in page.get("/Annots") or []:
                obj = annot.get_object()
                action = obj.get("/A")
                if action is not None:
                    uri = action.get_object().get("/URI")
                    if uri:
                        links.append(str(uri)[:4096])
            if size < MAX_TEXT:
                text = page.extract_text() or ""
                texts.append(text[: MAX_TEXT - size])
                size += len(text)
        return "\n".join(texts), links, None
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on hostile files
        return "", [], "pdf_unreadable"
