"""A ``Analysis`` as the SPEC §4 object (CLI ``--json``; the Discord embed renders the same object)
and as readable text. This is the output boundary: every human-facing string of the object —
subject, display name, link, every finding's and problem's words and evidence — goes through the
one sanitiser (``privacy.present_text``: no control character or bidi override, every link and
host-like run defanged, addresses and the recipient's names masked), and the readable text gets a
last pass (``screen_text``) whatever was put in it."""

from __future__ import annotations

from typing import Any

from bot.analysis.brands import catalogue
from bot.analysis.links import defang_host, defang_schemes, defang_url
from bot.analysis.models import VERDICTS, Analysis, Finding, Listing, Problem
from bot.analysis.privacy import clean_controls, mask_address, recipient_names
from bot.analysis.safe_text import present_text
from bot.i18n import t, tn


def report_names(report: Analysis) -> tuple[str, ...]:
    """The recipient's names, masked in every string shown (an attachment's name included)."""
    recipients = report.sender.recipients
    return recipient_names(tuple(r.display_name for r in recipients), tuple(r.local for r in recipients))


def _safe_params(params: tuple[tuple[str, str], ...], names: tuple[str, ...]) -> dict[str, str]:
    return {key: present_text(value, names) for key, value in params}


def finding_detail(finding: Finding, lang: str, names: tuple[str, ...] = ()) -> str:
    params = _safe_params(finding.params, names)
    brand = catalogue().by_id.get(dict(finding.params).get("brand", ""))
    if brand is not None:
        params["brand"] = brand.name_in(lang)
    if "how" in params:  # a code naming the way, said in the reader's language
        section = "lookalike_how" if finding.rule == "lookalike_domain" else f"{finding.rule}_how"
        params["how"] = t(lang, section, dict(finding.params)["how"])
    if finding.rule == "kit_like_link" and "signs" in params:
        params["signs"] = t(lang, "community", "stats_separator").join(
            t(lang, "link_sign", s) for s in dict(finding.params)["signs"].split(","))
    if finding.rule == "listed_link":
        raw = dict(finding.params)
        params["listing"] = listing_phrase(raw.get("source", "?"), raw.get("date", "?"), raw.get("label") or None,
                                           raw.get("threat", "phishing"), raw.get("current") != "no", lang)
    return t(lang, "rule", finding.rule, **params)


def listing_phrase(source: str, date: str, label: str | None, threat: str, current: bool, lang: str) -> str:
    """"listed by JPCERT/CC on 2024-01-04 as 国税庁 phishing". The feed's label is outside text:
    it goes through the one sanitiser, like a mail's words."""
    from bot.feeds.sources import source_name

    threat_text = t(lang, "listing", f"threat_{threat}" if threat in ("phishing", "malware") else "threat_phishing")
    shown = present_text(label, limit=200) if label else ""
    key = "with_label" if shown else "plain"
    text = t(lang, "listing", key, source=source_name(source), date=date[:10], label=shown, threat=threat_text)
    return text + ("" if current else t(lang, "listing", "old"))


def listing_text(listing: Listing, lang: str) -> str:
    return listing_phrase(listing.source, listing.first_listed, listing.label, listing.threat, listing.current, lang)


def other_sources_lines(listings: tuple[Listing, ...], servers: int | None, lang: str, limit: int = 5) -> list[str]:
    """What the threat feeds and the other servers say, as lines set apart from the guild's counts."""
    lines = [t(lang, "listing", "heading")]
    if listings:
        shown: dict[str, Listing] = {}
        for x in listings:
            shown.setdefault(x.source, x)
        lines += [f"- {listing_text(x, lang)}" for x in list(shown.values())[:limit]]
    else:
        lines.append(f"- {t(lang, 'listing', 'none')}")
    if servers is not None:
        lines.append(tn(lang, "listing", "servers", servers) if servers else t(lang, "listing", "servers_none"))
    return lines


def problem_detail(problem: Problem, lang: str, names: tuple[str, ...] = ()) -> str:
    return t(lang, "problem", problem.code, **_safe_params(problem.params, names))


def screen_text(text: str) -> str:
    """The last pass over a whole text about to be shown (readable output, the report text):
    whatever was put in it, no control character, bidi override or live ``scheme://`` is left."""
    return defang_schemes(clean_controls(text, multiline=True))


