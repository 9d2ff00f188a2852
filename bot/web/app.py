"""The web server: the application, its middlewares and its start and stop inside a running event
loop (``web.AppRunner`` + ``TCPSite``, as aiohttp's docs show for an application that is not the
process's only task).

Every answer carries ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` (a token
in the URL never leaves in a Referer) and ``X-Robots-Tag: noindex, nofollow``; pages add a Content
Security Policy that allows nothing but the page's own stylesheet. The access log names the route,
never the path: a token never reaches a log. An unknown path, a wrong token, a campaign that is not
shared and a campaign that does not exist are the same ``404``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from bot.web import feeds_out, ops, pages
from bot.web.context import DEPS, HERE, NOT_FOUND, WebDeps

log = logging.getLogger(__name__)
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


class RouteAccessLogger(AbstractAccessLogger):
    """One line per request with the route's name instead of its path (paths carry tokens)."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        route = request.match_info.route.name if isinstance(request, web.Request) else None
        self.logger.info("%s %s %s %.1f ms", request.method, route or "-", response.status, time * 1000)

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.INFO)


@web.middleware
async def headers_and_metrics(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                              ) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        if exc.status in {404, 405}:
            response = web.Response(status=exc.status, text=NOT_FOUND if exc.status == 404 else "405: not allowed\n")
        else:
            raise
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("X-Robots-Tag", "noindex, nofollow")
    if headers.get("Content-Type", "").startswith("text/html"):
        headers.setdefault("Content-Security-Policy", PAGE_CSP)
        headers.setdefault("X-Frame-Options", "DENY")
    route = request.match_info.route.name or "other"
    request.app[DEPS].metrics.web_requests.labels(route, str(response.status)).inc()
    return response


def build_app(deps: WebDeps) -> web.Application:
    app = web.Application(middlewares=[headers_and_metrics], client_max_size=16 * 1024)
    app[DEPS] = deps
    aiohttp_jinja2.setup(
        app, loader=jinja2.FileSystemLoader(os.path.join(HERE, "templates")),
        autoescape=jinja2.select_autoescape(default=True), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    app.router.add_get("/healthz", ops.healthz, name="healthz")
    app.router.add_get("/readyz", ops.readyz, name="readyz")
    app.router.add_get("/metrics", ops.metrics, name="metrics")
    app.router.add_get("/f/{token}/{file}", feeds_out.feed, name="feed")
    app.router.add_get("/c/{token}/{campaign}", pages.campaign, name="campaign")
    app.router.add_get("/static/page.css", pages.stylesheet, name="static")
    app.router.add_get("/", ops.root, name="root")
    return app


class ListenError(OSError):
    """The web server cannot listen where it was told (the port is taken, the address is not ours)."""

    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(reason)
        self.host = host
        self.port = port
        self.reason = reason


class WebServer:
    """Started and stopped inside the caller's event loop (the bot's, or ``phishbot serve``'s)."""

    def __init__(self, deps: WebDeps) -> None:
        self.deps = deps
        self.runner: web.AppRunner | None = None
        self.port: int | None = None

    async def start(self) -> None:
        web_settings = self.deps.settings.web
        self.runner = web.AppRunner(build_app(self.deps), access_log_class=RouteAccessLogger, shutdown_timeout=5.0,
                                    handle_signals=False)
        await self.runner.setup()
        site = web.TCPSite(self.runner, web_settings.host, web_settings.port, reuse_address=True)
        try:
            await site.start()
        except OSError as exc:
            await self.runner.cleanup()
            self.runner = None
            raise ListenError(web_settings.host, web_settings.port, exc.strerror or type(exc).__name__) from exc
        except BaseException:
            await self.runner.cleanup()
            self.runner = None
            raise
        addresses = self.runner.addresses
        self.port = int(addresses[0][1]) if addresses else web_settings.port
        log.info("web server on %s (port %s)", web_settings.host, self.port)

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None
