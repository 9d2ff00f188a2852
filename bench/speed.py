"""Offline analysis speed against a bare stdlib parse (SPEC §9), measured in one run on the same files.

Target (SPEC §9): offline analysis of a corpus takes ≤ 1.5× the time of a bare
``email.message_from_bytes(data, policy=email.policy.default)`` + walk of the same bytes, both
inside one process and as whole processes (start-up included); no message over 250 ms.

Files: every regular file under DIR (recursively) whose suffix is one of .eml .msg .txt .mail
.mbox .html .htm or none, not starting with a dot (the selection of ``phishbot analyze DIR``).

(a) In-process. All bytes are read first. Baseline per file: ``message_from_bytes`` (policy
    default), then ``msg.walk()`` calling ``part.get_content()`` on every text/* part (errors
    caught). Analysis per file: ``bot.analysis.pipeline.analyse(data)`` (the core never does
    lookups). Both are warmed up once on every file, then each file is timed individually with
    ``time.perf_counter``, --repeat times each (baseline and analysis alternating), keeping the
    minimum per file. Printed: totals, the ratio analysis/baseline, per-message medians, the
    worst message of each. Memory: a separate pass over the analysis only under ``tracemalloc``
    (peak MiB, overall and the worst single message), and ``ru_maxrss`` of this process at the end.

(b) Whole processes. Best of --repeat wall times (after one untimed warm-up run each) of
    ``phishbot analyze --json --no-lookups DIR`` (the ``phishbot`` script next to
    ``sys.executable``; stdout to /dev/null) against ``sys.executable -c <bare parse+walk+decode
    of every file under DIR, same selection>``. Start-up is included in both.

The final summary gives PASS/MISS for each target. Numbers are reported as measured.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

MAIL_SUFFIXES = {".eml", ".msg", ".txt", ".mail", ".mbox", ".html", ".htm", ""}
TARGET_RATIO = 1.5
TARGET_MAX_MS = 250.0

BARE_SCRIPT = r"""
import email, email.policy, sys
from pathlib import Path

S = {".eml", ".msg", ".txt", ".mail", ".mbox", ".html", ".htm", ""}
for root in sys.argv[1:]:
    for p in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        if p.suffix.lower() not in S or p.name.startswith("."):
            continue
        msg = email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                try:
                    part.get_content()
                except Exception:
                    pass
