"""The web server: the application, its middlewares and its start and stop inside a running event
loop (``web.AppRunner`` + ``TCPSite``, as aiohttp's docs show for an application that is not the
process's only task).

Every answer — pages, feeds, errors, and the answers aiohttp makes itself (a malformed request, a
body too large) — carries ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` (a
token in the URL never leaves in a Referer), ``X-Robots-Tag: noindex, nofollow`` and a Content
Security Policy (pages: nothing but their own stylesheet; anything else: nothing at all).

Connections are bounded (``GuardedRunner``): a request's head must arrive whole within
``WEB_REQUEST_TIMEOUT`` seconds of its first byte (a client sending its headers a byte a second —
slowloris — is dropped), an idle connection is closed after the same time, at most
``WEB_MAX_CONNECTIONS`` are open at once (more are answered ``503`` and closed), and no route takes a
request body (one larger than ``MAX_BODY`` bytes, or chunked, is ``413`` and the connection closed).
Only one static file is served, by a fixed name: there is no path to traverse. The access log names the route,
never the path: a token never reaches a log. An unknown path, a wrong token, a campaign that is not
shared and a campaign that does not exist are the same ``404``.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any, cast

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_protocol import RequestHandler

from bot.web import feeds_out, ops, pages
from bot.web.context import DEPS, HERE, NOT_FOUND, WebDeps

log = logging.getLogger(__name__)
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")
OTHER_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
MAX_BODY = 16 * 1024  # bytes: no route reads a body; a request carrying more is refused
BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n"
        b"Retry-After: 5\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n"
        b"Content-Security-Policy: " + OTHER_CSP.encode() + b"\r\nConnection: close\r\n\r\nbusy\n")


class RouteAccessLogger(AbstractAccessLogger):
    """One line per request with the route's name instead of its path (paths carry tokens)."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        route = request.match_info.route.name if isinstance(request, web.Request) else None
        self.logger.info("%s %s %s %.1f ms", request.method, route or "-", response.status, time * 1000)

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.INFO)


def security_headers(response: web.StreamResponse) -> None:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("X-Robots-Tag", "noindex, nofollow")
    headers.setdefault("X-Frame-Options", "DENY")
    html = (response.content_type or headers.get("Content-Type", "")).startswith("text/html")
    headers.setdefault("Content-Security-Policy", PAGE_CSP if html else OTHER_CSP)


async def _on_prepare(request: web.BaseRequest, response: web.StreamResponse) -> None:
    security_headers(response)


@web.middleware
async def headers_and_metrics(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                              ) -> web.StreamResponse:
    if (request.content_length or 0) > MAX_BODY or "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        response: web.StreamResponse = web.Response(status=413, text="413: a request body is not accepted here\n")
        response.force_close()  # the body is never read: the connection ends with this answer
    else:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if exc.status in {404, 405}:
                response = web.Response(status=exc.status,
                                        text=NOT_FOUND if exc.status == 404 else "405: not allowed\n")
            else:
                raise
    security_headers(response)
    route = request.match_info.route.name or "other"
    request.app[DEPS].metrics.web_requests.labels(route, str(response.status)).inc()
    return response


def build_app(deps: WebDeps) -> web.Application:
    app = web.Application(middlewares=[headers_and_metrics], client_max_size=MAX_BODY)
    app.on_response_prepare.append(_on_prepare)  # also the answers aiohttp makes itself (400, 500)
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


class GuardedHandler(RequestHandler):
    """aiohttp's connection handler with a deadline on each request's head and a cap on how many
    connections are open (aiohttp has neither: its keep-alive timer does not stop a client that keeps
    sending a byte at a time)."""

    _head_timer: asyncio.TimerHandle | None = None

    @property
    def head_timeout(self) -> float:
        return self._guard.head_timeout

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._guard = cast(GuardedServer, self._manager)
        if len(self._guard.connections) >= self._guard.max_connections:
            writer = transport if isinstance(transport, asyncio.WriteTransport) else None
            if writer is not None:
                writer.write(BUSY)
            transport.close()
            self._manager = None  # never registered: connection_lost has nothing to undo
            return
        super().connection_made(transport)
        self._arm()

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self._loop.call_later(self.head_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _too_slow(self) -> None:
        self._head_timer = None
        if self._current_request is None and not self._messages:  # no request read whole, none being answered
            self.force_close()

    def data_received(self, data: bytes) -> None:
        if self._head_timer is None and self._payload_parser is None and self._current_request is None:
            self._arm()  # the first byte of the next request's head
        before = self._request_count
        super().data_received(data)
        if self._request_count != before:
            self._disarm()

    def connection_lost(self, exc: BaseException | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def handle_error(self, request: web.BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        """aiohttp's own answers (a malformed request, a handler's crash) reach no signal: headers here."""
        response = super().handle_error(request, status, exc, message)
        security_headers(response)
        return response

    def _process_keepalive(self) -> None:
        super()._process_keepalive()
        if self.transport is not None and self._current_request is None and not self._messages:
            self._arm()  # idle after an answer: the next head has the same deadline


class GuardedRunner(web.AppRunner):
    def __init__(self, app: web.Application, head_timeout: float, max_connections: int, **kwargs: Any) -> None:
        super().__init__(app, keepalive_timeout=head_timeout, **kwargs)
        self.head_timeout = head_timeout
        self.max_connections = max_connections

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        server.__class__ = GuardedServer  # aiohttp builds its Server itself; ours only makes other handlers
        guarded = cast(GuardedServer, server)
        guarded.head_timeout, guarded.max_connections = self.head_timeout, self.max_connections
        return server


class GuardedServer(web.Server):
    head_timeout: float = 10.0
    max_connections: int = 200

    def __call__(self) -> RequestHandler:
        return GuardedHandler(self, loop=self._loop, **self._kwargs)


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
        self.runner = GuardedRunner(build_app(self.deps), web_settings.request_timeout, web_settings.max_connections,
                                    access_log_class=RouteAccessLogger, shutdown_timeout=5.0, handle_signals=False)
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
