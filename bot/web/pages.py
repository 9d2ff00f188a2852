"""``GET /c/{token}/{campaign-id}``: a campaign's read-only page, server-rendered, no JavaScript,
in Japanese or English (``?lang=``, else the browser's ``Accept-Language``, else the guild's
language), readable on a phone. Everything on it is already masked and defanged here; the template
only lays it out (and escapes whatever it prints)."""

from __future__ import annotations

import asyncio
import base64
import functools
import logging
import os
from datetime import datetime

import aiohttp_jinja2
from aiohttp import web

from bot.analysis.links import defang_host
from bot.community.service_catalogue import service_for_slug
from bot.i18n import LANGS, t, tn
from bot.presentation.sentences import brand_label, listing_text
from bot.services.campaign_page import CampaignPage
from bot.web.context import DEPS, HERE, NOT_FOUND

log = logging.getLogger(__name__)

STYLESHEET = os.path.join(HERE, "static", "page.css")


def choose_lang(query: str | None, accept_language: str | None, fallback: str | None) -> str:
    """``?lang=`` wins; then the first of ja/en in Accept-Language by its q-value; then the guild's."""
    if query in LANGS:
        return query
    best: tuple[float, int, str] | None = None
    for i, part in enumerate((accept_language or "")[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        lang = tag.strip().lower().split("-")[0]
        if lang in LANGS and q > 0 and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, lang)
    if best is not None:
        return best[2]
    return fallback if fallback in LANGS else "en"


def _date(text: str | None) -> str:
    return text[:10] if text else "-"


def _chart_src(svg: str | None) -> str | None:
    """The chart as an image (a data URI: the SVG's own styles stay inside it, and the page's
    Content Security Policy needs no exception)."""
    if not svg:
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def context(page: CampaignPage, lang: str, now: datetime, chart_svg: str | None) -> dict[str, object]:
    other = "en" if lang == "ja" else "ja"
    domains = []
    for d in page.domains:
        age = d.domain.age_days
        domains.append({
            "name": defang_host(d.domain.domain),
            "roles": ", ".join(t(lang, "web", f"role_{r}") for r in d.domain.roles),
            "age": tn(lang, "web", "days", age) if age is not None else t(lang, "web", "unknown"),
            "young": age is not None and age < 30,
            "reports": d.domain.reports,
            "listings": [listing_text(x, lang) for x in d.listings[:3]],
        })
    ranking = [{
        "service": service_for_slug(row.service).name_in(lang),
        "score": f"{row.score * 100:.0f}%",
        "registered": row.registered, "not_registered": row.not_registered,
        "votes": row.votes, "votes_from_recipients": row.votes_from_recipients,
    } for row in page.ranking[:15]]
    verdicts = ", ".join(f"{t(lang, 'verdict', c.value)} {c.reports}" for c in page.verdicts) or "-"
    brands = [brand_label(b, lang) for b in page.brands]
    return {
        "lang": lang,
        "t": lambda key, **kw: t(lang, "web", key, **kw),
        "title": t(lang, "web", "title", campaign=page.campaign_id),
        "campaign_id": page.campaign_id,
        "brand_line": t(lang, "web", "impersonates", brands=", ".join(brands)) if brands else None,
        "summary": [
            (t(lang, "web", "first_seen"), _date(page.first_seen)),
            (t(lang, "web", "last_seen"), _date(page.last_seen)),
            (t(lang, "web", "reports"), str(page.reports)),
            (t(lang, "web", "members"), str(page.members)),
            (t(lang, "web", "verdicts"), verdicts),
        ],
        "domains": domains,
        "envelopes": [(defang_host(c.value), tn(lang, "web", "in_reports", c.reports)) for c in page.envelope_domains],
        "handoff_ips": [(c.value, tn(lang, "web", "in_reports", c.reports)) for c in page.handoff_ips],
        "ranking": ranking,
        "chart_src": _chart_src(chart_svg),
        "chart_alt": t(lang, "web", "chart_alt", campaign=page.campaign_id),
        "switch": {"href": f"?lang={other}", "lang": other, "label": t(other, "web", "language_name")},
        "generated": now.strftime("%Y-%m-%d %H:%M UTC"),
    }


async def campaign(request: web.Request) -> web.Response:
    deps = request.app[DEPS]
    now = deps.clock()
    guild = await deps.tokens.guild_for(request.match_info["token"], "pages", now)
    campaign_id = request.match_info["campaign"]
    if guild is None or len(campaign_id) > 40:
        return web.Response(status=404, text=NOT_FOUND)
    wait = deps.buckets.take("pages:" + request.match_info["token"])
    if wait > 0:
        deps.metrics.rate_limited.labels("web_page").inc()
        return web.Response(status=429, text="429: too many requests\n", headers={"Retry-After": str(int(wait) + 1)})
    page = await deps.pages.page(guild, campaign_id, now)
    if page is None:
        return web.Response(status=404, text=NOT_FOUND)
    lang = choose_lang(request.query.get("lang"), request.headers.get("Accept-Language"),
                       await deps.guild_language(guild))
    chart = None
    if deps.chart_svg is not None:
        try:
            chart = await deps.chart_svg(guild, page.view, lang)
        except Exception:
            log.warning("the campaign chart could not be drawn", exc_info=True)
            chart = None
    response = aiohttp_jinja2.render_template("campaign.html", request, context(page, lang, now, chart))
    response.headers["Cache-Control"] = "private, max-age=60"
    response.headers["Content-Language"] = lang
    response.headers["Vary"] = "Accept-Language"
    return response


@functools.cache
def _stylesheet() -> bytes:
    with open(STYLESHEET, "rb") as fh:
        return fh.read()


async def stylesheet(request: web.Request) -> web.Response:
    css = await asyncio.to_thread(_stylesheet)  # read once (package data; nothing writes it at run time)
    return web.Response(body=css, headers={"Content-Type": "text/css; charset=utf-8",
                                           "Cache-Control": "public, max-age=86400"})


__all__ = ["campaign", "choose_lang", "context", "stylesheet"]
