"""``GET /f/{token}/{file}``: a guild's blocklist feed (``domains.txt``, ``hosts.txt``,
``adblock.txt``, ``rpz.zone``, ``blocklist.json``).

Conditional requests answer ``304`` (``If-None-Match`` first, then ``If-Modified-Since``, as RFC 9110
orders them); gzip when the client accepts it (its own ETag, ``Vary: Accept-Encoding``); a token
that has made more than ``WEB_FEED_REQUESTS_PER_MINUTE`` requests this minute gets ``429`` with
``Retry-After``. A wrong, revoked or rotated token is ``404`` — the same 404 as any unknown path.
"""

from __future__ import annotations

import gzip
import math
from email.utils import format_datetime, parsedate_to_datetime

from aiohttp import web

from bot.services.blocklist_feed import FORMATS
from bot.web.context import DEPS, NOT_FOUND

GZIP_ABOVE = 1024  # bytes
_gzipped: dict[str, bytes] = {}  # ETag -> gzip body (bodies change rarely; bounded below)


def _not_found() -> web.Response:
    return web.Response(status=404, text=NOT_FOUND)


def _matches(header: str, etags: set[str]) -> bool:
    if header.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") in etags for tag in header.split(","))


async def feed(request: web.Request) -> web.Response:
    deps = request.app[DEPS]
    file_name = request.match_info["file"]
    if file_name not in FORMATS:
        return _not_found()
    token = request.match_info["token"]
    guild = await deps.tokens.guild_for(token, "feed", deps.clock())
    if guild is None:
        return _not_found()
    wait = deps.buckets.take("feed:" + token)
    if wait > 0:
        deps.metrics.rate_limited.labels("web_feed").inc()
        return web.Response(status=429, text="429: too many requests\n",
                            headers={"Retry-After": str(max(1, math.ceil(wait)))})
    rendered = await deps.feeds_out.render(guild, file_name)
    wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "").lower() and len(rendered.body) > GZIP_ABOVE
    etag = rendered.etag[:-1] + '-gz"' if wants_gzip else rendered.etag
    headers = {"ETag": etag, "Last-Modified": format_datetime(rendered.last_modified, usegmt=True),
               "Cache-Control": "private, max-age=300", "Vary": "Accept-Encoding"}
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        if _matches(if_none_match, {etag}):
            return web.Response(status=304, headers=headers)
    elif (since := request.headers.get("If-Modified-Since")) is not None:
        try:
            if rendered.last_modified <= parsedate_to_datetime(since):
                return web.Response(status=304, headers=headers)
        except (TypeError, ValueError):
            pass  # an unreadable date: answer in full
    body = rendered.body
    if wants_gzip:
        body = _gzipped.get(etag) or gzip.compress(rendered.body, compresslevel=6, mtime=0)
        if len(_gzipped) > 256:
            _gzipped.clear()
        _gzipped[etag] = body
        headers["Content-Encoding"] = "gzip"
    headers["Content-Type"] = rendered.content_type
    headers["Content-Disposition"] = f'inline; filename="{file_name}"'
    return web.Response(body=body, headers=headers)
