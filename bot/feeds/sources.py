"""The threat feeds phishbot knows: id, the name shown, the file format, the default URL.

Kept free of imports: the settings read ``FEEDS`` against this table on every command's start.
A URL may hold ``{year}`` and ``{month}`` (JPCERT/CC publishes one file a month): the fetcher asks
for this month's file and last month's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    id: str  # stable, stored with every listing (also the --format of `phishbot feeds import`)
    name: str  # shown: "listed by JPCERT/CC on …"
    format: str  # the parser in bot.feeds.formats
    url: str | None  # the default URL fetched when FEEDS names the source without one
    threat: str  # what a listing means: phishing | malware


SOURCES: dict[str, Source] = {s.id: s for s in (
    Source("jpcert", "JPCERT/CC", "jpcert",
           "https://raw.githubusercontent.com/JPCERTCC/phishurl-list/main/{year}/{year}{month}.csv", "phishing"),
    Source("openphish", "OpenPhish", "openphish", "https://openphish.com/feed.txt", "phishing"),
    Source("phishtank", "PhishTank", "phishtank", "https://data.phishtank.com/data/online-valid.csv", "phishing"),
    Source("urlhaus", "URLhaus", "urlhaus", "https://urlhaus.abuse.ch/downloads/csv_recent/", "malware"),
)}
FORMATS = ("jpcert", "openphish", "phishtank", "urlhaus", "plain")


def source_name(source_id: str) -> str:
    """The name shown for a source id: a known feed's own name, else the id a local list was
    imported under (``phishbot feeds import --format plain --source NAME``)."""
    known = SOURCES.get(source_id)
    return known.name if known else source_id


@dataclass(frozen=True)
class FeedConfig:
    """One feed to fetch on a schedule: a known source and the URL to fetch it from."""

    source: str
    url: str


def parse_feeds(value: str) -> tuple[FeedConfig, ...] | str:
    """``jpcert,openphish=https://mirror.example/feed.txt`` → the feeds; a problem → the offending
    item (the caller names it in its sentence)."""
    out: dict[str, FeedConfig] = {}
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        name, eq, url = item.partition("=")
        name = name.strip().lower()
        url = url.strip()
        source = SOURCES.get(name)
        if source is None:
            return item
        if eq and not url.lower().startswith(("http://", "https://")):
            return item
        chosen = url if eq else source.url
        if not chosen:
            return item
        out[name] = FeedConfig(name, chosen)
    return tuple(out.values())
