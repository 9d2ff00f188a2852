"""/stats and /campaign with their charts, against the fake Discord: the PNG attached to the embed,
its description and the embed carrying the numbers, drawn in a worker thread, kept a minute per
guild (redrawn when the numbers change), and an answer without the picture when drawing fails."""

from __future__ import annotations

import threading
from typing import Any

from bot.discord_ui.charts import ChartCache
from tests.discord_ui.conftest import Running, custom_ids, embed_text
from tests.discord_ui.test_commands_e2e import campaign_of, reply_to, seed_thread_message
from tests.fakes.discord.state import OTHER_ID

PNG = b"\x89PNG\r\n\x1a\n"


def charts_of(running: Running) -> ChartCache:
    """The cog's chart cache (discord.py loads each extension as a module object of its own, so the
    cog is found by name, not by class)."""
    assert running.bot is not None
    found = getattr(running.bot.get_cog("Community"), "charts", None)
    assert found is not None and type(found).__name__ == "ChartCache"
    return found  # type: ignore[no-any-return]


def picture(message: dict[str, Any], filename: str) -> tuple[bytes, dict[str, Any]]:
    assert [f for f, _ in message["files"]] == [filename]
    (embed,) = message["embeds"]
    assert embed["image"]["url"] == f"attachment://{filename}"
    (attachment,) = message["attachments"]
    return message["files"][0][1], attachment


async def test_stats_has_its_chart_with_the_numbers_as_text(running: Running) -> None:
    fake = running.fake
    threads: list[str] = []
    charts = charts_of(running)
    real_draw = charts.draw

    def draw(chart: Any) -> bytes:
        threads.append(threading.current_thread().name)
        return real_draw(chart)

    charts.draw = draw
    await seed_thread_message(running)
    answer = await reply_to(running, await fake.slash("stats", locale="ja"), timeout=60)
    png, attachment = picture(answer, "stats.png")
    assert png.startswith(PNG) and 10_000 < len(png) < 400_000
    assert "フィッシング 1" in attachment["description"] and "三井住友カード 1" in attachment["description"]
    text = embed_text(answer)
    assert "報告 1 件(フィッシング 1 件、詐欺 0 件、マルウェア 0 件、迷惑メール 0 件、不審 0 件、兆候なし 0 件)" in text  # the text as before
    assert "の週: 1 件(フィッシング 1)" in text and "三井住友カード 1" in text  # and the chart's numbers
    assert answer["allowed_mentions"] == {"parse": []} and not answer["ephemeral"]
    assert threads and threading.main_thread().name not in threads  # drawn off the event loop

    # within the minute: the same picture, not drawn again; in English it is another picture
    again = await reply_to(running, await fake.slash("stats", locale="ja", author_id=OTHER_ID), timeout=60)
    assert picture(again, "stats.png")[0] == png and charts.drawn == 1
    english = await reply_to(running, await fake.slash("stats", locale="en-US"), timeout=60)
    assert "Phishing 1" in picture(english, "stats.png")[1]["description"] and charts.drawn == 2
    # a new report changes the numbers: drawn anew at once, never a stale picture beside new text
    await seed_thread_message(running, text=fake_second_paste())
    newer = await reply_to(running, await fake.slash("stats", locale="ja"), timeout=60)
    assert "フィッシング 2" in picture(newer, "stats.png")[1]["description"] and charts.drawn == 3


def fake_second_paste() -> str:
    from tests.discord_ui.conftest import SEED_PASTE

    return SEED_PASTE.replace("uid=8f3a91c2", "uid=00000002")


