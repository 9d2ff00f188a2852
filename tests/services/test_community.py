"""The shared log's use-cases without the CLI: raw-mail retention, tagged recipients, privacy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.services.community import Community, CommunityError, address_key
from bot.storage.database import Database
from bot.storage.shared_log import SharedLogStore
from tests.cli.test_shared_log_cli import seed_for

NOW = datetime(2021, 1, 25, tzinfo=UTC)
KEY = b"k" * 32


async def test_raw_mail_is_kept_only_when_asked_and_purged_after_retention(tmp_path) -> None:  # type: ignore[no-untyped-def]
    async with await Database.open(str(tmp_path / "c.db")) as db:
        comm = Community(SharedLogStore(db), KEY)
        await comm.submit_report(seed_for("a@example.jp", "1"), 1, 10, NOW, None)
        await comm.submit_report(seed_for("b@example.jp", "2"), 1, 11, NOW, None, keep_raw_days=30)
        async with db.conn.execute("SELECT count(*) FROM report WHERE raw IS NOT NULL") as cur:
            assert (await cur.fetchone())[0] == 1  # type: ignore[index]
        await comm.submit_report(seed_for("c@example.jp", "3"), 1, 12, NOW + timedelta(days=31), None)
        async with db.conn.execute("SELECT count(*) FROM report WHERE raw IS NOT NULL") as cur:
            assert (await cur.fetchone())[0] == 0  # type: ignore[index]


async def test_a_tagged_recipient_points_at_its_service(tmp_path) -> None:  # type: ignore[no-untyped-def]
    async with await Database.open(str(tmp_path / "c.db")) as db:
        comm = Community(SharedLogStore(db), KEY)
        done = await comm.submit_report(seed_for("taro+rakuten@example.jp", "t1"), 1, 10, NOW, None)
        await comm.submit_report(seed_for("hanako@example.jp", "t2"), 1, 11, NOW, None)
        await comm.register(1, 11, "hanako@example.jp", "amazon", "", NOW)
        await comm.register(1, 12, "other@example.jp", "amazon", "", NOW)
        assert done.stored.campaign_id
        view = await comm.campaign_view(1, done.stored.campaign_id)
        assert view is not None
        assert view["leak_ranking"][0]["service"] == "rakuten"  # the tag outweighs a popular service


async def test_member_input_errors_are_values_with_codes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    async with await Database.open(str(tmp_path / "c.db")) as db:
        comm = Community(SharedLogStore(db), KEY)
        for address, yes, no, code in (("nope", "amazon", "", "bad_address"), ("a@example.jp", "", "", "no_services"),
                                        ("a@example.jp", "amazon", "アマゾン", "contradiction")):
            with pytest.raises(CommunityError) as caught:
                await comm.register(1, 1, address, yes, no, NOW)
            assert caught.value.code == code
        with pytest.raises(CommunityError) as caught:
            await comm.submit_report(b"", 1, 1, NOW, None)
        assert caught.value.code == "unreadable"


def test_address_keys_are_keyed_and_normalised() -> None:
    assert address_key(KEY, "Taro@Example.JP ") == address_key(KEY, "taro@example.jp")
    assert address_key(KEY, "taro@example.jp") != address_key(b"x" * 32, "taro@example.jp")