def brand_name(report: Analysis, lang: str) -> str | None:
    if report.brand is None:
        return None
    return report.brand.name_in(lang)


def brand_label(brand_id: str, lang: str) -> str:
    """A catalogue brand's name in ``lang``; an id the catalogue no longer has, as it is."""
    brand = catalogue().by_id.get(brand_id)
    return brand.name_in(lang) if brand else brand_id


def to_dict(
    report: Analysis,
    lang: str,
    input_name: str | None = None,
    campaign: str | None = None,
    report_id: str | None = None,
) -> dict[str, Any]:
    s = report.sender
    frm = s.from_addr
    names = report_names(report)
    links = []
    ages = dict(report.ages)
    listed = report.link_listings or tuple(() for _ in report.links)
    for link, fact, found, official in zip(report.links, report.link_facts, listed, report.link_official, strict=True):
        links.append(
            {
                "url": defang_url(link.url, names),
                "host": link.host,
                "registrable_domain": link.registrable_domain,
                "official_for_brand": official,
                "age_days": ages.get(link.registrable_domain or ""),
                "lookup": fact.lookup if fact else "skipped",
                "source": link.source,
                "listed": [{"source": x.source, "first_listed": x.first_listed[:10], "label": x.label,
                            "threat": x.threat, "current": x.current} for x in found],
            }
        )
    return {
        "verdict": report.verdict,
        "score": report.score,
        "language": report.language,
        "kind": report.kind,
        "bare_links": report.bare_links,
        "readable": report.readable,
        "subject": present_text(report.subject, names) if report.subject else None,
        "sender": {
            "from": mask_address(frm.address) if frm and frm.address else None,
            "display_name": present_text(report.display_name, names) if report.display_name else None,
            "envelope_domain": s.envelope_domain,
            "dkim_domains": list(s.dkim_domains),
            "auth": {"spf": s.auth.spf, "dkim": s.auth.dkim, "dmarc": s.auth.dmarc},
            "authserv_id": s.auth.authserv_id,
            "handoff_ip": s.handoff_ip,
            "origin_ip": s.origin_ip,
            "reply_to": [mask_address(r.address) for r in s.reply_to],
            "hops": [
                {"from": h.from_host, "ip": h.from_ip, "by": h.by_host, "date": h.date, "delay_s": h.delay_s}
                for h in s.hops
            ],
        },
        "brand": (
            {
                "id": report.brand.id,
                "name": brand_name(report, lang),
                "name_ja": report.brand.name_ja,
                "name_en": report.brand.name_en,
                "official": report.brand_official,
            }
            if report.brand
            else None
        ),
        "links": links,
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "detail": finding_detail(f, lang, names),
                "evidence": [present_text(e, names) for e in f.evidence],
            }
            for f in report.findings
        ],
        "domains": [
            {"domain": d.domain, "role": d.role, "age_days": d.age_days, "lookup": d.lookup} for d in report.domains
        ],
        "advice": [t(lang, "advice", key) for key in report.advice],
        "problems": [{"code": p.code, "detail": problem_detail(p, lang, names)} for p in report.problems],
        "campaign": campaign,
        "report_id": report_id,
        "input_sha256": report.input_sha256,
        "input": input_name,
    }


_SEVERITY_MARK = {"high": "!!!", "medium": "!! ", "low": "!  ", "info": "i  "}


