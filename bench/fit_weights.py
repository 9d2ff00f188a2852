"""Calibrate the weight table from data (issue 11, fourth round): does a fitted table beat the hand-set one?

The analysis already reduces a mail to its findings; the score is the sum of one weight per rule (its
highest severity). This script fits those weights on the **tune** half of ``../shared/corpus-dev``
only (honeypot ``unwanted/`` against ``ham/``) and measures every table by k-fold cross-validation
*inside* the tune half. The judged half is never read here.

- features: for each rule, "fired at ≥ low", "≥ medium", "≥ high" (cumulative, so a rule's weight
  can never fall as its severity rises); ``info`` findings weigh nothing, as in the product;
- model: logistic regression, L2-regularised toward the hand-set table (the prior), weights kept
  ≥ 0 (a finding never speaks for a mail), fitted by projected gradient descent with numpy;
- folds: by a salted hash of the manifest path (never by content), ``--folds`` of them;
- per fold: fit on the other folds, scale the fitted table so its threshold is ``FLAGGED_AT``,
  choose the threshold on the training folds as the lowest score keeping ham flagged ≤
  ``--ham-rate``, then count the held-out fold's unwanted caught and ham flagged;
- rules whose firing separates the two halves of the set by era rather than by intent
  (authentication results and transport notes: the ham is mostly from 2000–2002, before
  Authentication-Results headers existed) are held at their hand-set weights (``--free-transport``
  lifts that, to show what the era would buy);
- the hand-set table is scored on the same folds (it is not fitted, so its CV figure is its
  tune figure).

    python bench/fit_weights.py --collect            # analyse the tune half once (seconds to minutes), cache findings
    python bench/fit_weights.py                      # CV: hand-set vs fitted, several regularisations
    python bench/fit_weights.py --table --l2 1.0     # the rounded table fitted on the whole tune half

Deterministic: fixed folds, fixed start (the hand-set table), fixed step count. The product keeps
a plain weight table (``bot/analysis/scoring.py``); this script only proposes one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.evaluate import _pool_map, mail_rows  # noqa: E402
from bot.analysis.scoring import FLAGGED_AT, WEIGHTS  # noqa: E402

CACHE = Path("/tmp/phishbot-fit-tune.json")
FOLD_SALT = "phishbot/issue-11/fit-folds-v1"
LEVELS = ("low", "medium", "high")
# Rules that read the receiving servers' notes: they separate 2020s mail from 2002 mail by era
# (no Authentication-Results, no Microsoft compauth before ~2010), not by intent.
TRANSPORT = frozenset({
    "dmarc_fail", "spf_fail", "dkim_fail", "compauth_fail", "no_reverse_dns", "envelope_mismatch",
    "throwaway_tenant", "unverified_sender",
})


def fold_of(rel_path: str, k: int) -> int:
    digest = hashlib.sha256(f"{FOLD_SALT}:{rel_path}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % k


def _findings(path: str) -> dict[str, Any]:
    from bot.analysis.pipeline import analyse

    report = analyse(Path(path).read_bytes())
    return {"verdict": report.verdict, "score": report.score,
            "findings": sorted({f"{f.rule}:{f.severity}" for f in report.findings})}


def collect(jobs: int, cache: Path = CACHE) -> None:
    rows = [r for r in mail_rows("tune") if r["label"] in ("unwanted", "ham")]
    results = _pool_map(_findings, [r["path"] for r in rows], jobs)
    out = [{"file": r["file"], "label": r["label"], "group": r["group"], **res}
           for r, res in zip(rows, results, strict=True)]
    cache.write_text(json.dumps(out))
    print(f"{len(out)} mails analysed, cached in {cache}")


# --- features and tables ---------------------------------------------------------------------


def feature_names() -> list[str]:
    return [f"{rule}>={lvl}" for rule in WEIGHTS for lvl in LEVELS]


def matrix(data: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    names = {n: i for i, n in enumerate(feature_names())}
    x = np.zeros((len(data), len(names)))
    y = np.array([1.0 if d["label"] == "unwanted" else 0.0 for d in data])
    for i, d in enumerate(data):
        best: dict[str, int] = {}
        for f in d["findings"]:
            rule, sev = f.split(":")
            if sev in LEVELS and rule in WEIGHTS:
                best[rule] = max(best.get(rule, 0), LEVELS.index(sev) + 1)
        for rule, top in best.items():
            for j in range(top):
                x[i, names[f"{rule}>={LEVELS[j]}"]] = 1.0
    return x, y


def table_to_vector(table: dict[str, dict[str, int]]) -> np.ndarray:
    v = []
    for rule in WEIGHTS:
        prev = 0
        for lvl in LEVELS:
            w = table[rule][lvl]
            v.append(max(0, w - prev))
            prev = max(prev, w)
    return np.array(v, dtype=float)


def vector_to_table(v: np.ndarray) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r, rule in enumerate(WEIGHTS):
        acc = 0.0
        row = {"info": 0}
        for j, lvl in enumerate(LEVELS):
            acc += float(v[3 * r + j])
            row[lvl] = int(5 * round(acc / 5))  # readable: multiples of 5
        out[rule] = row
    return out


def scores(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    out: np.ndarray = np.minimum(100.0, x @ w)
    return out


# --- fitting ---------------------------------------------------------------------------------


def fit(x: np.ndarray, y: np.ndarray, prior: np.ndarray, l2: float, frozen: np.ndarray,
        toward_prior: bool = True, steps: int = 4000, lr: float = 0.05) -> np.ndarray:
    """L2-regularised logistic regression on the score scale, weights ≥ 0, shrunk toward ``prior``.

    The model is P(unwanted) = σ((x·w − FLAGGED_AT) / T): a fixed temperature T = 10 points puts
    the fitted weights on the table's own scale (the threshold stays FLAGGED_AT)."""
    temp = 10.0
    w = prior.copy()
    n = len(y)
    centre = prior if toward_prior else np.zeros_like(prior)
    # weight the classes equally: the table's job is the trade-off, not the sets' sizes
    cw = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum())) * n
    step = lr * 100
    shrink = step * l2 / n
    for _ in range(steps):
        z = (x @ w - FLAGGED_AT) / temp
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        grad = x.T @ (cw * (p - y)) / (n * temp)
        # proximal step for the L2 term: stable for any strength
        w = (w - step * grad + shrink * centre) / (1 + shrink)
        w = np.maximum(0.0, w)
        w[frozen] = prior[frozen]
    return w


