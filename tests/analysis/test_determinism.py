"""The same input gets the same report in every process. Python salts the hash of strings per
process (PYTHONHASHSEED), so anything that picks "the first" from a set's order — a brand among two
the mail names equally, a look-alike one edit from two names — changed from run to run: the JSON
of `phishbot analyze` over corpus-dev differed between two runs, and a kit's host written
`paypaiy` was PayPal in one process and PayPay in the next."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
import json
from bot.analysis.pipeline import analyse
inputs = [
    b"https://logiins-paypaiy.secure-login-jp-info.test/",  # one edit from PayPal and from PayPay
    b"https://paypaiy.secure-login-jp-info.test/",
    b'From: "Bradesco PicPay" <a@example.net>\nTo: b@example.jp\nSubject: aviso\n\n'
    b"Acesse https://acesso.example.net/ para confirmar.\n",  # two brands named alike in one name
    b'From: "Amazon PayPay Rakuten" <a@example.net>\nTo: b@example.jp\nSubject: notice\n\n'
    b"Sign in at https://signin.example.net/ now.\n",
]
out = []
for data in inputs:
    report = analyse(data)
    out.append([report.verdict, report.score, report.brand.id if report.brand else None,
                [(f.rule, f.severity, sorted(f.params)) for f in report.findings]])
print(json.dumps(out))
"""


def _run(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    return done.stdout


def test_reports_do_not_depend_on_the_process_s_hash_seed() -> None:
    first = _run(1)
    assert '"paypa' in first  # the look-alike names a brand at all
    for seed in (2, 3, 4, 5):
        assert _run(seed) == first, seed