def to_text(obj: dict[str, Any], lang: str, max_links: int = 10) -> str:
    """Readable report from the ``to_dict`` object (so both outputs say the same things)."""
    lines: list[str] = []
    kind = t(lang, "cli", f"kind_{obj['kind']}") if obj.get("kind") in ("eml", "headers", "pasted", "msg") else ""
    if obj.get("input"):
        lines.append(f"== {obj['input']}" + (f"  ({kind})" if kind else ""))
    verdict = obj["verdict"]
    lines.append(f"{t(lang, 'cli', 'verdict')}: {t(lang, 'verdict', verdict)} ({t(lang, 'cli', 'score')} {obj['score']}/100)")
    lines.append(t(lang, "verdict_line_link" if obj.get("bare_links") else "verdict_line", verdict))
    if obj.get("subject"):
        lines.append(f"{t(lang, 'cli', 'subject')}: {obj['subject']}")
    s = obj["sender"]
    if s.get("from"):
        shown = s["from"] + (f" ({s['display_name']})" if s.get("display_name") else "")
        lines.append(f"{t(lang, 'cli', 'from')}: {shown}")
    if s.get("envelope_domain"):
        lines.append(f"{t(lang, 'cli', 'envelope')}: {defang_host(s['envelope_domain'])}")
    auth = s["auth"]
    if any(auth.values()):
        parts = [f"{k.upper()} {v}" for k, v in auth.items() if v]
        server = f"  [{defang_host(s['authserv_id'])}]" if s.get("authserv_id") else ""
        lines.append(f"{t(lang, 'cli', 'auth')}: {' · '.join(parts)}{server}")
    if s.get("handoff_ip"):
        lines.append(f"{t(lang, 'cli', 'route')}: {s['handoff_ip']}")
    if s.get("origin_ip") and s.get("origin_ip") != s.get("handoff_ip"):
        lines.append(f"{t(lang, 'cli', 'origin')}: {s['origin_ip']}")
    if obj.get("brand"):
        b = obj["brand"]
        mark = t(lang, "cli", "brand_official" if b["official"] else "brand_impersonated")
        lines.append(f"{t(lang, 'cli', 'brand')}: {b['name']} {mark}")
    if obj["links"]:
        lines.append(f"{t(lang, 'cli', 'links')}:")
        for link in obj["links"][:max_links]:
            extra = []
            if link.get("age_days") is not None:
                extra.append(t(lang, "cli", "age", days=link["age_days"]))
            if link.get("lookup") not in (None, "skipped"):
                extra.append(t(lang, "cli", "lookup", state=link["lookup"]))
            suffix = f"  ({', '.join(extra)})" if extra else ""
            lines.append(f"  - {link['url']}{suffix}")
        if len(obj["links"]) > max_links:
            lines.append("  " + t(lang, "cli", "more_links", count=len(obj["links"]) - max_links))
    lines.append(f"{t(lang, 'cli', 'findings')}:")
    if not obj["findings"]:
        lines.append("  " + t(lang, "cli", "none"))
    for f in obj["findings"]:
        lines.append(f"  {_SEVERITY_MARK[f['severity']]} [{t(lang, 'severity', f['severity'])}] {f['rule']}: {f['detail']}")
    if obj["advice"]:
        lines.append(f"{t(lang, 'cli', 'advice')}:")
        lines.extend(f"  - {a}" for a in obj["advice"])
    if obj["problems"]:
        lines.append(f"{t(lang, 'cli', 'problems')}:")
        lines.extend(f"  - {p['detail']}" for p in obj["problems"])
    return screen_text("\n".join(lines))


def failure_sentence(exc: BaseException, lang: str, db_path: str | None = None) -> str | None:
    """The sentence for an expected failure of a use-case — a member's bad input, a busy, damaged or
    too new database — as the CLI and the bot both say it; None for anything else. ``db_path``: the
    CLI names the database; the bot (None) never shows a path to members."""
    import sqlite3

    from bot.services.community import CommunityError
    from bot.services.domain_info import BadDomain
    from bot.services.protocols import StoreError

    if isinstance(exc, CommunityError):
        return t(lang, "community", exc.code, **exc.params_in(lang))
    if isinstance(exc, BadDomain):
        return t(lang, "domain", "not_a_domain")
    if db_path is None and isinstance(exc, (StoreError, sqlite3.Error, OSError)):
        return t(lang, "community", "locked" if "locked" in str(exc) else "db_error")
    if isinstance(exc, StoreError):
        return t(lang, "store", exc.code, **exc.params)
    if isinstance(exc, sqlite3.Error):  # locked, not a database, malformed, cannot open
        text = str(exc)
        if "malformed" in text:
            return t(lang, "store", "damaged_found", path=db_path, detail=text[:200])
        return t(lang, "store", "locked" if "locked" in text else "db_error", path=db_path)
    if isinstance(exc, OSError):
        return t(lang, "store", "db_error", path=db_path)
    return None


# --- the shared log's views as text (the CLI prints them; the bot puts them in embeds) -------


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