"""


def select_files(root: Path) -> list[Path]:
    return [
        p for p in sorted(p for p in root.rglob("*") if p.is_file())
        if p.suffix.lower() in MAIL_SUFFIXES and not p.name.startswith(".")
    ]


def bare_parse(data: bytes) -> None:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            try:  # noqa: SIM105 - the plain try/except of the SPEC baseline, not contextlib
                part.get_content()
            except Exception:  # noqa: BLE001 - the baseline decodes what it can
                pass


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _time_one(fn, data: bytes) -> float:
    start = time.perf_counter()
    fn(data)
    return time.perf_counter() - start


def in_process(root: Path, files: list[Path], repeat: int) -> dict:
    from bot.analysis.pipeline import analyse

    names = [str(p.relative_to(root)) for p in files]
    blobs = [p.read_bytes() for p in files]
    total_bytes = sum(map(len, blobs))
    crashes: dict[str, str] = {}

    def analysis(data: bytes) -> None:
        analyse(data)

    def safe_analysis(data: bytes) -> None:
        _swallow(analysis, data)

    # warm-up: once over every file, both sides
    for name, data in zip(names, blobs, strict=True):
        bare_parse(data)
        try:
            analysis(data)
        except Exception as exc:  # noqa: BLE001 - must never raise; reported below
            crashes[name] = f"{type(exc).__name__}: {exc}"

    base_t: list[float] = []
    ana_t: list[float] = []
    for data in blobs:
        b_best = a_best = float("inf")
        for _ in range(repeat):
            b_best = min(b_best, _time_one(bare_parse, data))
            a_best = min(a_best, _time_one(safe_analysis, data))
        base_t.append(b_best)
        ana_t.append(a_best)

    # memory: a separate pass over the analysis only
    tracemalloc.start()
    worst_peak, worst_peak_name = 0, ""
    overall_peak = 0
    for name, data in zip(names, blobs, strict=True):
        tracemalloc.reset_peak()
        _swallow(analysis, data)
        peak = tracemalloc.get_traced_memory()[1]
        overall_peak = max(overall_peak, peak)
        if peak > worst_peak:
            worst_peak, worst_peak_name = peak, name
    tracemalloc.stop()

    return {
        "names": names,
        "bytes": total_bytes,
        "base": base_t,
        "ana": ana_t,
        "crashes": crashes,
        "peak": overall_peak,
        "peak_name": worst_peak_name,
    }


def _swallow(fn, data: bytes) -> None:
    try:  # noqa: SIM105 - cheapest form, this sits inside the timed call
        fn(data)
    except Exception:  # noqa: BLE001
        pass


def _run(cmd: list[str]) -> tuple[float, int, bytes]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    return time.perf_counter() - start, proc.returncode, proc.stderr


def whole_processes(root: Path, repeat: int) -> dict:
    phishbot = Path(sys.executable).parent / "phishbot"
    if not phishbot.is_file() or not os.access(phishbot, os.X_OK):
        return {"error": f"{phishbot} not found or not executable"}
    ours = [str(phishbot), "analyze", "--json", "--no-lookups", str(root)]
    bare = [sys.executable, "-c", BARE_SCRIPT, str(root)]
    _, ours_rc, ours_err = _run(ours)  # warm-up (page cache, .pyc)
    _, bare_rc, bare_err = _run(bare)
    ours_best = bare_best = float("inf")
    for _ in range(repeat):
        t, ours_rc, ours_err = _run(ours)
        ours_best = min(ours_best, t)
        t, bare_rc, bare_err = _run(bare)
        bare_best = min(bare_best, t)
    return {
        "ours_cmd": ours,
        "ours": ours_best,
        "ours_rc": ours_rc,
        "ours_err": ours_err.decode("utf-8", "replace"),
        "bare": bare_best,
        "bare_rc": bare_rc,
        "bare_err": bare_err.decode("utf-8", "replace"),
    }


def _maxrss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="The method is described at the top of bench/speed.py.")
    ap.add_argument("dir", metavar="DIR", type=Path, help="folder of mail files (recursive)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="timed runs per file and per process (min/best kept; default 3)")
    args = ap.parse_args(argv)
    if not args.dir.is_dir():
        ap.error(f"not a folder: {args.dir}")
    if args.repeat < 1:
        ap.error("--repeat must be ≥ 1")
    root = args.dir.resolve()
    files = select_files(root)
    if not files:
        ap.error(f"no mail files under {root}")

    print(f"corpus: {root}  ({len(files)} files)  repeat={args.repeat}  python {sys.version.split()[0]}")
    print()

    # (a) in-process
    r = in_process(root, files, args.repeat)
    base_total, ana_total = sum(r["base"]), sum(r["ana"])
    ratio_in = ana_total / base_total if base_total else float("inf")
    wb = max(range(len(files)), key=lambda i: r["base"][i])
    wa = max(range(len(files)), key=lambda i: r["ana"][i])
    print(f"(a) in-process, {r['bytes'] / 1024 / 1024:.2f} MiB in {len(files)} messages "
          f"(min of {args.repeat} per message)")
    print(f"    baseline (parse+walk+decode) total: {_ms(base_total)}")
    print(f"    analysis (analyse)           total: {_ms(ana_total)}")
    print(f"    ratio analysis/baseline:            {ratio_in:.2f}x")
    print(f"    median per message: baseline {_ms(statistics.median(r['base']))}, "
          f"analysis {_ms(statistics.median(r['ana']))}")
    print(f"    worst baseline: {r['names'][wb]}  {_ms(r['base'][wb])}")
    print(f"    worst analysis: {r['names'][wa]}  {_ms(r['ana'][wa])}")
    slowest = sorted(range(len(files)), key=lambda i: r["ana"][i], reverse=True)[:5]
    print("    slowest analyses (analysis / baseline):")
    for i in slowest:
        print(f"      {_ms(r['ana'][i]):>10} / {_ms(r['base'][i]):>9}  {r['names'][i]}")
    over = [i for i in range(len(files)) if r["ana"][i] * 1000 > TARGET_MAX_MS]
    print(f"    messages over {TARGET_MAX_MS:.0f} ms: {len(over)}")
    print(f"    tracemalloc peak (analysis pass): {r['peak'] / 1024 / 1024:.2f} MiB (on {r['peak_name']})")
    if r["crashes"]:
        print(f"    CRASHES: analyse() raised on {len(r['crashes'])} file(s):")
        for name, msg in r["crashes"].items():
            print(f"      {name}: {msg}")
    print()

    # (b) whole processes
    p = whole_processes(root, args.repeat)
    print(f"(b) whole processes, start-up included (best of {args.repeat}, after one warm-up run each)")
    ratio_proc = None
    if "error" in p:
        print(f"    NOT MEASURED: {p['error']}")
    else:
        ratio_proc = p["ours"] / p["bare"] if p["bare"] else float("inf")
        print(f"    phishbot analyze --json --no-lookups DIR: {p['ours']:.3f} s  (exit {p['ours_rc']})")
        print(f"    python -c <bare parse+walk+decode> DIR:  {p['bare']:.3f} s  (exit {p['bare_rc']})")
        print(f"    ratio:                                    {ratio_proc:.2f}x")
        err_lines = [ln for ln in p["ours_err"].splitlines() if ln.strip()]
        if err_lines:
            print(f"    phishbot stderr ({len(err_lines)} line(s)):")
            for ln in err_lines[:10]:
                print(f"      {ln}")
            if len(err_lines) > 10:
                print("      …")
        if p["bare_rc"] != 0:
            print(f"    bare stderr: {p['bare_err'].strip()[-500:]}")
    print()

    maxrss = _maxrss_mib()
    worst_ms = r["ana"][wa] * 1000
    rows = [
        (f"in-process ratio ≤ {TARGET_RATIO}x", f"{ratio_in:.2f}x", ratio_in <= TARGET_RATIO),
        (f"whole-process ratio ≤ {TARGET_RATIO}x",
         "not measured" if ratio_proc is None else f"{ratio_proc:.2f}x",
         ratio_proc is not None and ratio_proc <= TARGET_RATIO),
        (f"no message > {TARGET_MAX_MS:.0f} ms", f"worst {worst_ms:.1f} ms ({r['names'][wa]})",
         worst_ms <= TARGET_MAX_MS),
    ]
    print("=" * 72)
    print("SUMMARY (SPEC §9 offline analysis)")
    for what, value, ok in rows:
        print(f"  {'PASS' if ok else 'MISS'}  {what:<28} {value}")
    print(f"  info  tracemalloc peak            {r['peak'] / 1024 / 1024:.2f} MiB")
    print(f"  info  ru_maxrss (this process)    {maxrss:.1f} MiB")
    if r["crashes"]:
        print(f"  info  analyse() crashed on {len(r['crashes'])} file(s)")
    print("=" * 72)
    return 0


if __name__ == "__main__":
    sys.exit(main())
