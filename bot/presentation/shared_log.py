"""The shared log's views as text (the CLI prints them; the bot puts them in embeds) and as the CLI's
``--json`` objects: a domain in a guild's log, a campaign with its leak-source ranking, the guild's
numbers and the charts' series, a member's registrations and votes, forgetting, a guild's settings
and what it shares beyond its report channels."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict

from bot.analysis.links import defang_host
from bot.analysis.models import VERDICTS
from bot.community.service_catalogue import service_for_slug
from bot.i18n import t, tn
from bot.presentation.analysis_view import JSONObject, JSONValue
from bot.presentation.sentences import brand_label
from bot.services.community import (
    CampaignTimeline,
    CampaignView,
    DomainView,
    Registered,
    StatsSeries,
    Voted,
)
from bot.services.ports.guilds import GuildSettings
from bot.services.ports.members import Forgotten, MemberRegistration
from bot.services.ports.reports import ReportCounts
from bot.services.sharing_setup import SharingState, feed_urls, page_url


def _plain(value: object) -> JSONValue:
    """A dataclass's ``asdict`` (tuples as lists, mappings as objects) as JSON values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _object(value: object) -> JSONObject:
    plain = _plain(value)
    assert isinstance(plain, dict)
    return plain


def service_name(slug: str, lang: str, typed: Mapping[str, str] | None = None) -> str:
    """A service as a person reads it: the catalogue's name in ``lang``, else the name a member
    typed (when the caller has it), else the slug of a Latin name (``foo-shop``); a slug made of a
    hash (``svc-007961e8``) is never shown."""
    service = service_for_slug(slug)
    if service.known:
        return service.name_in(lang)
    if typed and typed.get(slug):
        return typed[slug]
    if slug.startswith("svc-"):
        return t(lang, "community", "unnamed_service")
    return slug


# --- a domain ------------------------------------------------------------------------------------


def guild_domain_text(view: DomainView, lang: str) -> str:
    lines = [f"{t(lang, 'domain', 'domain')}: {defang_host(view.domain)}",
             t(lang, "community", f"status_{view.status}"),
             t(lang, "community", "counts", reports=view.reports, members=view.members)]
    if view.first_seen:
        lines.append(t(lang, "community", "seen", first=view.first_seen[:10], last=(view.last_seen or "")[:10]))
    if view.brands:
        lines.append(f"{t(lang, 'cli', 'brand')}: {', '.join(brand_label(b, lang) for b in view.brands)}")
    if view.campaigns:
        lines.append(t(lang, "community", "campaigns", ids=", ".join(view.campaigns)))
    if view.age_days is not None:
        lines.append(t(lang, "domain", "age", days=view.age_days))
    return "\n".join(lines)


def domain_view_json(view: DomainView) -> JSONObject:
    return _object(asdict(view))


# --- a campaign ----------------------------------------------------------------------------------


def campaign_text(view: CampaignView, lang: str, rows: int = 10, typed: Mapping[str, str] | None = None) -> str:
    """A campaign: its counts, domains and the leak-source ranking — or, when no member's answer
    supports any service yet, that sentence instead of a ranking of guesses (the votes apart)."""
    lines = [f"{t(lang, 'community', 'campaign')}: {view.id}",
             t(lang, "community", "counts", reports=view.reports, members=view.members)]
    if view.domains:
        lines.append(t(lang, "community", "domains", domains=", ".join(defang_host(d) for d in view.domains)))
    lines.append(t(lang, "community", "ranking"))
    supported = [row for row in view.leak_ranking if row.registered or row.not_registered]
    if not supported:
        lines.append("  " + t(lang, "community", "no_evidence" if view.leak_ranking else "no_ranking"))
    for row in supported[:rows]:
        lines.append("  " + t(lang, "community", "rank_row", service=service_name(row.service, lang, typed),
                              score=f"{row.score * 100:.0f}", registered=row.registered,
                              not_registered=row.not_registered, votes=row.votes,
                              votes_from_recipients=row.votes_from_recipients))
    voted = [row for row in view.leak_ranking if row.votes and row not in supported]
    if voted:
        lines.append("  " + t(lang, "community", "votes_only", services=t(lang, "community", "stats_separator").join(
            t(lang, "community", "vote_tally", service=service_name(row.service, lang, typed), votes=row.votes)
            for row in voted[:rows])))
    return "\n".join(lines)


def campaign_view_json(view: CampaignView) -> JSONObject:
    return _object(asdict(view))


def timeline_json(timeline: CampaignTimeline) -> JSONObject:
    return {"unit": timeline.unit, "buckets": [[b.start, b.reports] for b in timeline.buckets]}


# --- the guild's numbers -------------------------------------------------------------------------


