"""How much does a verdict lean on links and headers? (issue 11, fourth round)

Members rarely forward a mail whole: they paste its text into Discord, and sanitised samples
(threat reports, forums, the shared archives) arrive with their links cut out. This tool takes a set
of mails and analyses each one four ways, deterministically:

- ``full``: the mail as it is (the figure ``bench/evaluate.py`` gives);
- ``no-links``: the headers kept, every URL removed from every text part (plain text: every
  ``scheme://…`` and ``www.…``, defanged or not; HTML: the same in the text, and every ``href``,
  ``src``, ``action`` and ``background`` attribute emptied). Attachments other than text parts
  (PDF, images: their links and QR codes) are left as they are;
- ``body-only``: no headers at all, the body pasted as text: what a mail client shows and a
  member copies — the HTML bodies' visible text when there is an HTML body (the plain part of a
  multipart/alternative is often a stub), else the plain-text parts. An HTML body's link targets
  are appended as a numbered reference list (``[1] https://…``), the way mail clients and text
  browsers turn HTML into text, so this variant loses the headers and keeps the links;
- ``bare-text``: both: the pasted body with every URL removed and no reference list.

"Caught" is any verdict but ``no_signs`` (for ham: "flagged"). ``links`` is the mean number of links
the analysis still found (0 for ``no-links`` and ``bare-text``, unless a PDF or an image carried one).

Sets: ``corpus`` (``../shared/corpus``: phish by language, ``ja`` and the others, and ham) and
``tune`` (the tune half of ``../shared/corpus-dev`` by ``bench/evaluate.py``'s split, imported,
never redefined: honeypot ``unwanted/`` and ``ham/``) and ``brand-mail`` (the genuine brand mail of
``tests/fixtures/brand_mail``, made up in the brands' real formats: a pasted genuine notice should
stay unflagged as far as its wording allows). The judged half is not offered: it is judged
by ``bench/evaluate.py`` as a whole mail, in counts only.

    python bench/stripped.py                           # corpus, tune and brand-mail, all four variants
    python bench/stripped.py --sets corpus --list-misses phish-ja   # the misses of one group, per variant
    python bench/stripped.py --sets corpus --jobs 1 --json > stripped.json

A report, not a test: the exit status is 0.
"""

from __future__ import annotations

import argparse
import email
import io
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from email import policy
from email.generator import BytesGenerator
from email.message import Message
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # measure the checkout, never a stale installed copy
    sys.path.insert(0, str(REPO))

from bench.evaluate import BAD_LABELS, SHARED, _pool_map, mail_rows  # noqa: E402  (the split lives there)

VARIANTS = ("full", "no-links", "body-only", "bare-text")
SETS = ("corpus", "tune", "brand-mail")
BRAND_MAIL = REPO / "tests" / "fixtures" / "brand_mail"  # genuine-format brand mail (made up): must stay unflagged
MAX_PARTS = 200  # parts of one mail rewritten; the rest are left as they are

_ATTR_URL = re.compile(r"(?i)(\b(?:href|src|action|background)\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>]+)")


def strip_urls(text: str, html: bool = False) -> str:
    """``text`` with every URL the analysis would read taken out (defanged ones too)."""
    from bot.analysis.links import ANY_URL_IN_TEXT, refang

    if html:
        text = _ATTR_URL.sub(r'\1""', text)
    return ANY_URL_IN_TEXT.sub(" ", refang(text))


def _part_text(part: Message) -> str | None:
    from bot.analysis.charsets import decode_bytes

    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    text, _ = decode_bytes(payload, part.get_content_charset())
    return text


def without_links(data: bytes) -> bytes:
    """The mail with its headers as they were and every URL removed from its text parts (re-encoded
    as UTF-8 base64). A mail the stdlib cannot rebuild is returned with its URLs cut out of the raw
    bytes instead (headers untouched)."""
    try:
        msg = email.message_from_bytes(data, policy=policy.compat32)
        for n, part in enumerate(msg.walk()):
            if n >= MAX_PARTS:
                break
            if part.is_multipart() or part.get_content_maintype() != "text":
                continue
            text = _part_text(part)
            if text is None:
                continue
            new = strip_urls(text, html=part.get_content_subtype() in ("html", "xhtml"))
            del part["Content-Transfer-Encoding"]
            part.set_payload(new.encode("utf-8"))
            part["Content-Transfer-Encoding"] = "8bit"
            part.set_param("charset", "utf-8")
        out = io.BytesIO()
        BytesGenerator(out, mangle_from_=False, maxheaderlen=0).flatten(msg)
        return out.getvalue()
    except Exception:  # noqa: BLE001 - a report tool: fall back to the raw cut
        head, sep, body = data.partition(b"\n\n")
        cut = strip_urls(body.decode("utf-8", "surrogateescape"), html=True)
        return head + sep + cut.encode("utf-8", "surrogateescape")


