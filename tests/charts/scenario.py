"""The README's community scenario ("The shared log"), as members do it through ``phishbot``: three
members report the seed mail as each received it, five register where they gave their addresses
(one says "not 三井住友カード"), two vote. The docs' chart pictures and the chart tests start from it.

``pb(*args)`` runs one ``phishbot`` command (with ``--db`` added by the caller) and returns its
parsed JSON output: the tests run the CLI in process, ``bench/charts.py`` as separate processes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.cli.test_shared_log_cli import ADDRESSES, GUILD, A, B, C, D, E, seed_for


def community_scenario(pb: Callable[..., Any], folder: Path) -> str:
    """Builds the scenario; returns the seed campaign's id."""
    campaign = ""
    for member, mid in ((A, "a1"), (B, "b1"), (C, "c1")):
        mail = folder / f"{member}-{mid}.eml"
        mail.write_bytes(seed_for(ADDRESSES[member], mid))
        campaign = pb("report", str(mail), "--guild", GUILD, "--member", member, "--json", "--no-lookups")["campaign"]
    for member, address, yes, no in (
        (A, ADDRESSES[A], "amazon,楽天", ""),
        (B, ADDRESSES[B], "Amazon.co.jp, Yahoo!ショッピング", ""),
        (C, ADDRESSES[C], "アマゾン,aliexpress", "三井住友カード"),
        (D, "d@example.net", "rakuten,smbc-card", ""),
        (E, "e@example.net", "smbc-card,yahoo-shopping", ""),
    ):
        pb("leak", "register", "--guild", GUILD, "--member", member, "--address", address, "--services", yes,
           "--not", no, "--json")
    pb("leak", "vote", campaign, "amazon", "--guild", GUILD, "--member", A, "--json")
    pb("leak", "vote", campaign, "amazon", "--guild", GUILD, "--member", B, "--json")
    pb("leak", "vote", campaign, "楽天", "--guild", GUILD, "--member", D, "--json")  # a member who did not get it
    return str(campaign)
