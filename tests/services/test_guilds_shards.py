"""A guild's lifecycle when the bot runs in shards over one store: a process marks departed only
its own shards' guilds, and only the leading process does the housekeeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.services.guilds import Guilds
from bot.services.ports.guilds import FeatureChanges
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


async def test_a_guild_back_before_the_purge_is_not_purged(store_place: str) -> None:
    """Another process saw the bot return to the guild between the housekeeping's list and its
    purge: the purge re-checks in its own transaction and keeps the guild."""
    from bot.storage.open import open_store

    async with open_store(store_place) as stores:
        await stores.guilds.mark_left(SHARD1, NOW - timedelta(days=40))
        await stores.guilds.change_guild_features(SHARD1, FeatureChanges(link_watch="reply"), NOW)
        real = stores.guilds

        class Raced:  # the list is taken, then the guild comes back (another process's on_guild_join)
            def __getattr__(self, name: str) -> object:
                return getattr(real, name)

            async def guilds_left_before(self, cutoff: datetime) -> list[int]:
                listed = await real.guilds_left_before(cutoff)
                await real.mark_present(SHARD1)
                return listed

        guilds = Guilds(Raced(), stores.reports)  # type: ignore[arg-type]
        assert await guilds.housekeeping(NOW, lambda _: False) == 0
        assert (await stores.guilds.guild_features(SHARD1)).link_watch == "reply"  # kept
        await stores.guilds.mark_left(SHARD1, NOW - timedelta(days=40))
        assert await stores.guilds.purge_guild(SHARD1, NOW - timedelta(days=50)) is None  # left too recently
        assert (await stores.guilds.guild_features(SHARD1)).link_watch == "reply"
        assert await stores.guilds.purge_guild(SHARD1, NOW - timedelta(days=30)) == 2
