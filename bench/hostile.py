"""Robustness timing: how long ``analyse()`` takes on hostile inputs, and what it says about them.

Measures, for each input of ``bench/hostile_inputs.py`` (1,000-deep multipart nesting, 5,000
parts, a 10 MB single line, 100,000 header lines, 1 MiB of seeded random bytes, an empty input,
a truncated Outlook .msg, ``http://`` + 200,000 ``a.``), ONE in-process run of
``bot.analysis.pipeline.analyse(data)``: wall time (``time.perf_counter``), verdict, whether the
input was readable, and the problem codes the report carries (``report.problems``).

A crash (exception out of ``analyse``, which must never raise) is printed with its traceback.
A run longer than ``--timeout`` seconds is interrupted with SIGALRM where the platform has it
(an interruption only lands between Python bytecodes, so a hang inside C code shows up late);
anything over 10 s is flagged SLOW. Exit status: 0 when every input was analysed without a
crash or timeout, 1 otherwise.

    python bench/hostile.py [--timeout S] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_inputs import hostile_inputs

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

SLOW_S = 10.0


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):  # noqa: ARG001
    raise _Timeout()


def _codes(problems) -> str:
    counts = Counter(p.code for p in problems)
    return ", ".join(f"{code}×{n}" if n > 1 else code for code, n in counts.items()) or "-"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.2f} MiB"
    if n >= 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n} B"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="interrupt one analysis after this many seconds (0: never; default 60)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these inputs")
    args = ap.parse_args(argv)

    from bot.analysis.pipeline import analyse

    t0 = time.perf_counter()
    inputs = hostile_inputs()
    build_s = time.perf_counter() - t0
    if "truncated_msg" not in inputs:
        print("note: truncated_msg left out (the Outlook .msg source file is missing)")
    if args.only:
        unknown = set(args.only) - set(inputs)
        if unknown:
            ap.error(f"unknown input(s): {', '.join(sorted(unknown))}; known: {', '.join(inputs)}")
        inputs = {k: v for k, v in inputs.items() if k in args.only}
    print(f"built {len(inputs)} inputs in {build_s:.2f} s")

    # warm imports and lazy data (brands, lists) on a trivial mail so the first input is not charged for them
    analyse(b"From: a@example.com\r\nSubject: warm\r\n\r\nhello\r\n")

    use_alarm = args.timeout > 0 and hasattr(signal, "SIGALRM")
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)

    rows = []
    failures = []
    for name, data in inputs.items():
        status = "ok"
        report = None
        start = time.perf_counter()
        try:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                report = analyse(data)
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
        except _Timeout:
            status = f"TIMEOUT>{args.timeout:g}s"
            failures.append((name, status, ""))
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            status = f"CRASH {type(exc).__name__}"
            failures.append((name, status, traceback.format_exc()))
        elapsed = time.perf_counter() - start
        if status == "ok" and elapsed > SLOW_S:
            status = "SLOW"
        rows.append((
            name,
            _size(len(data)),
            f"{elapsed:.3f}",
            report.verdict if report else "-",
            str(report.readable) if report else "-",
            _codes(report.problems) if report else "-",
            status,
        ))
        print(f"  done {name}: {elapsed:.3f} s {status}", file=sys.stderr, flush=True)

    headers = ("input", "size", "seconds", "verdict", "readable", "problems", "status")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))

    if failures:
        print()
        print(f"{len(failures)} FAILURE(S):")
        for name, status, tb in failures:
            print(f"--- {name}: {status}")
            if tb:
                print(tb.rstrip())
    slow = [r[0] for r in rows if r[6] == "SLOW"]
    print()
    print(f"summary: {len(rows)} inputs, {len(failures)} crash/timeout, {len(slow)} over {SLOW_S:g} s"
          + (f" ({', '.join(slow)})" if slow else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
