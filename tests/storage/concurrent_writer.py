"""One writer process of ``test_concurrency.py``: ``python -m tests.storage.concurrent_writer
LOCATION WORKER ROUNDS`` opens the store at LOCATION (a file or a postgresql:// address) and, for
ROUNDS rounds, as member ``1000 + WORKER``: reports mails that every worker also reports (dedupe, a
second member), reports a mail of its own that joins the one campaign, registers an address
(the guild's counts), and changes its vote on the campaign. It prints the campaign ids it saw."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.services.ports.members import ServiceClaim
from bot.storage.open import open_store
from tests.storage.test_shared_log import new_report

NOW = datetime(2021, 1, 25, tzinfo=UTC)
SERVICES = ("amazon", "rakuten", "mercari")


async def main(location: str, worker: int, rounds: int) -> None:
    member = 1000 + worker
    campaigns: set[str] = set()
    async with open_store(location) as stores:
        for n in range(rounds):
            when = NOW + timedelta(minutes=n)
            shared = replace(new_report(n), member_id=member, public_id=f"R-{worker:02d}{n:08d}", created_at=when)
            own = replace(new_report(10_000 + worker * 1000 + n), member_id=member, created_at=when)
            for entry in (shared, own):
                saved = await stores.reports.save_report(entry)
                campaigns.add(saved.campaign_id or "")
            await stores.members.register(1, member, f"addr-{n % 3}", "x***@example.jp",
                                          [ServiceClaim(SERVICES[(n + worker) % 3], "S", (n + worker) % 2 == 0)], when)
            await stores.members.vote(1, next(iter(campaigns)), member, SERVICES[n % 3], when)
    print(" ".join(sorted(campaigns)))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
