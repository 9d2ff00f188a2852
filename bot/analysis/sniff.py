"""What an attachment is by its first bytes, not by what the mail says: a bounded magic-number
table (the first 4 KiB only, plus ISO 9660's mark at 32 KiB), and the names inside a ZIP read from
its central directory (never inflated). No library: the dozen formats phishing uses are known by
a few fixed bytes each, and a table we can read beats a dependency that parses attacker files
(docs/ARCHITECTURE.md, "Attachments")."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile

from bot.analysis.models import Attachment

HEAD = 4096
MAX_NAMES = 20  # names listed from inside an archive
MAX_ENTRIES = 2000  # an archive's directory read at most this far

# (offset, magic bytes, type) — checked in order, the first that fits wins
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "application/pdf"),
    (0, b"PK\x03\x04", "application/zip"),
    (0, b"PK\x05\x06", "application/zip"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"\x1f\x8b", "application/gzip"),
    (0, b"BZh", "application/x-bzip2"),
    (0, b"\xfd7zXZ\x00", "application/x-xz"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),  # .doc .xls .msg
    (0, b"MZ", "application/x-msdownload"),  # Windows executable or DLL
    (0, b"\x7fELF", "application/x-elf"),
    (0, b"L\x00\x00\x00\x01\x14\x02\x00", "application/x-ms-shortcut"),  # .lnk
    (0, b"{\\rtf", "application/rtf"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"BM", "image/bmp"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"MSCF", "application/vnd.ms-cab-compressed"),
    (0, b"#!", "text/x-shellscript"),
)
_ISO_MARK = (0x8001, b"CD001", "application/x-iso9660-image")
_TEXT_MARKS = ((b"<!doctype html", "text/html"), (b"<html", "text/html"), (b"<svg", "image/svg+xml"),
               (b"<?xml", "application/xml"), (b"<script", "text/html"), (b"<hta:", "application/hta"))
_OOXML = ((b"word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          (b"xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          (b"ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"))


def sniff(data: bytes) -> str | None:
    """The type the first bytes say, or None when they say nothing we know."""
    head = data[:HEAD]
    for offset, magic, kind in _MAGIC:
        if head.startswith(magic, offset):
            if kind == "application/zip":
                for marker, office in _OOXML:
                    if marker in head:
                        return office
            return kind
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    offset, magic, kind = _ISO_MARK
    if data[offset:offset + len(magic)] == magic:
        return kind
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for mark, kind in _TEXT_MARKS:
        if lowered.startswith(mark):
            return kind
    return None


def archive_names(data: bytes) -> tuple[str, ...]:
    """The names in a ZIP's central directory (at most ``MAX_NAMES``; nothing is inflated)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names: list[str] = []
            for i, info in enumerate(archive.infolist()):
                if i >= MAX_ENTRIES or len(names) >= MAX_NAMES:
                    break
                if not info.is_dir():
                    names.append(info.filename[:200])
            return tuple(names)
    except (zipfile.BadZipFile, OSError, ValueError, struct.error, NotImplementedError, EOFError):
        return ()


def attachment(filename: str | None, content_type: str, data: bytes) -> Attachment:
    """An attachment as the mail declares it and as its bytes are: the sniffed type, the SHA-256
    (for VirusTotal and the desks) and, for a ZIP, the names inside."""
    kind = sniff(data)
    inside = archive_names(data) if kind == "application/zip" else ()
    return Attachment(filename, content_type, len(data), sha256=hashlib.sha256(data).hexdigest(), sniffed=kind,
                      inside=inside)
