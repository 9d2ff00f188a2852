"""Detection measured honestly (issue 11): every labelled set, each half of the development set, and
bare links, in one report.

"Word-blind" (round 5): how many mails of a group still score 30 or more with the wording rules
(``WORDING_RULES``: word lists learnt on the tune half) left out — whether a mail is caught by its
structure as well as by its words; the judged misses look like tune mail without its words. For
legitimate mail, "fires on" counts every rule that fired, flagged or not: a weak sign's ham cost.

The split is fixed here, in code, and was fixed before anyone looked at a mail of the development set:

- mail of ``../shared/corpus-dev``: a file goes to ``tune`` or ``judge`` by a hash of its path in the
  manifest (``split_of``), so each group (``pot``, ``sa-hard``, ``enron`` …) is split about half and
  half, and a file never changes side. Misses are studied on ``tune`` only; ``judge`` is reported in
  counts and reasons, never file by file (``--list-misses`` refuses it);
- the JPCERT/CC URL list (``urls/jpcert-YYYYMM.csv``): months before ``JUDGE_FROM`` are ``tune``,
  the newest six months (2025-03 … 2025-08) are ``judge``;
- ``../shared/corpus`` (100 mails) is the regression set: its 40 phish stay caught and its 40 ham
  unflagged.

"Caught" is any verdict but ``no_signs`` (SPEC §3); for legitimate mail any such verdict is a false
alarm ("flagged"). For every set and group the report gives: caught / flagged, the count per
verdict, the rules that fired most, and the misses grouped by why.

Bare links: each URL of the list is analysed as a member would paste it (the URL alone, offline);
flagged = any verdict but ``no_signs``; "brand named" counts, among URLs whose JPCERT/CC description
names a catalogued brand (catalogue coverage), those whose report names that brand (or one of its
group: brands sharing an official domain); "naming precision" how often a brand we name on a
flagged covered URL is JPCERT/CC's; "brand shown in the URL" the URLs whose host or path holds one
of the catalogue's names of JPCERT/CC's brand (the ceiling the link alone allows, by the
catalogue); and, for the tune months, a breakdown by brand (report only: the split is untouched). Links taken from
legitimate mail (the ham of each half, one of each distinct URL) are analysed the same way: flagged is a false alarm.

    python bench/evaluate.py                         # everything (a few minutes on 2 cores)
    python bench/evaluate.py --sets corpus tune      # some sets only
    python bench/evaluate.py --sets tune --list-misses unwanted   # the tune half's misses, file by file (tune-a's)
    python bench/evaluate.py --json > eval.json
    python bench/evaluate.py --sets tune-a tune-b --list-misses unwanted   # round 5: study tune-a only,
                                                     # tune-b (its held-out part) in counts only

The exit status is 0: this is a report, not a test. The core never looks anything up, so these are
offline figures (``new_domain`` and ``unregistered_domain`` never fire here).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"
SPLIT_SALT = "phishbot/issue-11/split-v1"
JUDGE_FROM = "202503"  # URL months from this one on are judged, older ones tuned on
BAD_LABELS = ("phish", "unwanted")
GOOD_LABELS = ("ham",)
VERDICTS = ("phishing", "scam", "malware", "spam", "suspicious", "no_signs")
SETS = ("corpus", "tune", "judge", "urls", "ham-links", "tune-a", "tune-b")
NESTED_SALT = "phishbot/issue-11/round5-nested-v1"


def split_of(rel_path: str) -> str:
    """``tune`` or ``judge`` for a development file, by a salted hash of its manifest path."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{rel_path}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "judge"


def nested_split_of(rel_path: str) -> str:
    """``tune-a`` or ``tune-b`` for a file of the tune half: a second salted hash (round 5), so the
    tune half holds its own held-out part — study ``tune-a``, read ``tune-b`` in counts only."""
    digest = hashlib.sha256(f"{NESTED_SALT}:{rel_path}".encode()).digest()
    return "tune-a" if digest[0] % 2 == 0 else "tune-b"


def url_split(month: str) -> str:
    return "judge" if month >= JUDGE_FROM else "tune"


