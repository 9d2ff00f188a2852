"""Robustness: what ``analyse()`` does with hostile inputs, and at what cost.

Two sets, both from ``bench/hostile_inputs.py``:

- the single inputs (1,000-deep multipart nesting, 5,000 parts, a 10 MB single line, 100,000
  header lines, 1 MiB of random bytes, an empty input, a truncated Outlook .msg, a 400 KB URL,
  deeply nested HTML);
- the families of issue 10, each one class of attack at generated sizes hiding an obvious phish:
  quadratic header parameters, RFC 2231 storms, huge header fields (folded and on one line),
  nested comments in From/To/Reply-To, NUL padding, UTF-16 text, attachments that inflate
  (450 Flate PDFs), links inside link paths, terminal escapes in the Subject, lines of links.

Each input is analysed once in this process, as the bot's workers and the CLI do it: with the
per-mail time limit on (``clock=time.monotonic``, ``Limits.max_seconds``). For each: wall time,
verdict, readable, problem codes, and the process's peak resident memory so far (``ru_maxrss``).
A family row also says whether it kept the phish's verdict and reported the problem it must.

Pass (exit 0) when every input is answered (no exception, no hang past ``--timeout``), none takes
more than ``--max-seconds`` (5), every family row keeps its verdict and names its problem, and
the peak RSS stays under ``--max-rss-mb`` (300). ``--markdown`` prints the table for
docs/BENCHMARKS.md.

    python bench/hostile.py [--only NAME ...] [--markdown]
    python bench/hostile.py --network [--only NAME ...] [--markdown]   # feeds, registries, web server
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

from _stats import peak_rss_mb
from hostile_inputs import PHISH, family_inputs, hostile_inputs

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):  # noqa: ARG001
    raise _Timeout()


def _codes(problems) -> str:
    counts = Counter(p.code for p in problems)
    return ", ".join(f"{code}×{n}" if n > 1 else code for code, n in counts.items()) or "–"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.2f} MiB"
    if n >= 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n} B"


def _peak_rss_mb() -> float:
    return peak_rss_mb()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--timeout", type=float, default=60.0, help="interrupt one analysis after this many seconds")
    ap.add_argument("--max-seconds", type=float, default=5.0, help="an input slower than this fails the run")
    ap.add_argument("--max-rss-mb", type=float, default=300.0, help="a peak RSS above this fails the run")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only inputs whose name starts with one of these")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--network", action="store_true",
                    help="the network-facing families instead (bench/hostile_network.py: feeds, registries, web)")
    args = ap.parse_args(argv)
    if args.network:
        return _network(args)

    from bot.analysis.models import Limits
    from bot.analysis.pipeline import analyse

    t0 = time.perf_counter()
    singles = hostile_inputs()
    families = family_inputs()
    inputs: dict[str, tuple[bytes, str | None, bool | None]] = {k: (v, None, None) for k, v in singles.items()}
    inputs.update({k: (v[0], v[1], v[2]) for k, v in families.items()})
    if args.only:
        inputs = {k: v for k, v in inputs.items() if k.startswith(tuple(args.only))}
    print(f"built {len(inputs)} inputs in {time.perf_counter() - t0:.1f} s; peak RSS so far {_peak_rss_mb():.0f} MiB",
          file=sys.stderr)

    limits = Limits()
    analyse(b"From: a@example.com\r\nSubject: warm\r\n\r\nhello\r\n")  # imports and lazy data, not charged
    phish_verdict = analyse(PHISH).verdict
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _on_alarm)

    rows = []
    failures = []
    slowest = 0.0
    for name, (data, problem, keeps_verdict) in inputs.items():
        status = "ok"
        report = None
        start = time.perf_counter()
        try:
            if hasattr(signal, "SIGALRM"):
                signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                report = analyse(data, limits=limits, clock=time.monotonic)
            finally:
                if hasattr(signal, "SIGALRM"):
                    signal.setitimer(signal.ITIMER_REAL, 0)
        except _Timeout:
            status = f"TIMEOUT>{args.timeout:g}s"
            failures.append((name, status, ""))
        except Exception as exc:  # noqa: BLE001 - the point of the bench: report it
            status = f"CRASH {type(exc).__name__}"
            failures.append((name, status, traceback.format_exc()))
        elapsed = time.perf_counter() - start
        slowest = max(slowest, elapsed)
        if report is not None:
            codes = {p.code for p in report.problems}
            if elapsed > args.max_seconds:
                status = f"SLOW>{args.max_seconds:g}s"
            elif problem is not None and problem not in codes:
                status = f"MISSING {problem}"
            elif keeps_verdict and report.verdict != phish_verdict:
                status = f"VERDICT {report.verdict}"
            if status != "ok":
                failures.append((name, status, ""))
        rows.append((
            name, _size(len(data)), f"{elapsed:.3f}", report.verdict if report else "–",
            ("yes" if report.readable else "no") if report else "–", _codes(report.problems) if report else "–",
            f"{_peak_rss_mb():.0f}", status,
        ))
        print(f"  {name}: {elapsed:.3f} s {status}", file=sys.stderr, flush=True)

    headers = ("input", "size", "seconds", "verdict", "readable", "problems", "peak RSS MiB", "status")
    if args.markdown:
        print("| " + " | ".join(headers) + " |")
        print("|" + "|".join("---:" if h in ("size", "seconds", "peak RSS MiB") else "---" for h in headers) + "|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
        print("  ".join("-" * w for w in widths))
        for r in rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))

    peak = _peak_rss_mb()
    if peak > args.max_rss_mb:
        failures.append(("(process)", f"RSS {peak:.0f} MiB > {args.max_rss_mb:g}", ""))
    for name, status, tb in failures:
        print(f"FAIL {name}: {status}")
        if tb:
            print(tb.rstrip())
    print(f"summary: {len(rows)} inputs ({len(families)} in families), {len(failures)} failing; slowest {slowest:.3f} s "
          f"(limit {args.max_seconds:g} s); peak RSS {peak:.0f} MiB (limit {args.max_rss_mb:g})")
    return 1 if failures else 0


def _network(args: argparse.Namespace) -> int:
    from hostile_network import run

    rows, failures = run(args.max_seconds, args.only)
    headers = ("family", "seconds", "outcome", "peak RSS MiB", "status")
    if args.markdown:
        print("| " + " | ".join(headers) + " |")
        print("|---|---:|---|---:|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |" if args.markdown else "  ".join(r))
    peak = _peak_rss_mb()
    if peak > args.max_rss_mb:
        failures.append(f"(process): RSS {peak:.0f} MiB > {args.max_rss_mb:g}")
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"summary: {len(rows)} network inputs, {len(failures)} failing; peak RSS {peak:.0f} MiB "
          f"(limit {args.max_rss_mb:g})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
