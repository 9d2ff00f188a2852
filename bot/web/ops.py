"""Health, readiness and metrics: what a container runtime and Prometheus ask."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from bot.metrics import CONTENT_TYPE
from bot.web.context import DEPS

log = logging.getLogger(__name__)
HEALTH_TIMEOUT = 2.0


async def healthz(request: web.Request) -> web.Response:
    """200 while the process is up and the database answers."""
    deps = request.app[DEPS]
    try:
        healthy = await asyncio.wait_for(deps.healthy(), HEALTH_TIMEOUT)
    except Exception:
        log.warning("health check: the database did not answer", exc_info=True)
        healthy = False
    if healthy:
        return web.Response(text="ok\n", headers={"Cache-Control": "no-store"})
    return web.Response(status=503, text="database unavailable\n", headers={"Cache-Control": "no-store"})


async def readyz(request: web.Request) -> web.Response:
    """200 while connected to Discord (or serving without it: ``phishbot serve``). A bot in shards
    adds a line naming its shards and each one's state — ``shards of 8: 0=up 1=down`` — so that
    ``phishbot health --shards`` can tell it asked the process it meant."""
    deps = request.app[DEPS]
    ok = deps.ready()
    text = "ready\n" if ok else "not ready\n"
    if deps.shards is not None:
        count, states = deps.shards()
        text += f"shards of {count}:" + "".join(f" {i}={'up' if up else 'down'}" for i, up in sorted(states.items())) + "\n"
    return web.Response(status=200 if ok else 503, text=text, headers={"Cache-Control": "no-store"})


async def metrics(request: web.Request) -> web.Response:
    body = request.app[DEPS].metrics.exposition()
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE, "Cache-Control": "no-store"})


async def root(request: web.Request) -> web.Response:
    return web.Response(text="phishbot\n", headers={"Cache-Control": "no-store"})
