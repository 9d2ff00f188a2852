"""Campaigns (pure): which earlier reports a new report belongs with, and stable short ids.

Reports join when they share a non-official link domain, or the same sending infrastructure
(envelope domain or handoff IP) and brand, or the same normalised subject and brand within 14 days
of each other (the first Received date; the report time for pasted text). SPEC §6.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

SUBJECT_WINDOW = timedelta(days=14)
_NOISE = re.compile(r"^(?:\s*(?:re|fw|fwd|転送|返信)\s*[:：]\s*)+", re.IGNORECASE)
_DROP = re.compile(r"[\s\d\W_]+", re.UNICODE)


@dataclass(frozen=True)
class CampaignKeys:
    link_domains: frozenset[str]  # registrable link domains that are not a brand's, free-mail or benign
    envelope_domain: str | None
    handoff_ip: str | None
    brand: str | None
    subject_key: str | None
    mail_time: datetime


@dataclass(frozen=True)
class KnownReport:
    campaign_id: str
    keys: CampaignKeys


def subject_key(subject: str | None) -> str | None:
    """A subject reduced to what stays the same across a campaign: no "Re:"/"転送:", no digits,
    spaces or punctuation (dates, amounts and masked addresses vary per victim)."""
    if not subject:
        return None
    text = unicodedata.normalize("NFKC", subject).lower()
    text = _NOISE.sub("", text)
    text = _DROP.sub("", text.replace("***", ""))
    return text[:200] if len(text) >= 4 else None


def joins(new: CampaignKeys, old: CampaignKeys) -> bool:
    if new.link_domains & old.link_domains:
        return True
    same_brand = new.brand is not None and new.brand == old.brand
    if same_brand and (
        (new.envelope_domain is not None and new.envelope_domain == old.envelope_domain)
        or (new.handoff_ip is not None and new.handoff_ip == old.handoff_ip)
    ):
        return True
    return (  # "the same subject and brand": without a brand, a subject alone joins nothing
        same_brand
        and new.subject_key is not None
        and new.subject_key == old.subject_key
        and abs(new.mail_time - old.mail_time) <= SUBJECT_WINDOW
    )


def matching_campaigns(new: CampaignKeys, candidates: Iterable[KnownReport]) -> list[str]:
    """Campaign ids the new report belongs with (several: they are one campaign and merge into the
    first), in the order given (callers pass the oldest first)."""
    found: list[str] = []
    for known in candidates:
        if known.campaign_id not in found and joins(new, known.keys):
            found.append(known.campaign_id)
    return found


def campaign_id_candidates(seed: str) -> Iterator[str]:
    """``C-`` and four hex digits of a hash of the first report; longer ones for collisions."""
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    for size in range(4, len(digest) + 1):
        yield f"C-{digest[:size]}"