# --- reading ---------------------------------------------------------------------------------


def read_manifest(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row for row in reader if (row.get("file") or "").strip()]


def mail_rows(set_name: str) -> list[dict[str, str]]:
    if set_name == "corpus":
        base = SHARED / "corpus"
        rows = read_manifest(base / "MANIFEST.tsv")
        for r in rows:
            r["group"] = r.get("label", "?")
            r["path"] = str(base / r["file"])
        return rows
    base = SHARED / "corpus-dev"
    if set_name in ("tune-a", "tune-b"):
        rows = [r for r in read_manifest(base / "MANIFEST.tsv")
                if split_of(r["file"]) == "tune" and nested_split_of(r["file"]) == set_name]
    else:
        rows = [r for r in read_manifest(base / "MANIFEST.tsv") if split_of(r["file"]) == set_name]
    for r in rows:
        r["path"] = str(base / r["file"])
    return rows


def url_rows(split: str) -> list[tuple[str, str, str]]:
    """(month, url, description) of the JPCERT/CC list's months on one side of the split."""
    out = []
    for path in sorted((SHARED / "corpus-dev" / "urls").glob("jpcert-*.csv")):
        month = path.stem.split("-")[1]
        if url_split(month) != split:
            continue
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                url = (row.get("URL") or "").strip()
                if url:
                    out.append((month, url, (row.get("description") or "").strip()))
    return out


# --- work (in worker processes) ----------------------------------------------------------------


def _analyse_file(path: str) -> dict[str, Any]:
    from bot.analysis.pipeline import analyse

    data = Path(path).read_bytes()
    start = time.perf_counter()
    report = analyse(data)
    return {
        "verdict": report.verdict,
        "score": report.score,
        "readable": report.readable,
        "findings": [f"{f.rule}:{f.severity}" for f in report.findings],
        "problems": [p.code for p in report.problems],
        "links": len(report.links),
        "brand": report.brand.id if report.brand else None,
        "language": report.language,
        "seconds": time.perf_counter() - start,
    }


def _analyse_url(item: tuple[str, str]) -> dict[str, Any]:
    from bot.analysis.pipeline import analyse

    url, expected = item
    report = analyse(url.encode("utf-8"))
    named = {report.brand.id} if report.brand else set()
    named |= {dict(f.params).get("brand", "") for f in report.findings} - {""}
    return {"verdict": report.verdict, "named": sorted(named), "expected": expected,
            "findings": [f"{f.rule}:{f.severity}" for f in report.findings]}


def _links_of(path: str) -> list[str]:
    from bot.analysis.pipeline import prepare

    prepared = prepare(Path(path).read_bytes())
    return [link.url for link in prepared.links if link.source in ("text", "html")]


def _pool_map(fn: Any, items: list[Any], jobs: int) -> list[Any]:
    if jobs <= 1 or len(items) < 50:
        return [fn(i) for i in items]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(fn, items, chunksize=32))


# --- judging -----------------------------------------------------------------------------------


# the rules that read the mail's wording (word lists learnt on the tune half): a mail scored again
# without them shows whether it is caught by its structure too ("word-blind", round 5)
WORDING_RULES = frozenset({"spam_content", "scam_lure", "credential_lure", "urgency_language", "brand_lure", "extortion"})


def word_blind_score(findings: list[str]) -> int:
    from bot.analysis.scoring import WEIGHTS

    best: dict[str, int] = {}
    for item in findings:
        rule, _, severity = item.partition(":")
        if rule not in WORDING_RULES:
            best[rule] = max(best.get(rule, 0), WEIGHTS.get(rule, {}).get(severity, 0))
    return min(100, sum(best.values()))


def rules_of(findings: list[str], info: bool = True) -> set[str]:
    """The rules of one result's findings, each once whatever its severities."""
    return {f.split(":")[0] for f in findings if info or not f.endswith(":info")}


def why_missed(r: dict[str, Any]) -> str:
    """A coarse reason for a bad mail that was not caught."""
    if not r["readable"]:
        return "unreadable input"
    rules = [f.split(":")[0] for f in r["findings"] if not f.endswith(":info")]
    if not rules:
        if r["links"] == 0:
            return "no findings, no links"
        return "no findings, links" + (f" (brand {r['brand']})" if r["brand"] else " (no brand)")
    return "below threshold: " + "+".join(sorted(set(rules))[:4])


