"""Test seams for the analysis workers (``ProcessAnalyser(initializer=…)``): installed in each
worker process at its start, they make the core's ``prepare`` slow (asleep, or holding the GIL in a
backtracking regular expression), or fail like a bug, for inputs
that carry a marker header — so a test can hold a worker as long as it likes, or watch a bug's
traceback reach the log, without touching the bot's own code."""

from __future__ import annotations

import re
import time
from typing import Any

SLOW = b"X-Test-Slow-Seconds: "
BUG = b"X-Test-Bug: "
BACKTRACK = b"X-Test-Backtrack: "  # a regular expression that backtracks 2^n steps in one C call


def _marker_value(data: bytes, marker: bytes) -> bytes | None:
    at = data.find(marker)
    if at < 0:
        return None
    end = data.find(b"\n", at)
    return data[at + len(marker) : end if end >= 0 else len(data)].strip()


def install() -> None:
    import bot.analysis.pipeline as pipeline

    real = pipeline.prepare

    def prepare(data: bytes, *args: Any, **kwargs: Any) -> Any:
        seconds = _marker_value(data, SLOW)
        if seconds is not None:
            time.sleep(float(seconds))  # one blocking call: the core's own time checks cannot stop it
        steps = _marker_value(data, BACKTRACK)
        if steps is not None:  # holds the GIL all along: in a thread, it would stall the event loop too
            re.fullmatch(r"(x+x+)+y", "x" * int(steps))
        if _marker_value(data, BUG) is not None:
            raise TypeError("a bug of ours, on purpose")
        return real(data, *args, **kwargs)

    pipeline.prepare = prepare
