"""The shared log's views as text (the CLI prints them; the bot puts them in embeds): a domain in a
guild's log, a campaign with its leak-source ranking, the guild's numbers, a member's
registrations, what a guild shares beyond its report channels."""

from __future__ import annotations

from typing import Any

from bot.analysis.links import defang_host
from bot.analysis.models import VERDICTS
from bot.i18n import t, tn
from bot.presentation.sentences import brand_label


def guild_domain_text(view: dict[str, Any], lang: str) -> str:
    lines = [f"{t(lang, 'domain', 'domain')}: {defang_host(view['domain'])}",
             t(lang, "community", f"status_{view['status']}"),
             t(lang, "community", "counts", reports=view["reports"], members=view["members"])]
    if view["first_seen"]:
        lines.append(t(lang, "community", "seen", first=view["first_seen"][:10], last=view["last_seen"][:10]))
    if view.get("brands"):
        lines.append(f"{t(lang, 'cli', 'brand')}: {', '.join(brand_label(b, lang) for b in view['brands'])}")
    if view["campaigns"]:
        lines.append(t(lang, "community", "campaigns", ids=", ".join(view["campaigns"])))
    if view["age_days"] is not None:
        lines.append(t(lang, "domain", "age", days=view["age_days"]))
    return "\n".join(lines)


def campaign_text(view: dict[str, Any], lang: str, rows: int = 10) -> str:
    lines = [f"{t(lang, 'community', 'campaign')}: {view['id']}",
             t(lang, "community", "counts", reports=view["reports"], members=view["members"])]
    if view["domains"]:
        lines.append(t(lang, "community", "domains", domains=", ".join(defang_host(d) for d in view["domains"])))
    lines.append(t(lang, "community", "ranking"))
    if not view["leak_ranking"]:
        lines.append("  " + t(lang, "community", "no_ranking"))
    for row in view["leak_ranking"][:rows]:
        lines.append("  " + t(lang, "community", "rank_row", service=row["service"], score=f"{row['score'] * 100:.0f}",
                              registered=row["registered"], not_registered=row["not_registered"],
                              votes=row["votes"], votes_from_recipients=row["votes_from_recipients"]))
    return "\n".join(lines)


def stats_text(st: dict[str, Any], lang: str) -> str:
    counts = t(lang, "community", "stats_separator").join(
        t(lang, "verdict_count", v, count=st["verdicts"].get(v, 0)) for v in VERDICTS)
    return t(lang, "community", "stats", reports=st["reports"], campaigns=st["campaigns"],
             bad=st["known_bad_domains"], by_verdict=counts)


def registered_text(result: dict[str, Any], lang: str) -> str:
    return t(lang, "community", "registered", address=result["address"],
             services=", ".join(result["registered"]) or "-", not_services=", ".join(result["not_registered"]) or "-")


def registrations_text(rows: list[dict[str, Any]], lang: str) -> str:
    text = "\n".join(f"{r['address']}: {r['service']} ({'✓' if r['registered'] else '✗'})" for r in rows)
    return text or t(lang, "cli", "none")


def sharing_text(state: Any, base_url: str, lang: str, with_links: bool = True) -> str:
    """``/setup``'s and ``phishbot setup``'s lines about the feeds, pages, link watch and network
    (``state``: services.sharing_setup.SharingState). The links carry tokens: show them to admins
    only. ``with_links=False``: the lines without them (Discord shows the links apart, live, since
    its embeds defang every URL)."""
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


def sharing_links(state: Any, base_url: str) -> dict[str, list[str]]:
    """The feed links and the pages' link of a guild's state (our own URLs, with their tokens)."""
    from bot.services.sharing_setup import feed_urls, page_url

    out: dict[str, list[str]] = {}
    if state.feed_token:
        out["feed"] = feed_urls(base_url, state.feed_token)
    if state.features.share_pages != "off" and state.pages_token:
        out["pages"] = [page_url(base_url, state.pages_token, state.shared[0] if state.shared else "C-xxxx")]
    return out
