"""What a mailing list or bulk sender adds to every message it carries (pure).

A list re-sends whatever its members post, phishing included, with its own headers (List-Id,
List-Unsubscribe, …) and footer (unsubscribe and archive links). Those are the same on every
message of the list: they say nothing about the phish, and joining campaigns on them merges
unrelated mails (issue 10: one list's footer joined 13 reports of 12 brands). This module finds
them from what the analysis already gives — the report's header fields and links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import unquote, urlsplit

from bot.analysis.domains import customer_domain, to_ascii_host
from bot.analysis.models import Link

# RFC 2369 and RFC 2919 fields
LIST_FIELDS = frozenset({
    "list-id", "list-unsubscribe", "list-unsubscribe-post", "list-subscribe", "list-post", "list-help",
    "list-archive", "list-owner",
})
FIELD_MAX = 4096  # list header values are short; a longer one is read only this far
_ANGLE = re.compile(r"<([^<>\s]{1,2048})>")
_MAILTO_HOST = re.compile(r"@([A-Za-z0-9.-]{1,253})")
# words of unsubscribe / preference links, in paths and in the visible text (ja + en)
_UNSUBSCRIBE = re.compile(
    r"unsub|opt[-_ ]?out|optout|remove[-_ ]?me|email[-_ ]?preferences|manage[-_ ]?(?:your[-_ ]?)?subscription"
    r"|subscription[-_ ]?(?:center|centre|preferences|settings)|mailing[-_ ]?list|listinfo|/mailman/"
    r"|配信停止|配信解除|登録解除|購読解除|購読停止|メール設定|配信設定",
    re.IGNORECASE,
)


def _unit(host: str) -> str | None:
    ascii_host = to_ascii_host(host)
    return customer_domain(ascii_host) if ascii_host else None


def list_header_hosts(headers: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The units (customer domains) named by a message's List-* header fields."""
    found: set[str] = set()
    for name, value in headers:
        if name.strip().lower() not in LIST_FIELDS:
            continue
        for target in _ANGLE.findall(value[:FIELD_MAX]):
            if target.lower().startswith("mailto:"):
                found.update(u for h in _MAILTO_HOST.findall(target) if (u := _unit(h)))
            elif "://" in target:
                host = urlsplit(target).hostname
                if host and (u := _unit(host)):
                    found.add(u)
            elif name.strip().lower() == "list-id" and "." in target and (u := _unit(target)):
                # List-Id: "Name <news.lists.example.org>": the id is a dotted name under the list's domain
                found.add(u)
    return frozenset(found)


def is_unsubscribe_link(link: Link) -> bool:
    """A link to leave a list or change its settings (by its path and query, or its visible text)."""
    parts = urlsplit(link.url[:2048])
    where = unquote(f"{parts.path}?{parts.query}")
    if _UNSUBSCRIBE.search(where):
        return True
    text = unicodedata.normalize("NFKC", link.text or "")[:300]
    return bool(text and _UNSUBSCRIBE.search(text))


def list_infrastructure(headers: Sequence[tuple[str, str]], links: Sequence[Link]) -> frozenset[str]:
    """Units a list or bulk sender puts on every message it carries: the hosts of its List-*
    header fields, and the hosts of unsubscribe and list-settings links. None of them joins a
    campaign or counts as a bad link domain — unless it is all the mail links to (a phish sent
    from a list's own domain is still a phish: see ``without_list_infrastructure``)."""
    found = set(list_header_hosts(headers))
    for link in links:
        if is_unsubscribe_link(link) and (u := _unit(link.host)):
            found.add(u)
    return frozenset(found)


def without_list_infrastructure(domains: frozenset[str], infrastructure: frozenset[str]) -> frozenset[str]:
    """The mail's candidate bad domains less the list's: when nothing else is left, the list's own
    domains are what the mail points at, and they stay (a sender cannot hide its only domain by
    naming it in a List-Unsubscribe field)."""
    rest = domains - infrastructure
    return rest if rest else domains


def is_list_mail(headers: Iterable[tuple[str, str]]) -> bool:
    """Whether a list re-sent this message (it carries a List-* field)."""
    return any(name.strip().lower() in LIST_FIELDS for name, _ in headers)