def why_flagged(r: dict[str, Any]) -> str:
    rules = [f.split(":")[0] for f in r["findings"] if not f.endswith(":info")]
    return f"{r['verdict']}: " + "+".join(sorted(set(rules))[:4])


def summarise_mail(set_name: str, rows: list[dict[str, str]], results: list[dict[str, Any]]) -> dict[str, Any]:
    from bot.analysis.scoring import FLAGGED_AT

    groups: dict[tuple[str, str], list[tuple[dict[str, str], dict[str, Any]]]] = defaultdict(list)
    for row, res in zip(rows, results, strict=True):
        groups[(row.get("label", "?"), row.get("group", "?"))].append((row, res))
    out: dict[str, Any] = {"set": set_name, "files": len(rows), "groups": []}
    for (label, group), items in sorted(groups.items()):
        bad = label in BAD_LABELS
        verdicts = Counter(res["verdict"] if res["readable"] else "unreadable" for _, res in items)
        hit = [(row, res) for row, res in items if res["verdict"] != "no_signs"]
        rules = Counter(rule for _, res in hit for rule in rules_of(res["findings"]))
        if bad:
            misses = [(row, res) for row, res in items if res["verdict"] == "no_signs"]
            why = Counter(why_missed(res) for _, res in misses)
        else:
            misses = hit
            why = Counter(why_flagged(res) for _, res in misses)
        out["groups"].append({
            "label": label, "group": group, "total": len(items),
            "caught" if bad else "flagged": len(hit),
            "word_blind": sum(1 for _, res in items if word_blind_score(res["findings"]) >= FLAGGED_AT),
            # every rule that fired on legitimate mail, flagged or not (info aside): a weak sign's ham
            # cost shows here long before it flags a mail (round 5); never for the held-out sets,
            # whose per-rule counts would invite tuning a weak sign against them
            "fires": Counter(rule for _, res in items for rule in rules_of(res["findings"], info=False)).most_common(12)
                     if not bad and set_name not in ("judge", "tune-b") else [],
            "verdicts": dict(verdicts), "top_rules": rules.most_common(10),
            "why": why.most_common(),
            # caught (or flagged) of each language the reports name: counts only, like the rest
            "languages": {lang: (sum(1 for _, res in items if res["language"] == lang and res["verdict"] != "no_signs"),
                                 n) for lang, n in Counter(res["language"] for _, res in items).most_common()},
            "miss_files": [(row["file"], res["verdict"], res["score"], res["findings"]) for row, res in misses],
        })
    return out


def brand_group(bid: str) -> frozenset[str]:
    """A brand and those sharing an official domain with it (楽天 and 楽天カード are one group)."""
    from bot.analysis.brands import catalogue

    cat = catalogue()
    brand = cat.by_id.get(bid)
    if brand is None:
        return frozenset()
    out = {bid}
    for d in brand.official_domains:
        out.update(cat.official.get(d, ()))
    return frozenset(out)


def expected_brand(description: str) -> str:
    """The catalogued brand a JPCERT/CC description names ("" when none)."""
    from bot.analysis.brands import TextIndex, brands_named_in, catalogue

    named = brands_named_in(TextIndex(description))
    if not named:  # a bare label that is a brand's name or id ("au", "ANA", "VISA")
        key = description.strip().lower()
        named = {b.id for b in catalogue().brands if key and key in {b.id, b.name_en.lower(), b.name_ja.lower()}}
    if not named:
        return ""
    order = {b.id: i for i, b in enumerate(catalogue().brands)}
    return min(named, key=lambda b: order.get(b, 1 << 30))


