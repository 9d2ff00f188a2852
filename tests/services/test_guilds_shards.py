"""A guild's lifecycle when the bot runs in shards over one store: a process marks departed only
its own shards' guilds, and only the leading process does the housekeeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.services.guilds import Guilds
from bot.storage.sqlite import open_sqlite

NOW = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)
SHARD0, SHARD1 = 10 << 22, 11 << 22  # (id >> 22) % 2: shard 0, shard 1


async def test_a_process_never_marks_another_shards_guild_departed(tmp_path: Path) -> None:
    async with open_sqlite(str(tmp_path / "s.db")) as stores:
        await stores.guilds.mark_present(SHARD0)
        await stores.guilds.mark_present(SHARD1)
        shard0 = Guilds(stores.guilds, stores.reports)
        # the process of shard 0 starts: it is in SHARD0; SHARD1 is the other process's
        await shard0.present([SHARD0], NOW, owns=lambda g: (g >> 22) % 2 == 0)
        assert await stores.guilds.guilds_left_before(NOW + timedelta(days=1)) == []
        # without knowing its shards (one process for all) the same start marks SHARD1 departed
        await shard0.present([SHARD0], NOW)
        assert await stores.guilds.guilds_left_before(NOW + timedelta(days=1)) == [SHARD1]


async def test_only_the_leader_does_the_housekeeping(tmp_path: Path) -> None:
    async with open_sqlite(str(tmp_path / "s.db")) as stores:
        await stores.guilds.mark_left(SHARD1, NOW - timedelta(days=40))
        leading = [False]
        guilds = Guilds(stores.guilds, stores.reports, leading=lambda: leading[0], budgets=stores.budgets,
                        leases=stores.leases)
        assert await guilds.housekeeping(NOW, lambda _: False) is None
        assert await stores.guilds.guilds_left_before(NOW) == [SHARD1]  # untouched
        leading[0] = True
        assert await guilds.housekeeping(NOW, lambda _: False) == 1
        assert await stores.guilds.guilds_left_before(NOW) == []
