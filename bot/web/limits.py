"""A token bucket per key (a feed or page token): ``rate`` requests a minute, in bursts of up to
``rate``. In memory: it resets with the process, which errs on the subscriber's side."""

from __future__ import annotations

from collections.abc import Callable


class Buckets:
    def __init__(self, per_minute: int, clock: Callable[[], float], max_keys: int = 50_000) -> None:
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0  # tokens a second
        self.clock = clock
        self.max_keys = max_keys
        self._state: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)

    def take(self, key: str) -> float:
        """0 when the request may go; else the seconds until it may."""
        now = self.clock()
        tokens, at = self._state.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - at) * self.refill)
        if tokens >= 1.0:
            if len(self._state) >= self.max_keys and key not in self._state:
                self._state.clear()  # bounded memory: forget everyone rather than grow
            self._state[key] = (tokens - 1.0, now)
            return 0.0
        self._state[key] = (tokens, now)
        return (1.0 - tokens) / self.refill
