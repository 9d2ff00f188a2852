"""The one percentile the benchmarks report: nearest rank (the smallest value with at least
``q`` of the values at or below it)."""

from __future__ import annotations

import math


def percentile(values: list[float], q: float) -> float:
    """``q`` in 0..1; ``values`` need not be sorted."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]
