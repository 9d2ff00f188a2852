"""A domain's registration facts, as ``phishbot domain NAME`` shows them: the JSON object and the
readable lines; and threat-feed listings as the CLI's JSON carries them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.analysis.links import defang_host
from bot.analysis.models import Listing
from bot.feeds.sources import source_name
from bot.i18n import t
from bot.presentation.sentences import lookup_phrase
from bot.services.domain_info import DomainInfo


def listed_json(listings: Iterable[Listing]) -> list[dict[str, Any]]:
    """Threat-feed listings as the CLI's JSON carries them (with the feed's name)."""
    return [{"source": x.source, "name": source_name(x.source), "first_listed": x.first_listed[:10],
             "last_listed": x.last_listed[:10], "label": x.label, "threat": x.threat, "current": x.current}
            for x in listings]


def domain_dict(info: DomainInfo, lang: str) -> dict[str, Any]:
    """A domain's registration facts (``phishbot domain NAME``, no guild) as its JSON object."""
    fact = info.fact
    if info.brand is not None:
        status = "official"
    elif fact is None or fact.lookup in ("unavailable", "skipped"):
        status = "unknown"
    elif fact.not_registered:
        status = "not_registered"
    else:
        status = "registered"
    brand = info.brand
    return {
        "domain": info.domain,
        "status": status,
        "brand": {"id": brand.id, "name": brand.name_in(lang)} if brand else None,
        "registered": fact.registered if fact else None,
        "age_days": info.age_days,
        "expires": fact.expires if fact else None,
        "last_changed": fact.last_changed if fact else None,
        "registrar": fact.registrar if fact else None,
        "statuses": list(fact.statuses) if fact else [],
        "lookup": fact.lookup if fact else "skipped",
        "source": fact.source if fact else None,
        "reason": fact.reason if fact else None,
    }


def domain_text(obj: dict[str, Any], lang: str) -> str:
    lines = [f"{t(lang, 'domain', 'domain')}: {defang_host(obj['domain'])}"]
    status = obj["status"]
    if status == "official":
        lines.append(t(lang, "domain", "official", brand=obj["brand"]["name"]))
        return "\n".join(lines)
    lines.append(t(lang, "domain", f"status_{status}"))
    if obj["registered"]:
        lines.append(f"{t(lang, 'domain', 'registered')}: {obj['registered'][:10]}"
                     + (f" ({t(lang, 'domain', 'age', days=obj['age_days'])})" if obj["age_days"] is not None else ""))
    if obj["expires"]:
        lines.append(f"{t(lang, 'domain', 'expires')}: {obj['expires'][:10]}")
    if obj["registrar"]:
        lines.append(f"{t(lang, 'domain', 'registrar')}: {obj['registrar']}")
    if obj["statuses"]:
        lines.append(f"{t(lang, 'domain', 'statuses')}: {', '.join(obj['statuses'])}")
    lines.append(t(lang, "cli", "lookup", state=lookup_phrase(str(obj["lookup"]), obj["reason"] or None, lang)))
    return "\n".join(lines)


def feed_status(code: str, lang: str) -> str:
    """A feed's state in words: ``http_503`` → "the server answered HTTP 503"."""
    if code.startswith("http_") and code[5:].isdigit():
        return t(lang, "feed_status", "http", code=code[5:])
    return t(lang, "feed_status", code)