def pasted_body(data: bytes, keep_links: bool) -> bytes:
    """The mail's body as a reader would paste it: no headers, the text the reader saw."""
    from bot.analysis.pipeline import BODY_CHARS, body_for_reading, prepare

    prepared = prepare(data)
    # what the reader saw: a mail client shows the HTML body when there is one (the plain part of a
    # multipart/alternative is often a stub: "view this mail in a browser")
    shown = [h.text for h, attached in zip(prepared.html, prepared.html_is_attachment, strict=False)
             if not attached and h.text.strip()]
    text = "\n\n".join(t.strip() for t in shown)[:BODY_CHARS] if shown else body_for_reading(prepared)
    if not keep_links:
        return strip_urls(text).encode("utf-8")
    if shown:  # an HTML mail: its link targets as references
        refs = [link.url for link in prepared.links if link.source == "html" and link.url not in text]
        if refs:
            text += "\n\nReferences\n" + "\n".join(f"[{i}] {u}" for i, u in enumerate(dict.fromkeys(refs), 1))
    return text.encode("utf-8")


def degrade(data: bytes, variant: str) -> bytes:
    if variant == "full":
        return data
    if variant == "no-links":
        return without_links(data)
    if variant == "body-only":
        return pasted_body(data, keep_links=True)
    if variant == "bare-text":
        return pasted_body(data, keep_links=False)
    raise ValueError(variant)


def _analyse(item: tuple[str, str]) -> dict[str, Any]:
    from bot.analysis.pipeline import analyse

    path, variant = item
    report = analyse(degrade(Path(path).read_bytes(), variant))
    return {
        "verdict": report.verdict,
        "score": report.score,
        "links": len(report.links),
        "findings": [f"{f.rule}:{f.severity}" for f in report.findings],
        "brand": report.brand.id if report.brand else None,
    }


def _groups(set_name: str) -> dict[str, list[dict[str, str]]]:
    if set_name == "brand-mail":
        files = sorted(BRAND_MAIL.glob("*.eml"))
        return {"brand-mail:ham": [{"file": p.name, "label": "ham", "path": str(p)} for p in files]}
    rows = mail_rows(set_name)
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        label = r.get("label", "?")
        if label not in BAD_LABELS and label != "ham":
            continue  # the corpus's "malformed" inputs are neither
        if set_name == "corpus" and label == "phish":
            name = "phish-ja" if r.get("language") == "ja" else "phish-other"
        elif set_name == "corpus":
            name = "ham"
        else:
            name = "unwanted" if label in BAD_LABELS else "ham"
        out[f"{set_name}:{name}"].append(r)
    return dict(sorted(out.items()))


def run(sets: list[str], jobs: int, list_misses: str | None) -> tuple[dict[str, Any], list[str]]:
    res: dict[str, Any] = {}
    lines = [f"{'set:group':24} {'n':>4}  " + "  ".join(f"{v:>22}" for v in VARIANTS)]
    for set_name in sets:
        t0 = time.perf_counter()
        for group, rows in _groups(set_name).items():
            bad = not group.endswith(":ham")
            items = [(r["path"], v) for v in VARIANTS for r in rows]
            results = _pool_map(_analyse, items, jobs)
            by_variant: dict[str, Any] = {}
            cells = []
            for i, variant in enumerate(VARIANTS):
                chunk = results[i * len(rows):(i + 1) * len(rows)]
                hit = [r for r in chunk if r["verdict"] != "no_signs"]
                verdicts = Counter(r["verdict"] for r in chunk)
                links = sum(r["links"] for r in chunk) / max(1, len(chunk))
                by_variant[variant] = {
                    "caught" if bad else "flagged": len(hit), "verdicts": dict(verdicts), "mean_links": round(links, 2),
                    "top_rules": Counter(f.split(":")[0] for r in hit for f in set(r["findings"])).most_common(8),
                }
                pct = 100 * len(hit) / max(1, len(chunk))
                cells.append(f"{len(hit):>4} ({pct:5.1f} %) l={links:5.1f}")
                if list_misses == group.split(":")[1] or list_misses == group:
                    wrong = [(row["file"], r) for row, r in zip(rows, chunk, strict=True)
                             if (r["verdict"] == "no_signs") == bad]
                    by_variant[variant]["files"] = [(f, r["verdict"], r["score"], r["findings"]) for f, r in wrong]
            res[group] = {"total": len(rows), "variants": by_variant}
            lines.append(f"{group:24} {len(rows):>4}  " + "  ".join(f"{c:>22}" for c in cells))
            for variant in VARIANTS:
                for f, verdict, score, findings in by_variant[variant].get("files", []):
                    lines.append(f"    {variant:10} {verdict:10} {score:3} {f}  {' '.join(findings)}")
        lines.append(f"({set_name}: {time.perf_counter() - t0:.1f} s)")
    return res, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--list-misses", metavar="GROUP",
                    help="list, per variant, the misses or false alarms of one group (phish-ja, unwanted, ham …)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = ap.parse_args(argv)
    if "tune" in args.sets and not (SHARED / "corpus-dev").is_dir():
        ap.error(f"{SHARED / 'corpus-dev'} not found")
    res, lines = run(args.sets, args.jobs, args.list_misses)
    print(json.dumps(res, ensure_ascii=False, indent=1) if args.json else "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
