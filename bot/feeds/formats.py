"""Parsers of the threat feeds' files: bytes in, the hosts they list out. Pure: no I/O, no clock.

Every parser is linear in its input, caps the length of a line and of a field it reads, and skips
what it cannot read (a broken line costs that line, never the file). Host names go through the
analysis's own host normaliser (``to_ascii_host``), so a feed's host and a mail's host are the same
text.

- ``jpcert``: JPCERT/CC's monthly CSV, ``date,URL,description`` (date in Japan time, description
  the imitated brand), https://github.com/JPCERTCC/phishurl-list
- ``openphish``: OpenPhish's community feed, one URL a line.
- ``phishtank``: PhishTank's dump, CSV (``phish_id,url,phish_detail_url,submission_time,verified,
  verification_time,online,target``) or the same as JSON.
- ``urlhaus``: URLhaus's CSV (``id,dateadded,url,url_status,last_online,threat,tags,…``; ``#`` lines
  are comments).
- ``plain``: one name or URL a line; ``#``/``!`` comments; hosts-file (``0.0.0.0 name``) and
  Adblock (``||name^``) lines are read too, so another blocklist can be imported as it is.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from bot.analysis.domains import to_ascii_host
from bot.analysis.json_depth import json_depth_within

JST = timezone(timedelta(hours=9), "JST")
MAX_LINE = 8192  # characters: a longer line is skipped
MAX_LABEL = 200
HOSTS_FILE_ADDRESSES = ("0.0.0.0", "127.0.0.1", "::", "::1")  # noqa: S104 - addresses read, never bound
csv.field_size_limit(MAX_LINE)


@dataclass(frozen=True, slots=True)
class FeedItem:
    host: str  # lower-case, A-label form
    listed_at: datetime | None  # UTC; None when the feed gives no date (the caller uses the fetch time)
    label: str | None  # what the listed site imitates, as the feed says
    threat: str  # phishing | malware


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


def _lines(text: str) -> Iterator[str]:
    for line in io.StringIO(text):
        if len(line) <= MAX_LINE:
            yield line.rstrip("\r\n")


def _host_of_url(url: str) -> str | None:
    """The host of a listed URL, as the analysis reads a link's host (IDN in A-label form, no
    user-info or port); None for what is no web URL."""
    url = url.strip()
    if not url or len(url) > MAX_LINE:
        return None
    scheme, sep, rest = url.partition("://")
    if not sep:
        rest = url
    elif scheme.lower() not in ("http", "https", "ftp", "hxxp", "hxxps"):
        return None
    netloc = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2]
    if netloc.startswith("["):
        return None  # an IPv6 literal: nothing a blocklist of names can hold
    return _host(urllib.parse.unquote(netloc.partition(":")[0]))


def _host(name: str) -> str | None:
    host = to_ascii_host(name.strip().strip("."))
    return host if host and "." in host and all(c.isalnum() or c in "-._" for c in host) else None


def _label(value: str | None) -> str | None:
    """What the listed site imitates, as the feed says — shown to members later: control and
    formatting characters (bidi overrides, zero-width) go, and it is cut at ``MAX_LABEL``."""
    value = "".join(ch for ch in (value or "")[: MAX_LABEL * 2] if unicodedata.category(ch) not in ("Cc", "Cf"))
    value = " ".join(value.split())
    return value[:MAX_LABEL] if value and value.lower() not in ("other", "none", "-") else None


def _time(value: str, zone: timezone = UTC) -> datetime | None:
    value = value.strip().replace("/", "-")
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=zone)).astimezone(UTC)


def _rows(text: str) -> Iterator[list[str]]:
    """CSV rows, one per line (no feed puts a line break inside a field): a broken line — a stray
    quote, an over-long field — is skipped on its own instead of swallowing the lines after it."""
    for line in _lines(text):
        if not line.strip():
            continue
        try:
            yield next(csv.reader((line,)))
        except (csv.Error, StopIteration):
            continue


def jpcert(data: bytes) -> Iterator[FeedItem]:
    for row in _rows(_text(data)):
        if len(row) < 2 or row[0].strip().lower() == "date":
            continue
        host = _host_of_url(row[1])
        if host:
            yield FeedItem(host, _time(row[0], JST), _label(row[2] if len(row) > 2 else None), "phishing")


def openphish(data: bytes) -> Iterator[FeedItem]:
    for raw in _lines(_text(data)):
        line = raw.strip()
        if line and not line.startswith("#"):
            host = _host_of_url(line)
            if host:
                yield FeedItem(host, None, None, "phishing")


def phishtank(data: bytes) -> Iterator[FeedItem]:
    text = _text(data)
    if text.lstrip()[:1] == "[":
        if not json_depth_within(text):
            return  # nested past any real dump (PhishTank's is depth 3): nothing is read from it
        try:
            entries = json.loads(text)
        except (ValueError, RecursionError):
            return
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("url"), str):
                host = _host_of_url(entry["url"])
                if host:
                    yield FeedItem(host, _time(str(entry.get("submission_time") or "")),
                                   _label(str(entry.get("target") or "")), "phishing")
        return
    columns: dict[str, int] = {}
    for row in _rows(text):
        if not columns and "url" in row:
            columns = {name.strip(): i for i, name in enumerate(row)}
            continue
        url = row[columns.get("url", 1)] if len(row) > columns.get("url", 1) else ""
        host = _host_of_url(url)
        if not host:
            continue
        when = columns.get("submission_time", 3)
        target = columns.get("target", 7)
        yield FeedItem(host, _time(row[when]) if len(row) > when else None,
                       _label(row[target] if len(row) > target else None), "phishing")


def urlhaus(data: bytes) -> Iterator[FeedItem]:
    text = "\n".join(line for line in _lines(_text(data)) if not line.lstrip().startswith("#"))
    for row in _rows(text):
        if len(row) < 3 or not row[0].strip().isdigit():
            continue
        host = _host_of_url(row[2])
        if host:
            yield FeedItem(host, _time(row[1]), None, "malware")


def plain(data: bytes) -> Iterator[FeedItem]:
    for raw in _lines(_text(data)):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith(("!", "[")):
            continue
        if line.startswith("||"):  # Adblock: ||name^
            name = line[2:].split("^", 1)[0]
        else:
            parts = line.split()
            name = parts[-1] if len(parts) == 2 and parts[0] in HOSTS_FILE_ADDRESSES else parts[0]
        host = _host_of_url(name) if "/" in name else _host(name)
        if host:
            yield FeedItem(host, None, None, "phishing")


PARSERS = {"jpcert": jpcert, "openphish": openphish, "phishtank": phishtank, "urlhaus": urlhaus, "plain": plain}


def parse(format_name: str, data: bytes) -> Iterator[FeedItem]:
    return PARSERS[format_name](data)
