"""Two commands timed as whole processes, in turn (A B A B …), their ratio taken pair by pair.

    python bench/paired.py -n 5 "phishbot analyze --json --no-lookups ../shared/corpus-dev" \
        "env PYTHONPATH=/tmp/main phishbot analyze --json --no-lookups ../shared/corpus-dev"

Each command runs through ``sh -c`` with its output thrown away (``>/dev/null 2>&1``); one untimed
run of each comes first (page cache, .pyc). A run's CPU time is user + system of the finished child
and all it waited for, as the kernel counts it (``os.wait4``); wall time is a monotonic clock around
it. On a shared machine single figures move by ±20 % with the neighbours' load: running the two in
turn and taking A/B per pair keeps the ratio meaningful while the machine's speed drifts. Printed:
every pair, then the median ratio (CPU and wall) with its spread, and each command's median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def run(command: str) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run."""
    started = time.perf_counter()
    child = subprocess.Popen(["sh", "-c", f"{command} >/dev/null 2>&1"])
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", help="command A (the one measured)")
    parser.add_argument("b", help="command B (the yardstick: main, or the bare parse)")
    parser.add_argument("-n", type=int, default=5, help="pairs (default 5)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("-n must be ≥ 1")
    run(args.a)
    run(args.b)
    cpu_a: list[float] = []
    cpu_b: list[float] = []
    wall_a: list[float] = []
    wall_b: list[float] = []
    for i in range(args.n):
        ca, wa = run(args.a)
        cb, wb = run(args.b)
        cpu_a.append(ca)
        cpu_b.append(cb)
        wall_a.append(wa)
        wall_b.append(wb)
        print(
            f"pair {i + 1}: A {ca:.2f} s CPU ({wa:.2f} s wall)  B {cb:.2f} s CPU ({wb:.2f} s wall)  "
            f"A/B {ca / cb:.3f} CPU, {wa / wb:.3f} wall",
            flush=True,
        )
    cpu = [a / b for a, b in zip(cpu_a, cpu_b, strict=True)]
    wall = [a / b for a, b in zip(wall_a, wall_b, strict=True)]
    print(
        f"median A/B: {statistics.median(cpu):.3f} CPU (min {min(cpu):.3f}, max {max(cpu):.3f}), "
        f"{statistics.median(wall):.3f} wall (min {min(wall):.3f}, max {max(wall):.3f})"
    )
    print(
        f"median CPU: A {statistics.median(cpu_a):.2f} s, B {statistics.median(cpu_b):.2f} s; "
        f"median wall: A {statistics.median(wall_a):.2f} s, B {statistics.median(wall_b):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