@cache
def brand_names(bid: str) -> tuple[str, ...]:
    """How a brand can show in a URL by the catalogue alone: its tokens, its bare words and the
    first label of its official domains (hyphens kept and dropped), four letters or more unless a
    token or bare word. A reader may see more (misspellings); this is the reproducible floor."""
    from bot.analysis.brands import catalogue

    cat = catalogue()
    brand = cat.by_id.get(bid)
    if brand is None:
        return ()
    names = set(brand.tokens) | {w for w, b in getattr(cat, "bare_words", {}).items() if b == bid}
    names |= {d.split(".")[0] for d in brand.official_domains if len(d.split(".")[0]) >= 4}
    names |= {n.replace("-", "") for n in names}
    return tuple(sorted(names, key=len, reverse=True))


def shows_brand(url: str, bid: str) -> bool:
    """Whether a URL's host or path shows the brand by one of its catalogue names (``brand_names``)."""
    text = url.lower().split("://", 1)[-1].partition("#")[0]
    return any(name in text for name in brand_names(bid))


def summarise_urls(split: str, rows: list[tuple[str, str, str]], results: list[dict[str, Any]]) -> dict[str, Any]:
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (month, _, _), res in zip(rows, results, strict=True):
        by_month[month].append(res)
    flagged = sum(r["verdict"] != "no_signs" for r in results)
    covered = [r for r in results if r["expected"]]
    named = [r for r in covered if r["verdict"] != "no_signs" and set(r["named"]) & brand_group(r["expected"])]
    flagged_covered = sum(r["verdict"] != "no_signs" for r in covered)
    # naming precision: of the flagged URLs where we named a brand and JPCERT/CC's brand is
    # catalogued, how often the brand we named is theirs (a wrongly named brand misleads a member)
    named_any = [r for r in covered if r["verdict"] != "no_signs" and r["named"]]
    # the ceiling the link alone allows: URLs whose host or path shows JPCERT/CC's brand by a
    # catalogue name, and how many of those (flagged) we name
    shown = [(row, r) for row, r in zip(rows, results, strict=True) if r["expected"] and shows_brand(row[1], r["expected"])]
    shown_named = [r for _, r in shown if r["verdict"] != "no_signs" and set(r["named"]) & brand_group(r["expected"])]
    per_brand: dict[str, Counter[str]] = defaultdict(Counter)
    for r in covered:
        c = per_brand[r["expected"]]
        c["total"] += 1
        if r["verdict"] != "no_signs":
            c["flagged"] += 1
            if set(r["named"]) & brand_group(r["expected"]):
                c["named"] += 1
            elif r["named"]:
                c["wrong"] += 1
    for _, r in shown:
        per_brand[r["expected"]]["shown"] += 1
    descs: Counter[str] = Counter()
    missed_desc: Counter[str] = Counter()
    for (_, _, desc), res in zip(rows, results, strict=True):
        if not res["expected"]:
            descs[desc] += 1
        if res["verdict"] == "no_signs":
            missed_desc[desc] += 1
    return {
        "split": split, "total": len(results), "flagged": flagged,
        "verdicts": dict(Counter(r["verdict"] for r in results)),
        "covered": len(covered), "brand_named": len(named), "flagged_covered": flagged_covered,
        "named_any": len(named_any), "shown": len(shown), "shown_named": len(shown_named),
        "per_brand": [(b, dict(c)) for b, c in sorted(per_brand.items(), key=lambda bc: -bc[1]["total"])[:20]]
        if split == "tune" else [],  # the judged months in whole-set figures only
        "months": {m: {"total": len(rs), "flagged": sum(r["verdict"] != "no_signs" for r in rs)}
                   for m, rs in sorted(by_month.items())},
        "uncovered_descriptions": descs.most_common(25) if split == "tune" else [],
        "missed_descriptions": missed_desc.most_common(25) if split == "tune" else [],
        "top_rules": Counter(f.split(":")[0] for r in results if r["verdict"] != "no_signs"
                             for f in set(r["findings"])).most_common(10),
    }


# --- rendering ---------------------------------------------------------------------------------


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}%" if den else "n/a"


def hide_held_out(summary: dict[str, Any]) -> None:
    """Drop what must never be read file by file from a set's summary (its listing and its JSON):
    all of judge and tune-b, and tune-b's files inside tune (round 5's held-out part)."""
    for g in summary["groups"]:
        if summary["set"] in ("judge", "tune-b"):
            g["miss_files"] = []
        elif summary["set"] == "tune":
            g["miss_files"] = [m for m in g["miss_files"] if nested_split_of(m[0]) != "tune-b"]


