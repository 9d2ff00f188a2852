"""Bare links of the TUNE side only (issue 11 §4): the JPCERT/CC URLs of the tune months and the
links of the tune half's legitimate mail, pasted alone. ``bench/evaluate.py --sets urls ham-links``
also runs the judged side; this gauge never reads it, so it can be run while rules are changed.

    python bench/tune_links.py                       # this checkout
    python bench/tune_links.py --root /work/main     # another checkout's rules
    python bench/tune_links.py --save out.json       # per-URL results, to diff two runs

Naming precision is evaluate's: of the flagged URLs whose JPCERT/CC brand is catalogued and where
a brand is named, how often it is theirs. Legitimate links are listed only from tune-a mail.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--save", default="")
    args = ap.parse_args()
    sys.path.insert(0, args.root)
    from bench.evaluate import (
        GOOD_LABELS,
        _analyse_url,
        _links_of,
        brand_group,
        expected_brand,
        mail_rows,
        nested_split_of,
        summarise_urls,
        url_rows,
    )

    t0 = time.perf_counter()
    rows = url_rows("tune")
    expected: dict[str, str] = {}
    results = [_analyse_url((url, expected.setdefault(desc, expected_brand(desc)))) for _, url, desc in rows]
    s = summarise_urls("tune", rows, results)
    wrong = s["named_any"] - s["brand_named"]
    assert wrong == sum(1 for r in results if r["expected"] and r["verdict"] != "no_signs" and r["named"]
                        and not set(r["named"]) & brand_group(r["expected"]))
    print(f"tune months: flagged {s['flagged']}/{s['total']}; brand named {s['brand_named']} of "
          f"{s['flagged_covered']} flagged and covered; another brand {wrong}; naming precision "
          f"{s['brand_named']}/{s['named_any']} ({100 * s['brand_named'] / max(1, s['named_any']):.2f} %)")
    ham = [r for r in mail_rows("tune") if r["label"] in GOOD_LABELS]
    urls: list[str] = []
    seen: set[str] = set()
    listable: set[str] = set()
    for r in ham:
        for u in _links_of(r["path"]):
            if nested_split_of(r["file"]) == "tune-a":
                listable.add(u)
            if u not in seen:
                seen.add(u)
                urls.append(u)
    ham_results = {u: _analyse_url((u, "")) for u in urls}
    flagged = [u for u in urls if ham_results[u]["verdict"] != "no_signs"]
    print(f"tune ham links flagged: {len(flagged)}/{len(urls)}")
    for u in flagged:
        if u in listable:
            print(f"  {u[:120]}  {ham_results[u]['verdict']} {ham_results[u]['findings']}")
    if args.save:
        Path(args.save).write_text(json.dumps({"urls": [[row[1], r] for row, r in zip(rows, results, strict=True)]}))
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
