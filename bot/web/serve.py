"""``phishbot serve``: the web server without Discord — health, metrics, blocklist feeds, campaign
pages — with the threat-feed schedule, over the same database as the bot (another process, or a
deployment that has no bot at all). Ready as soon as it listens; SIGTERM or Ctrl-C stops it cleanly.

Exit status: 0 after a clean stop, 1 when the database cannot be used or the port is taken.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Callable

from bot.i18n import t
from bot.services.errors import StoreError
from bot.settings import AppSettings
from bot.web.app import ListenError

log = logging.getLogger(__name__)
# the web server with what it serves, opened for ``ready`` (False once a stop has begun): yields its port
OpenServer = Callable[[Callable[[], bool]], contextlib.AbstractAsyncContextManager[int]]


def serve(settings: AppSettings, lang: str, open_server: OpenServer) -> int:
    """``open_server``: the composition root's (``bot.wiring.web_server``)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().handlers[:] = [handler]
    logging.getLogger().setLevel(logging.INFO)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        async with open_server(lambda: not stop.is_set()) as port:
            print(t(lang, "serve", "listening", host=settings.web.host, port=port, url=settings.web.base_url),
                  file=sys.stderr, flush=True)
            await stop.wait()
        log.info("stopped cleanly")

    try:
        asyncio.run(main())
    except StoreError as exc:
        print(f"phishbot: {t(lang, 'store', exc.code, **exc.params)}", file=sys.stderr)
        return 1
    except ListenError as exc:
        print(f"phishbot: {t(lang, 'serve', 'cannot_listen', host=exc.host, port=exc.port, error=exc.reason)}",
              file=sys.stderr)
        return 1
    except OSError as exc:  # the database's folder cannot be made or written
        print(f"phishbot: {t(lang, 'store', 'db_error', path=settings.db_shown)} ({exc.strerror or type(exc).__name__})",
              file=sys.stderr)
        return 1
    return 0
