"""``bench/hostile.py --network`` runs and judges (its cheap families: the slow ones are the bench's; the time
limit is loose here, speed lives in bench/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_network_families_run_and_judge() -> None:
    proc = subprocess.run([sys.executable, "bench/hostile.py", "--network", "--max-seconds", "120", "--only", "feed_json_depth",
                           "rdap_json_depth", "rdap_redirects", "whois_flood@5"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "summary: 9 network inputs, 0 failing" in proc.stdout
    assert "redirect_refused after 2 requests" in proc.stdout and "redirect_loop after 4 requests" in proc.stdout
