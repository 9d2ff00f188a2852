"""A sliding-window rate limit in memory: the bot's analyses per member (default 5 a minute; the CLI
has none) and link watch's warnings per channel. A member who hits it is told once per window,
politely, when to try again; further pastes are ignored quietly so that twenty pastes do not become
twenty warnings."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: float  # seconds until the next analysis is allowed (0 when allowed)
    warn: bool  # the first refusal in this window: say so


class RateLimiter:
    def __init__(self, per_window: int, window: float, clock: Callable[[], float]) -> None:
        self.per_window = per_window
        self.window = window
        self.clock = clock
        self._hits: dict[object, deque[float]] = {}
        self._warned: dict[object, float] = {}
        self._next_prune = 0.0

    def hit(self, key: object) -> Verdict:
        now = self.clock()
        if now >= self._next_prune:  # members whose window has passed are forgotten: memory stays bounded
            self._prune(now)
            self._next_prune = now + self.window
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        if len(hits) < self.per_window:
            hits.append(now)
            self._warned.pop(key, None)
            return Verdict(True, 0.0, False)
        retry = self.window - (now - hits[0])
        warned_at = self._warned.get(key)
        warn = warned_at is None or now - warned_at >= self.window
        if warn:
            self._warned[key] = now
        return Verdict(False, max(retry, 0.0), warn)

    def _prune(self, now: float) -> None:
        for k in [k for k, v in self._hits.items() if not v or now - v[-1] >= self.window]:
            del self._hits[k]
            self._warned.pop(k, None)

    def __len__(self) -> int:
        return len(self._hits)