def stats_text(counts: ReportCounts, lang: str) -> str:
    by_verdict = t(lang, "community", "stats_separator").join(
        t(lang, "verdict_count", v, count=counts.verdicts.get(v, 0)) for v in VERDICTS)
    return t(lang, "community", "stats", reports=counts.reports, campaigns=counts.campaigns,
             bad=counts.known_bad_domains, by_verdict=by_verdict)


def stats_json(counts: ReportCounts) -> JSONObject:
    return {"reports": counts.reports, "verdicts": dict(counts.verdicts),
            "top_brands": [[b.brand, b.reports] for b in counts.top_brands], "campaigns": counts.campaigns,
            "known_bad_domains": counts.known_bad_domains}


def series_json(series: StatsSeries) -> JSONObject:
    return {"weeks": [{"week": w.week, "verdicts": dict(w.verdicts), "total": w.total} for w in series.weeks],
            "month": series.month, "top_brands": [[b.brand, b.reports] for b in series.top_brands]}


# --- members -------------------------------------------------------------------------------------


def registered_text(result: Registered, lang: str) -> str:
    typed = dict(result.names)
    none = t(lang, "community", "no_services_listed")
    sep = t(lang, "community", "stats_separator")
    return t(lang, "community", "registered", address=result.address,
             services=sep.join(service_name(s, lang, typed) for s in result.registered) or none,
             not_services=sep.join(service_name(s, lang, typed) for s in result.not_registered) or none)


def registered_json(result: Registered) -> JSONObject:
    return _object(asdict(result))


def registrations_text(rows: Sequence[MemberRegistration], lang: str,
                       shown: Callable[[MemberRegistration], str] | None = None) -> str:
    """``shown``: how each row's service is shown; by default the catalogue's name in ``lang``, or
    the name as the member typed it. Nothing saved: a sentence, not a bare "none"."""
    def name(r: MemberRegistration) -> str:
        return shown(r) if shown else service_name(r.service, lang, {r.service: r.name})

    text = "\n".join(f"{r.address}: {name(r)} ({'✓' if r.registered else '✗'})" for r in rows)
    return text or t(lang, "community", "no_registrations")


def registrations_json(rows: Sequence[MemberRegistration]) -> list[JSONValue]:
    return [_object(asdict(r)) for r in rows]


def voted_json(voted: Voted) -> JSONObject:
    return _object(asdict(voted))


def forgotten_text(forgotten: Forgotten, lang: str) -> str:
    return t(lang, "community", "forgotten", **asdict(forgotten))


def forgotten_json(forgotten: Forgotten) -> JSONObject:
    return _object(asdict(forgotten))


# --- a guild's settings and what it shares ----------------------------------------------------------


def settings_json(settings: GuildSettings) -> JSONObject:
    return _object(asdict(settings))


def sharing_json(state: SharingState) -> JSONObject:
    features = _object(asdict(state.features))
    features.pop("guild_id")
    return {**features, "shared_campaigns": list(state.shared), "blocklist_feed": state.feed_token is not None}


def sharing_text(state: SharingState, base_url: str, lang: str, with_links: bool = True) -> str:
    """``/setup``'s and ``phishbot setup``'s lines about the feeds, pages, link watch and network.
    The links carry tokens: show them to admins only. ``with_links=False``: the lines without them
    (Discord shows the links apart, live, since its embeds defang every URL)."""
    f = state.features
    yes, no = t(lang, "discord", "on"), t(lang, "discord", "off")
    links = sharing_links(state, base_url) if with_links else {}
    lines = [t(lang, "sharing", "feed_on") if state.feed_token else t(lang, "sharing", "feed_off")]
    if state.feed_token:
        lines += [f"  {url}" for url in links.get("feed", [])]
        lines.append(t(lang, "sharing", "feed_external", value=yes if f.feed_external else no))
    pages = (tn(lang, "sharing", "pages_chosen", len(state.shared)) if f.share_pages == "chosen"
             else t(lang, "sharing", f"pages_{f.share_pages}"))
    lines.append(pages)
    lines += [f"  {url}" for url in links.get("pages", [])]
    if f.share_pages == "chosen" and state.shared:
        lines.append("  " + ", ".join(state.shared[:20]))
    lines.append(t(lang, "sharing", "link_watch", mode=t(lang, "sharing", f"watch_{f.link_watch}")))
    lines.append(t(lang, "sharing", "network", publish=yes if f.network_publish else no,
                   receive=yes if f.network_receive else no))
    return "\n".join(lines)


def sharing_links(state: SharingState, base_url: str) -> dict[str, list[str]]:
    """The feed links and the pages' link of a guild's state (our own URLs, with their tokens)."""
    out: dict[str, list[str]] = {}
    if state.feed_token:
        out["feed"] = feed_urls(base_url, state.feed_token)
    if state.features.share_pages != "off" and state.pages_token:
        out["pages"] = [page_url(base_url, state.pages_token, state.shared[0] if state.shared else "C-xxxx")]
    return out
