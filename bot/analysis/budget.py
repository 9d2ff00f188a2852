"""One mail's allowance of time and of decompressed bytes, shared by all its parts and attachments.

Sizes alone do not bound the work: 450 small PDFs whose Flate streams each inflate to 5 MB, or
a parser that turns out slower than its input suggests, must not hold the analysis (and the
member waiting for it) for long. Every stage that can take long asks the same ``Budget``; past
it, the stage stops reading more, the report says so (``time_limit``, ``inflate_limit``) and the
rules judge what was read.

The core reads no clock: the caller passes one (a callable returning seconds, such as
``time.monotonic``), or none for no time limit (tests, deterministic runs).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.analysis.models import Limits

Clock = Callable[[], float]


class Budget:
    """Mutable, and private to one analysis (never shared between mails or threads)."""

    __slots__ = ("_clock", "_deadline", "inflate_left", "inflate_spent_out", "timed_out")

    def __init__(self, limits: Limits, clock: Clock | None = None) -> None:
        self._clock = clock
        seconds = limits.max_seconds
        self._deadline = clock() + seconds if clock is not None and seconds > 0 else None
        self.inflate_left = limits.max_inflated_bytes
        self.timed_out = False
        self.inflate_spent_out = False

    def out_of_time(self) -> bool:
        """True once the mail's time is up (and from then on)."""
        if not self.timed_out and self._deadline is not None and self._clock is not None:
            self.timed_out = self._clock() > self._deadline
        return self.timed_out

    def inflate_room(self, wanted: int) -> int:
        """How many decompressed bytes the next stream may produce (at most ``wanted``)."""
        room = min(wanted, self.inflate_left)
        if room <= 0:
            self.inflate_spent_out = True
        return max(room, 0)

    def spend_inflated(self, produced: int, capped: bool) -> None:
        """Count what a stream produced; ``capped`` when it stopped at the room it was given."""
        self.inflate_left -= produced
        if capped and self.inflate_left <= 0:
            self.inflate_spent_out = True


def unlimited() -> Budget:
    return Budget(Limits(max_seconds=0))
