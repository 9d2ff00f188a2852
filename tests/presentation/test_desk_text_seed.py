"""The desk text masks the member's names the same way in every run (found in round 9: two recipient names of
one length that differ only in case, "Customers" and "customers", were sorted by length alone, so the set's
hash-seed order decided whether the text read "C***" or "c***")."""

from __future__ import annotations

import os
import subprocess
import sys

MAIL = (
    b"From: Shop <news@example.com>\r\nTo: \"Customers\" <customers@example.net>\r\n"
    b"Subject: News\r\nMessage-ID: <1@example.com>\r\n\r\n"
    b"You are currently subscribed to customers as a member of Customers.\r\n"
)

SCRIPT = (
    "import sys\n"
    "from bot.analysis.pipeline import analyse\n"
    "from bot.presentation.desk_text import desk_text\n"
    "sys.stdout.write(desk_text(analyse(sys.stdin.buffer.read()), 'en'))\n"
)


def _run(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    return subprocess.run([sys.executable, "-c", SCRIPT], input=MAIL, env=env, capture_output=True, check=True,
                          timeout=120).stdout.decode()


def test_names_mask_alike_under_every_hash_seed() -> None:
    outputs = {_run(seed) for seed in range(6)}
    assert len(outputs) == 1
    text = outputs.pop()
    assert "customers" not in text.lower().replace("c***", "")
    assert "C***" in text  # the longer-or-equal names first, then in text order: "Customers" before "customers"
