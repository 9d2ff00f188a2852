"""Accuracy on a labelled corpus (SPEC §9: phishing recall ≥ 95 %, false positives on ham ≤ 1 %).

Reads the corpus ``MANIFEST.tsv`` (tab-separated, header row; columns include ``file``,
``label`` (phish | ham | malformed), ``language`` and ``notes``; ``file`` is relative to the
manifest's folder), runs ``bot.analysis.pipeline.analyse(bytes)`` in-process on every listed file
that lies under DIR (no lookups: the core never does any), and prints:

- a confusion matrix: rows = label (phish / ham / malformed), columns = verdict
  (phishing / suspicious / no_signs), plus ``unreadable`` when the report says the input could
  not be read (counted there whatever its verdict);
- phishing recall, counting ``phishing`` and ``suspicious`` as flagged (and, for reference, the
  strict recall counting ``phishing`` only);
- the false-positive rate on ham (flagged = suspicious or phishing) and how many ham were
  judged ``phishing``;
- recall for phish per ``language`` column;
- every miss: each phish not flagged and each ham flagged, with verdict, score and findings
  (rule:severity);
- the same numbers as Markdown tables, ready for docs/BENCHMARKS.md.

``--json`` prints one JSON object with the same content instead. An exception out of
``analyse`` (it must never raise) is counted in an extra ``error`` column and its traceback is
printed. The exit status is always 0: this is a report, not a test.

Caveat (corpus README): the development corpus has an era confound (ham mostly 2000–2002,
phish 2023–2026); numbers here are for development, not a claim of accuracy.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import traceback
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

LABELS = ("phish", "ham", "malformed")
COLUMNS = ("phishing", "suspicious", "no_signs", "unreadable")
FLAGGED = {"phishing", "suspicious"}
MAIL_SUFFIXES = {".eml", ".msg", ".txt", ".mail", ".mbox", ".html", ".htm", ""}


def _read_manifest(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"file", "label"} - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"{path}: manifest lacks column(s) {', '.join(sorted(missing))}")
        return [row for row in reader if (row.get("file") or "").strip()]


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}%" if den else "n/a"


def _under(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def evaluate(root: Path, manifest: Path) -> dict:
    from bot.analysis.pipeline import analyse

    base = manifest.parent.resolve()
    root = root.resolve()
    rows = _read_manifest(manifest)
    results = []
    listed = set()
    missing_files = []
    t0 = time.perf_counter()
    for row in rows:
        path = (base / row["file"]).resolve()
        listed.add(path)
        if not _under(path, root):
            continue
        label = (row.get("label") or "").strip()
        try:
            data = path.read_bytes()
        except OSError as exc:
            missing_files.append(f"{row['file']}: {exc.strerror or exc}")
            continue
        entry = {
            "file": row["file"],
            "label": label,
            "language": (row.get("language") or "").strip() or "?",
            "notes": (row.get("notes") or "").strip(),
            "bytes": len(data),
        }
        start = time.perf_counter()
        try:
            report = analyse(data)
        except Exception:  # noqa: BLE001 - analyse must never raise; a report counts it
            entry.update(verdict="error", column="error", score=None, readable=None, findings=[],
                         problems=[], traceback=traceback.format_exc())
        else:
            entry.update(
                verdict=report.verdict,
                column=report.verdict if report.readable else "unreadable",
                score=report.score,
                readable=report.readable,
                findings=[f"{f.rule}:{f.severity}" for f in report.findings],
                problems=[p.code for p in report.problems],
            )
        entry["seconds"] = round(time.perf_counter() - start, 4)
        results.append(entry)
    elapsed = time.perf_counter() - t0

    unlisted = sorted(
        str(p.relative_to(root)) for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in MAIL_SUFFIXES and not p.name.startswith(".")
        and p.resolve() not in listed and p.resolve() != manifest.resolve()
    )

    columns = list(COLUMNS) + (["error"] if any(r["column"] == "error" for r in results) else [])
    labels = list(LABELS) + sorted({r["label"] for r in results} - set(LABELS))
    matrix = {lab: dict.fromkeys(columns, 0) for lab in labels}
    for r in results:
        matrix[r["label"]][r["column"]] += 1

    def flagged(r: dict) -> bool:
        return r["column"] in FLAGGED

    phish = [r for r in results if r["label"] == "phish"]
    ham = [r for r in results if r["label"] == "ham"]
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for r in phish:
        by_lang[r["language"]].append(r)

    misses = [r for r in phish if not flagged(r)] + [r for r in ham if flagged(r)]
    slowest = max(results, key=lambda r: r["seconds"], default=None)
    return {
        "root": str(root),
        "manifest": str(manifest),
        "files": len(results),
        "seconds": round(elapsed, 3),
        "slowest": {"file": slowest["file"], "seconds": slowest["seconds"]} if slowest else None,
        "columns": columns,
        "matrix": matrix,
        "phish": {
            "total": len(phish),
            "flagged": sum(flagged(r) for r in phish),
            "phishing": sum(r["column"] == "phishing" for r in phish),
        },
        "ham": {
            "total": len(ham),
            "flagged": sum(flagged(r) for r in ham),
            "phishing": sum(r["column"] == "phishing" for r in ham),
        },
        "per_language": {
            lang: {"total": len(rs), "flagged": sum(flagged(r) for r in rs)}
            for lang, rs in sorted(by_lang.items())
        },
        "misses": [
            {k: r[k] for k in ("file", "label", "language", "verdict", "score", "readable", "findings",
                               "problems", "notes")}
            for r in misses
        ],
        "errors": [{"file": r["file"], "traceback": r["traceback"]} for r in results if r["column"] == "error"],
        "missing_files": missing_files,
        "unlisted_files": unlisted,
        "results": results,
    }


def _text_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs)

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def _md_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(headers) - 1)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def render(res: dict) -> str:
    out = []
    cols = res["columns"]
    out.append(f"corpus: {res['root']}  (manifest {res['manifest']})")
    slow = res["slowest"]
    out.append(f"{res['files']} files analysed in {res['seconds']:.2f} s"
               + (f"; slowest {slow['file']} {slow['seconds'] * 1000:.0f} ms" if slow else ""))
    if res["missing_files"]:
        out.append(f"WARNING: {len(res['missing_files'])} listed file(s) could not be read:")
        out += [f"  {m}" for m in res["missing_files"]]
    if res["unlisted_files"]:
        out.append(f"note: {len(res['unlisted_files'])} mail file(s) under the folder are not in the manifest "
                   f"(not evaluated): {', '.join(res['unlisted_files'][:5])}"
                   + (" …" if len(res["unlisted_files"]) > 5 else ""))
    out.append("")

    mrows = []
    for lab, counts in res["matrix"].items():
        total = sum(counts.values())
        mrows.append([lab] + [str(counts[c]) for c in cols] + [str(total)])
    out.append("Confusion matrix (rows: label; columns: verdict)")
    out.append(_text_table(["label", *cols, "total"], mrows))
    out.append("")

    ph, hm = res["phish"], res["ham"]
    recall_line = (f"phishing recall (phishing+suspicious): {ph['flagged']}/{ph['total']} = "
                   f"{_pct(ph['flagged'], ph['total'])}   [target ≥ 95%]")
    strict_line = (f"strict recall (phishing only):         {ph['phishing']}/{ph['total']} = "
                   f"{_pct(ph['phishing'], ph['total'])}")
    fp_line = (f"false positives on ham (flagged):      {hm['flagged']}/{hm['total']} = "
               f"{_pct(hm['flagged'], hm['total'])}   [target ≤ 1%]")
    fpp_line = f"ham judged phishing:                   {hm['phishing']}/{hm['total']}"
    out += [recall_line, strict_line, fp_line, fpp_line, ""]

    lrows = [[lang, str(v["total"]), str(v["flagged"]), _pct(v["flagged"], v["total"])]
             for lang, v in res["per_language"].items()]
    out.append("Phish recall per language")
    out.append(_text_table(["language", "phish", "flagged", "recall"], lrows))
    out.append("")

    out.append(f"MISSES ({len(res['misses'])}: phish not flagged, ham flagged)")
    if not res["misses"]:
        out.append("  none")
    for m in res["misses"]:
        kind = "phish not flagged" if m["label"] == "phish" else "ham flagged"
        score = "-" if m["score"] is None else str(m["score"])
        readable = "" if m["readable"] in (True, None) else "  [unreadable]"
        out.append(f"- [{kind}] {m['file']}  verdict={m['verdict']} score={score}  lang={m['language']}{readable}")
        if m["notes"]:
            out.append(f"    notes: {m['notes']}")
        out.append(f"    findings: {', '.join(m['findings']) or '(none)'}")
        if m["problems"]:
            out.append(f"    problems: {', '.join(m['problems'])}")
    out.append("")

    if res["errors"]:
        out.append(f"ERRORS: analyse() raised on {len(res['errors'])} file(s)")
        for e in res["errors"]:
            out.append(f"--- {e['file']}")
            out.append(e["traceback"].rstrip())
        out.append("")

    out.append("Markdown (for docs/BENCHMARKS.md):")
    out.append("")
    out.append(_md_table(["label \\ verdict", *cols, "total"], mrows))
    out.append("")
    def frac(num: int, den: int) -> str:
        return f"{num}/{den} ({_pct(num, den)})"

    out.append(_md_table(
        ["metric", "value", "target"],
        [
            ["phishing recall (phishing + suspicious)", frac(ph["flagged"], ph["total"]), "≥ 95%"],
            ["strict recall (phishing only)", frac(ph["phishing"], ph["total"]), "–"],
            ["false positives on ham (suspicious + phishing)", frac(hm["flagged"], hm["total"]), "≤ 1%"],
            ["ham judged phishing", f"{hm['phishing']}/{hm['total']}", "–"],
        ],
    ))
    out.append("")
    out.append(_md_table(["phish language", "count", "flagged", "recall"], lrows))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Files listed in the manifest but outside DIR are skipped.")
    ap.add_argument("dir", metavar="DIR", type=Path, help="corpus folder (only manifest rows under it are evaluated)")
    ap.add_argument("--manifest", type=Path, help="MANIFEST.tsv (default: DIR/MANIFEST.tsv)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    args = ap.parse_args(argv)
    manifest = args.manifest or args.dir / "MANIFEST.tsv"
    if not manifest.is_file():
        ap.error(f"manifest not found: {manifest}")
    if not args.dir.is_dir():
        ap.error(f"not a folder: {args.dir}")
    res = evaluate(args.dir, manifest)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(render(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