def render_mail(summary: dict[str, Any], list_misses: str | None) -> list[str]:
    out = [f"## {summary['set']}  ({summary['files']} files)", ""]
    out.append("| label | group | total | caught / flagged | " + " | ".join(VERDICTS) + " | unreadable |")
    out.append("|---|---|---:|---:|" + "---:|" * (len(VERDICTS) + 1))
    for g in summary["groups"]:
        n = g.get("caught", g.get("flagged", 0))
        cells = [str(g["verdicts"].get(v, 0)) for v in (*VERDICTS, "unreadable")]
        out.append(f"| {g['label']} | {g['group']} | {g['total']} | {n} ({pct(n, g['total'])}) | " + " | ".join(cells) + " |")
    out.append("")
    for g in summary["groups"]:
        kind = "caught" if "caught" in g else "flagged"
        out.append(f"{g['label']}/{g['group']}: {kind} {g[kind]}/{g['total']} (word-blind: {g['word_blind']}); top rules: "
                   + ", ".join(f"{r} {n}" for r, n in g["top_rules"][:8]))
        if g.get("fires"):
            out.append("  fires on (flagged or not): " + ", ".join(f"{r} {n}" for r, n in g["fires"]))
        if g.get("languages"):
            out.append(f"  {kind} by language: " + ", ".join(f"{lang} {k}/{n}" for lang, (k, n) in g["languages"].items()))
        title = "misses by why" if kind == "caught" else "flagged by why"
        if g["why"]:
            out.append(f"  {title}:")
            out += [f"    {n:4d}  {why}" for why, n in g["why"][:15]]
        if list_misses and g["label"] == list_misses and summary["set"] not in ("judge", "tune-b"):
            if summary["set"] == "tune":
                out.append("    (tune-a's only: tune-b is read in counts only)")
            for file, verdict, score, findings in g["miss_files"]:
                out.append(f"    - {file} {verdict} {score} {' '.join(findings)}")
    out.append("")
    return out


