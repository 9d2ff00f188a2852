"""What the rules look at: ``Prepared`` (a mail read once, everything but registration facts) and
``Facts`` (that, with what the lookups and the threat feeds said). ``pipeline`` builds both and
``rules`` reads them; neither needs the other to say what they are. Pure, like the whole core."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.analysis.brands import TextIndex, catalogue
from bot.analysis.domains import org_domain
from bot.analysis.links import HtmlFacts
from bot.analysis.models import Brand, DomainFact, Link, Listing, ParsedMail, Problem, Sender


@dataclass(frozen=True)
class Prepared:
    """A mail read once: everything the rules need except registration facts."""

    mail: ParsedMail
    sender: Sender
    links: tuple[Link, ...]
    html: tuple[HtmlFacts, ...]
    html_is_attachment: tuple[bool, ...]
    text: TextIndex
    brand: Brand | None
    brand_where: tuple[str, ...]
    brand_official: bool
    received_at: datetime | None
    input_sha256: str
    problems: tuple[Problem, ...]
    language: str
    bare_links: bool = False  # the input is a link or a few, pasted alone (judged from what they show)

    def lookup_domains(self) -> dict[str, str]:
        """Registrable domains worth a registration lookup, with their first role.
        Official brand domains need none; hosts are never contacted, only registries."""
        cat = catalogue()
        out: dict[str, str] = {}

        def add(domain: str | None, role: str) -> None:
            org = org_domain(domain) if domain else None
            if org and not cat.is_official(org) and org not in cat.freemail and org not in out:
                out[org] = role

        for link in self.links:
            add(link.registrable_domain, "link")
        add(self.sender.envelope_domain, "envelope")
        for d in self.sender.dkim_domains:
            add(d, "dkim")
        if self.sender.from_addr:
            add(self.sender.from_addr.domain, "from")
        for r in self.sender.reply_to:
            add(r.domain, "reply_to")
        return out


@dataclass(frozen=True)
class Facts:
    """Everything the rules may look at: the mail as read once, and what the lookups said."""

    prepared: Prepared
    domain_facts: Mapping[str, DomainFact]
    ages: Mapping[str, int]  # days between registration and the mail's arrival (or now)
    listings: Mapping[str, tuple[Listing, ...]] = field(default_factory=dict)  # link host -> threat-feed listings

    @property
    def mail(self) -> ParsedMail:
        return self.prepared.mail

    @property
    def sender(self) -> Sender:
        return self.prepared.sender

    @property
    def links(self) -> tuple[Link, ...]:
        return self.prepared.links

    @property
    def html(self) -> tuple[HtmlFacts, ...]:
        return self.prepared.html

    @property
    def html_is_attachment(self) -> tuple[bool, ...]:
        return self.prepared.html_is_attachment

    @property
    def text(self) -> TextIndex:  # subject + bodies, normalised
        return self.prepared.text

    @property
    def brand(self) -> Brand | None:
        return self.prepared.brand

    @property
    def brand_where(self) -> tuple[str, ...]:
        return self.prepared.brand_where

    @property
    def brand_official(self) -> bool:
        return self.prepared.brand_official
