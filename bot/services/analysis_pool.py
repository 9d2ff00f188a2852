"""The bot's analyses run in worker processes, never on its event loop.

Why processes and not threads: a thread cannot be stopped. The core checks its own time budget
between the steps that can take long (``Budget``), but a check cannot interrupt one call that
turns out slower than its input suggests (a stdlib parser, a regular expression), and while a
thread runs Python the GIL shares the core with the event loop. A worker process can be killed.

How it works: ``workers`` long-lived processes, forked from a ``forkserver`` that imported the
analysis code once, so they start in milliseconds and share its pages. Each takes one request at a
time over a pipe — ``prepare(data, limits)`` or ``judge(prepared, facts, now, listings)``, pickled (a 10 MB
mail's prepared form pickles in ~13 ms) — and answers with the result, a bug's traceback, and its
own memory size. A request that has not answered ``grace`` seconds after the mail's time limit
(``Limits.max_seconds``, which the core keeps by itself in the normal case) kills its worker; a
new one takes its place, and the mail is read once more with its first 64 KiB only, so the member
still gets a verdict with ``time_limit`` among the problems. A worker whose memory grew past
``max_rss`` after a large mail is replaced. The blocking pipe calls run in a small thread pool of
their own (they only wait: the work is in the other process).

Memory (bench/bot.py): an idle worker is ~25 MB of resident memory, most of it shared with the
fork server; the bot's idle total, workers included, is in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import multiprocessing
import os
import pickle
import signal
import time
import traceback
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from multiprocessing.connection import Connection
from typing import Any

from bot.analysis.facts import Prepared
from bot.analysis.models import Analysis, DomainFact, Limits, Listing, Problem
from bot.services.analyse_mail import AnalysisFailed, input_tag, log_bug, new_ref

log = logging.getLogger(__name__)
RETRY_BYTES = 64 * 1024  # what a mail that ran out of time is read again with
_PRELOAD = ["bot.analysis.pipeline", "bot.analysis.outlook", "bot.services.analysis_pool"]


def _rss() -> int:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def worker_main(conn: Connection, initializer: Callable[[], None] | None) -> None:
    """A worker: answers requests until its pipe closes. Runs in the child process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the bot decides when its workers stop
    if initializer is not None:
        initializer()
    from bot.analysis.pipeline import analyse, judge, prepare

    analyse(b"From: warm@example.com\nSubject: warm\n\nhttps://example.com/")  # load the catalogue and lists
    while True:
        try:
            raw = conn.recv_bytes()
        except (EOFError, OSError):
            return
        request = pickle.loads(raw)  # noqa: S301 - from the parent process over our own pipe
        kind = request[0]
        try:
            if kind == "prepare":
                result: tuple[Any, ...] = ("ok", prepare(request[1], request[2], time.monotonic))
            elif kind == "judge":
                result = ("ok", judge(request[1], request[2], request[3], request[4]))
            else:
                result = ("ok", None)
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which logs it with a reference
            result = ("bug", type(exc).__name__, traceback.format_exc())
        try:
            conn.send_bytes(pickle.dumps((*result, _rss()), protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.jobs = 0

    def exchange(self, payload: bytes) -> tuple[Any, ...]:
        """Blocking: send one request, wait for its answer (runs in the pool's threads)."""
        self.conn.send_bytes(payload)
        reply: tuple[Any, ...] = pickle.loads(self.conn.recv_bytes())  # noqa: S301 - our own worker
        return reply

    def kill(self) -> None:
        """SIGKILL; the pipe stays open until ``stop`` (a thread may still be reading it: it
        gets EOF now)."""
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.process.kill()

    def stop(self, timeout: float, kill: bool = False) -> None:
        if kill:
            self.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.close()  # the worker reads EOF and returns
        self.process.join(timeout)
        if self.process.is_alive():
            self.kill()
            self.process.join(1.0)
        with contextlib.suppress(OSError):
            self.conn.close()


class ProcessAnalyser:
    """The ``Analyser`` of the bot: a pool of worker processes."""

    def __init__(
        self, workers: int = 2, *, grace: float = 2.0, max_rss: int = 250 * 1024 * 1024,
        initializer: Callable[[], None] | None = None, judge_seconds: float = 5.0,
    ) -> None:
        self.size = max(1, workers)
        self.grace = grace
        self.max_rss = max_rss
        self.judge_seconds = judge_seconds
        self.initializer = initializer
        self._ctx = multiprocessing.get_context("forkserver")
        self._threads = ThreadPoolExecutor(max_workers=self.size + 1, thread_name_prefix="analysis-pipe")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Future[None]] = set()
        self._closed = False
        self.busy = 0  # requests being answered now (for tests and /metrics)
        self.killed = 0  # workers stopped past their time

    # --- workers ---------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        ours, theirs = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=worker_main, args=(theirs, self.initializer), name="phishbot-analysis",
                                    daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        """Start the fork server and the workers (off the event loop: the fork server's first
        start imports the analysis code, ~0.3 s)."""
        self._ctx.set_forkserver_preload(_PRELOAD)
        loop = asyncio.get_running_loop()
        for _ in range(self.size):
            self._idle.put_nowait(await loop.run_in_executor(self._threads, self._spawn))

    async def _replace_now(self, worker: _Worker, kill: bool) -> None:
        self._all.discard(worker)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._threads, worker.stop, 1.0, kill)
        if self._closed:
            return
        fresh = await loop.run_in_executor(self._threads, self._spawn)
        if self.closed:  # closed while the new worker started
            await loop.run_in_executor(self._threads, fresh.stop, 1.0, True)
            return
        self._idle.put_nowait(fresh)

    @property
    def closed(self) -> bool:
        return self._closed

    def _replace(self, worker: _Worker, kill: bool = False) -> None:
        """Retire ``worker`` (killed, dead, or grown too large) and start another, in the background."""
        task = asyncio.ensure_future(self._replace_now(worker, kill))
        self._tasks.add(task)
        task.add_done_callback(self._replaced)

    def _replaced(self, task: asyncio.Future[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("could not start an analysis worker", exc_info=task.exception())

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._all if w.process.pid is not None]

    async def close(self) -> None:
        """Stop every worker (after the bot's drain: whatever still runs is abandoned)."""
        self._closed = True
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        loop = asyncio.get_running_loop()
        workers = list(self._all)
        self._all.clear()
        await asyncio.gather(*(loop.run_in_executor(self._threads, w.stop, 2.0, True) for w in workers))
        self._threads.shutdown(wait=False, cancel_futures=True)

    # --- requests --------------------------------------------------------------------------

    async def _call(self, request: tuple[Any, ...], seconds: float, tag: str) -> Any:
        if self._closed:
            raise RuntimeError("the analysis workers are closed")
        payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        worker = await self._idle.get()
        loop = asyncio.get_running_loop()
        self.busy += 1
        try:
            reply = await asyncio.wait_for(loop.run_in_executor(self._threads, worker.exchange, payload), seconds)
        except TimeoutError:
            self.killed += 1
            worker.kill()
            self._replace(worker, kill=True)
            return AnalysisFailed("time_limit", f"{seconds:g}", new_ref())
        except asyncio.CancelledError:
            self._replace(worker, kill=True)  # it may be half-way through a request: never reuse it
            raise
        except (EOFError, OSError) as exc:  # the worker died under the request (killed, out of memory)
            self._replace(worker, kill=True)
            return AnalysisFailed("analysis_error", "WorkerDied", log_bug(exc, "the worker died", tag))
        finally:
            self.busy -= 1
        rss = reply[-1]
        worker.jobs += 1
        if rss > self.max_rss:
            self._replace(worker)
        else:
            self._idle.put_nowait(worker)
        if reply[0] == "bug":
            return AnalysisFailed("analysis_error", reply[1], log_bug(None, reply[1], tag, reply[2]))
        return reply[1]

    async def prepare(self, data: bytes, limits: Limits) -> Prepared | AnalysisFailed:
        tag = input_tag(data)
        seconds = limits.max_seconds + self.grace
        result = await self._call(("prepare", data, limits), seconds, tag)
        if not (isinstance(result, AnalysisFailed) and result.code == "time_limit"):
            return result  # type: ignore[no-any-return]
        log.warning("analysis stopped [%s] past %s s on %s: read again from its first %d bytes", result.ref,
                    result.reason, tag, RETRY_BYTES)
        retry: Prepared | AnalysisFailed = await self._call(
            ("prepare", data[:RETRY_BYTES], replace(limits, max_input_bytes=RETRY_BYTES)), seconds, tag)
        if isinstance(retry, AnalysisFailed):
            return AnalysisFailed("analysis_stopped", result.reason, result.ref)
        kept = tuple(p for p in retry.problems if p.code not in ("time_limit", "input_limit"))
        cut = Problem("input_limit", (("limit", str(RETRY_BYTES)), ("size", str(len(data)))))
        # the whole input's hash: the same mail pasted again is the same report
        return replace(retry, problems=(Problem("time_limit"), cut, *kept), input_sha256=hashlib.sha256(data).hexdigest())

    async def judge(
        self, prepared: Prepared, facts: Mapping[str, DomainFact], now: datetime, limits: Limits,
        listings: Mapping[str, tuple[Listing, ...]] | None = None,
    ) -> Analysis | AnalysisFailed:
        seconds = max(self.judge_seconds, limits.max_seconds + self.grace)
        result = await self._call(("judge", prepared, dict(facts), now, dict(listings or {})), seconds,
                                  "sha256:" + prepared.input_sha256[:16])
        if isinstance(result, AnalysisFailed) and result.code == "time_limit":
            return AnalysisFailed("analysis_stopped", result.reason, result.ref)
        return result  # type: ignore[no-any-return]