def render_urls(s: dict[str, Any]) -> list[str]:
    out = [f"## JPCERT/CC URLs, {s['split']} months ({', '.join(s['months'])})", ""]
    out.append(f"flagged offline: {s['flagged']}/{s['total']} ({pct(s['flagged'], s['total'])})")
    out.append(f"catalogue coverage (description names a catalogued brand): {s['covered']}/{s['total']} "
               f"({pct(s['covered'], s['total'])})")
    out.append(f"brand named, of those covered: {s['brand_named']}/{s['covered']} ({pct(s['brand_named'], s['covered'])}); "
               f"of those covered and flagged: {s['brand_named']}/{s['flagged_covered']} "
               f"({pct(s['brand_named'], s['flagged_covered'])})")
    out.append(f"naming precision: of the flagged covered URLs where a brand is named, JPCERT/CC's brand: "
               f"{s['brand_named']}/{s['named_any']} ({pct(s['brand_named'], s['named_any'])}); "
               f"another brand: {s['named_any'] - s['brand_named']}")
    out.append(f"brand shown in the URL by a catalogue name: {s['shown']}/{s['covered']} ({pct(s['shown'], s['covered'])}); "
               f"flagged and named among those: {s['shown_named']} ({pct(s['shown_named'], s['shown'])})")
    if s["per_brand"]:
        out.append("per brand, tune months (total / flagged / named / named another / shown in the URL): " + ", ".join(
            f"{b} {c.get('total', 0)}/{c.get('flagged', 0)}/{c.get('named', 0)}/{c.get('wrong', 0)}/{c.get('shown', 0)}"
            for b, c in s["per_brand"]))
    out.append("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(s["verdicts"].items())))
    out.append("per month: " + ", ".join(f"{m} {v['flagged']}/{v['total']}" for m, v in s["months"].items()))
    out.append("top rules: " + ", ".join(f"{r} {n}" for r, n in s["top_rules"]))
    if s["uncovered_descriptions"]:
        out.append("descriptions without a catalogued brand (tune months): "
                   + ", ".join(f"{d} {n}" for d, n in s["uncovered_descriptions"]))
    if s["missed_descriptions"]:
        out.append("missed, by description (tune months): " + ", ".join(f"{d} {n}" for d, n in s["missed_descriptions"]))
    out.append("")
    return out


def render_ham_links(s: dict[str, Any]) -> list[str]:
    out = ["## Links from legitimate mail, pasted alone", ""]
    for half, v in s.items():
        out.append(f"{half}: flagged {v['flagged']}/{v['total']} ({pct(v['flagged'], v['total'])})"
                   + ("; " + ", ".join(f"{k} {n}" for k, n in v["why"]) if v["why"] else ""))
        if half == "tune":
            out += [f"    - {u}  {w}" for u, w in v["examples"]]
    out.append("")
    return out


# --- main --------------------------------------------------------------------------------------


def run(sets: Iterable[str], jobs: int, list_misses: str | None) -> tuple[dict[str, Any], list[str]]:
    res: dict[str, Any] = {}
    lines: list[str] = []
    for name in sets:
        t0 = time.perf_counter()
        if name in ("corpus", "tune", "judge", "tune-a", "tune-b"):
            rows = mail_rows(name)
            results = _pool_map(_analyse_file, [r["path"] for r in rows], jobs)
            res[name] = summarise_mail(name, rows, results)
            hide_held_out(res[name])
            lines += render_mail(res[name], list_misses)
        elif name == "urls":
            res["urls"] = {}
            for split in ("tune", "judge"):
                rows_u = url_rows(split)
                expected_cache: dict[str, str] = {}
                items = []
                for _, url, desc in rows_u:
                    if desc not in expected_cache:
                        expected_cache[desc] = expected_brand(desc)
                    items.append((url, expected_cache[desc]))
                results = _pool_map(_analyse_url, items, jobs)
                res["urls"][split] = summarise_urls(split, rows_u, results)
                lines += render_urls(res["urls"][split])
        elif name == "ham-links":
            res["ham-links"] = {}
            for half in ("tune", "judge"):
                rows = [r for r in mail_rows(half) if r["label"] in GOOD_LABELS]
                shown = {r["path"] for r in rows if half == "tune" and nested_split_of(r["file"]) == "tune-a"}
                urls: list[str] = []
                listable: set[str] = set()
                seen: set[str] = set()
                for row, links in zip(rows, _pool_map(_links_of, [r["path"] for r in rows], jobs), strict=True):
                    for u in links:
                        if row["path"] in shown:
                            listable.add(u)  # a link of a tune-a mail may be shown; tune-b's are counted only
                        if u not in seen:
                            seen.add(u)
                            urls.append(u)
                results = _pool_map(_analyse_url, [(u, "") for u in urls], jobs)
                flagged = [(u, r) for u, r in zip(urls, results, strict=True) if r["verdict"] != "no_signs"]
                res["ham-links"][half] = {
                    "total": len(urls), "flagged": len(flagged),
                    "why": Counter(why_flagged({**r, "verdict": r["verdict"]}) for _, r in flagged).most_common(8),
                    "examples": [(u[:100], why_flagged(r)) for u, r in flagged if u in listable][:30],
                }
            lines += render_ham_links(res["ham-links"])
        lines.append(f"({name}: {time.perf_counter() - t0:.1f} s)")
        lines.append("")
    return res, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS[:5]))
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--list-misses", metavar="LABEL",
                    help="list the misses of this label file by file (never for judge or tune-b)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    args = ap.parse_args(argv)
    if args.list_misses and set(args.sets) <= {"judge", "tune-b"}:
        ap.error("the judge half (and tune-b, the tune half's own held-out part) is reported in counts only: "
                 "study misses on tune or tune-a")
    if not (SHARED / "corpus-dev").is_dir() and {"tune", "judge", "urls", "ham-links", "tune-a", "tune-b"} & set(args.sets):
        ap.error(f"{SHARED / 'corpus-dev'} not found")
    res, lines = run(args.sets, args.jobs, args.list_misses)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