def fit_plain(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 6000, lr: float = 0.5) -> np.ndarray:
    """Ordinary L2-regularised logistic regression (free intercept, weights ≥ 0, shrunk toward 0);
    the weights come back on the table's scale: multiplied so the intercept's threshold is FLAGGED_AT."""
    n, m = x.shape
    beta, b = np.zeros(m), 0.0
    cw = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum())) * n
    shrink = lr * l2 / n
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ beta + b, -30, 30)))
        r = cw * (p - y) / n
        beta = np.maximum(0.0, (beta - lr * (x.T @ r)) / (1 + shrink))
        b -= lr * float(r.sum())
    return beta * (FLAGGED_AT / max(1e-9, -b))


def choose_threshold(s: np.ndarray, y: np.ndarray, ham_rate: float) -> float:
    """The lowest threshold keeping the ham flagged at or below ``ham_rate`` (never below 30)."""
    ham = np.sort(s[y == 0])[::-1]
    allowed = int(np.floor(ham_rate * len(ham)))
    t = ham[allowed] + 1e-9 if allowed < len(ham) else 0.0
    return float(max(FLAGGED_AT, t))


def evaluate(s: np.ndarray, y: np.ndarray, t: float) -> tuple[int, int, int, int]:
    flagged = s >= t
    return int((flagged & (y == 1)).sum()), int((y == 1).sum()), int((flagged & (y == 0)).sum()), int((y == 0).sum())


def cv(data: list[dict[str, Any]], k: int, l2: float, free_transport: bool, ham_rate: float,
       fitted: bool, toward_prior: bool = True, fixed_threshold: bool = False) -> tuple[int, int, int, int]:
    x, y = matrix(data)
    folds = np.array([fold_of(d["file"], k) for d in data])
    prior = table_to_vector(WEIGHTS)
    frozen = np.array([n.split(">=")[0] in TRANSPORT and not free_transport for n in feature_names()])
    tot = np.zeros(4, dtype=int)
    for f in range(k):
        tr, te = folds != f, folds == f
        if fitted:
            raw = fit(x[tr], y[tr], prior, l2, frozen) if toward_prior else fit_plain(x[tr], y[tr], l2)
            w = table_to_vector(vector_to_table(raw))
            t = float(FLAGGED_AT) if fixed_threshold else choose_threshold(scores(x[tr], w), y[tr], ham_rate)
        else:
            w, t = prior, float(FLAGGED_AT)
        tot += np.array(evaluate(scores(x[te], w), y[te], t))
    return int(tot[0]), int(tot[1]), int(tot[2]), int(tot[3])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collect", action="store_true", help="analyse the tune half and cache the findings")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=CACHE, help=f"where the findings are cached (default {CACHE})")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--ham-rate", type=float, default=0.005, help="ham flagged allowed when choosing a threshold")
    ap.add_argument("--l2", type=float, nargs="+", default=[0.1, 1.0, 10.0, 100.0])
    ap.add_argument("--free-transport", action="store_true", help="fit the transport rules too (era-confounded)")
    ap.add_argument("--toward-zero", action="store_true", help="shrink toward 0 (plain L2) instead of the hand-set table")
    ap.add_argument("--fixed-threshold", action="store_true", help=f"keep the threshold at {FLAGGED_AT} instead of choosing it")
    ap.add_argument("--table", action="store_true", help="print the table fitted on the whole tune half (first --l2)")
    args = ap.parse_args(argv)
    if args.collect:
        collect(args.jobs, args.cache)
        return 0
    data = json.loads(args.cache.read_text())
    u, nu, h, nh = cv(data, args.folds, 0, args.free_transport, args.ham_rate, fitted=False)
    print(f"hand-set table, threshold {FLAGGED_AT}: unwanted {u}/{nu} ({100 * u / nu:.1f} %), "
          f"ham {h}/{nh} ({100 * h / nh:.2f} %)")
    for l2 in args.l2:
        u, nu, h, nh = cv(data, args.folds, l2, args.free_transport, args.ham_rate, fitted=True,
                          toward_prior=not args.toward_zero, fixed_threshold=args.fixed_threshold)
        print(f"fitted, l2={l2:g}, {args.folds}-fold CV: unwanted {u}/{nu} ({100 * u / nu:.1f} %), "
              f"ham {h}/{nh} ({100 * h / nh:.2f} %)")
    if args.table:
        x, y = matrix(data)
        prior = table_to_vector(WEIGHTS)
        frozen = np.array([n.split(">=")[0] in TRANSPORT and not args.free_transport for n in feature_names()])
        raw = fit(x, y, prior, args.l2[0], frozen) if not args.toward_zero else fit_plain(x, y, args.l2[0])
        table = vector_to_table(raw)
        for rule, row in table.items():
            if row != WEIGHTS[rule]:
                print(f"  {rule:24s} {WEIGHTS[rule]} -> {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
