"""The one percentile the benchmarks report: nearest rank (the smallest value with at least
``q`` of the values at or below it)."""

from __future__ import annotations

import math


def percentile(values: list[float], q: float) -> float:
    """``q`` in 0..1; ``values`` need not be sorted."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB: ``VmHWM`` from ``/proc/self/status`` (the peak of
    this address space, which starts anew at ``exec``), else ``ru_maxrss``. Linux keeps
    ``ru_maxrss`` across ``fork`` + ``exec``: a bench started by a big process (a pytest worker that
    has run hundreds of tests) would report its parent's peak as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