async def test_campaign_has_its_chart_and_keeps_its_vote_buttons(running: Running) -> None:
    fake = running.fake
    message = await seed_thread_message(running)
    campaign = campaign_of(message)
    pick = await fake.click(message, f"leak:vote:{campaign}")
    menu = await reply_to(running, pick)
    await reply_to(running, await fake.click(menu, f"leak:pick:{campaign}", values=["amazon"], component_type=3))
    asked = await fake.slash("campaign", options=[{"type": 3, "name": "campaign", "value": campaign}], locale="en-US")
    answer = await reply_to(running, asked, timeout=60)
    png, attachment = picture(answer, "campaign.png")
    assert png.startswith(PNG)
    assert f"Campaign {campaign}" in attachment["description"]
    assert "Amazon" in attachment["description"] and "votes: 1, from recipients: 1" in attachment["description"]
    text = embed_text(answer)
    assert "Reports over time" in text and " 1" in text
    assert any(i.startswith(f"leak:vote:{campaign}") for i in custom_ids(answer))


async def test_a_chart_that_cannot_be_drawn_costs_only_the_picture(running: Running, caplog: Any) -> None:
    fake = running.fake

    def broken(chart: Any) -> bytes:
        raise RuntimeError("no fonts today")

    charts_of(running).draw = broken
    await seed_thread_message(running)
    answer = await reply_to(running, await fake.slash("stats", locale="en-US"), timeout=60)
    assert answer["files"] == [] and not answer["ephemeral"]
    assert "1 report (1 phishing, 0 scam, 0 malware, 0 spam, 0 suspicious, 0 with no signs), 1 campaign" in embed_text(answer) and "Phishing 1" in embed_text(answer)
    assert any("could not be drawn" in r.getMessage() for r in caplog.records)


async def test_the_cache_keeps_a_minute_shares_a_drawing_and_survives_an_impatient_member() -> None:
    import asyncio

    from bot.charts.data import CampaignChart, StatsChart

    now = [0.0]
    started = threading.Event()
    release = threading.Event()

    def slow(chart: StatsChart | CampaignChart) -> bytes:
        started.set()
        release.wait(10)
        assert isinstance(chart, StatsChart)
        return PNG + chart.month.encode()

    cache = ChartCache(ttl=60, clock=lambda: now[0], draw=slow)
    chart = StatsChart("en", (), (), "November 2026", ())
    impatient = asyncio.create_task(cache.png(1, "stats", chart))
    patient = asyncio.create_task(cache.png(1, "stats", chart))
    await asyncio.to_thread(started.wait, 10)
    impatient.cancel()  # one member's interaction goes away: the other still gets the picture
    release.set()
    assert await patient == PNG + b"November 2026" and cache.drawn == 1
    cache.draw = lambda c: PNG + (c.month.encode() if isinstance(c, StatsChart) else b"")
    now[0] = 59.0
    assert await cache.png(1, "stats", chart) and cache.drawn == 1  # within the minute
    assert await cache.png(2, "stats", chart) and cache.drawn == 2  # per guild
    now[0] = 61.0
    assert await cache.png(1, "stats", chart) and cache.drawn == 3  # a minute later: drawn again
    other = StatsChart("en", (), (), "December 2026", ())
    assert await cache.png(1, "stats", other) == PNG + b"December 2026" and cache.drawn == 4  # new numbers


async def test_without_attach_files_the_answer_goes_without_the_picture(running: Running) -> None:
    from tests.fakes.discord.state import DEFAULT_BOT_PERMISSIONS, Perm

    fake = running.fake
    await seed_thread_message(running)
    await fake.set_bot_permissions(int(DEFAULT_BOT_PERMISSIONS) & ~int(Perm.ATTACH_FILES))
    answer = await reply_to(running, await fake.slash("stats", locale="en-US"), timeout=60)
    assert answer["files"] == [] and "Phishing 1" in embed_text(answer)
    assert charts_of(running).drawn == 0  # not even drawn


def test_a_long_series_fits_its_embed_field_in_whole_lines() -> None:
    from bot.discord_ui.charts import lines_value

    lines = [f"2021-01-{d:02d} {d}" for d in range(1, 32)] * 5
    value = lines_value(lines, "en")
    assert len(value) <= 1024
    kept = value.splitlines()
    assert kept[:-1] == lines[: len(kept) - 1] and kept[-1] == f"… and {len(lines) - len(kept) + 1} more"
    assert lines_value([], "ja") == "なし"
