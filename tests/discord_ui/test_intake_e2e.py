"""Auto-intake end to end: a member posts in a report channel of the fake Discord, the real bot
answers in a thread; the test reads what the bot really sent."""

from __future__ import annotations

import asyncio
from typing import Any

import aiosqlite

from bot.services.ports.guilds import SettingsChange
from tests.discord_ui.conftest import SEED_EML, SEED_PASTE, Running, custom_ids, embed_text
from tests.fakes.discord.state import GENERAL_ID, JA_REPORTS_ID, MEMBER_ID, OTHER_ID, REPORTS_ID, Perm

NO_PINGS: dict[str, list[str]] = {"parse": []}


def pings_nobody(message: dict[str, Any]) -> bool:
    """``{"parse": []}``; a reply adds ``replied_user: false`` (the member is not pinged either)."""
    mentions = dict(message["allowed_mentions"])
    return mentions.pop("parse") == [] and mentions in ({}, {"replied_user": False})


def bot_messages(running: Running) -> list[dict[str, Any]]:
    return list(running.fake.sent_messages)


async def analysis_in_thread(running: Running, count: int = 1) -> list[dict[str, Any]]:
    fake = running.fake
    await fake.wait_for(lambda _: len([m for m in fake.sent_messages if m.get("embeds")]) >= count, timeout=10)
    return [m for m in fake.sent_messages if m.get("embeds")]


def assert_seed_analysis(message: dict[str, Any]) -> None:
    text = embed_text(message)
    assert "フィッシング" in text  # the guild's preferred locale is ja
    assert "servicecc-jp[.]cc" in text and "servicecc-jp.cc" not in text  # defanged
    assert "t***@example.jp" in text and "taro.yamada@example.jp" not in text  # masked
    assert "三井住友カード" in text
    assert message["allowed_mentions"] == NO_PINGS


async def test_pasted_seed_is_answered_in_a_thread(running: Running) -> None:
    fake = running.fake
    posted = await fake.post_message(SEED_PASTE)
    [answer] = await analysis_in_thread(running)
    assert fake.threads and fake.threads[0]["message_id"] == int(posted["id"])
    assert answer["channel_id"] == fake.threads[0]["id"]
    assert_seed_analysis(answer)
    ids = custom_ids(answer)
    assert any(i.startswith("leak:vote:C-") for i in ids)
    assert any(i.startswith("report:text:R-") for i in ids)
    assert f"paste:delete:{REPORTS_ID}:{posted['id']}:{MEMBER_ID}" in ids
    # the paste's link previews are hidden (the bot may manage messages here)
    patch = await fake.wait_for(lambda r: r.method == "PATCH" and r.path.endswith(f"/messages/{posted['id']}"),
                                source="requests")
    assert patch.json["flags"] & 4  # SUPPRESS_EMBEDS
    assert all(pings_nobody(m) for m in fake.sent_messages)


async def test_eml_attachment_is_fetched_from_the_cdn(running: Running) -> None:
    fake = running.fake
    attachment = fake.add_attachment("seed.eml", SEED_EML, "message/rfc822")
    await fake.post_message("これ届きました", channel_id=JA_REPORTS_ID, attachments=[attachment])
    [answer] = await analysis_in_thread(running)
    assert_seed_analysis(answer)
    assert "ntc-cs[.]com" in embed_text(answer)  # the real sending domain from the headers
    assert "SPF" in embed_text(answer)
    assert any(r.path.startswith("/attachments/") for r in fake.requests)


async def test_long_paste_as_message_txt(running: Running) -> None:
    fake = running.fake
    attachment = fake.add_attachment("message.txt", SEED_PASTE.encode("utf-8"), "text/plain; charset=utf-8")
    await fake.post_message("", attachments=[attachment])
    [answer] = await analysis_in_thread(running)
    assert_seed_analysis(answer)


async def test_forwarded_message_snapshot_counts(running: Running) -> None:
    fake = running.fake
    await fake.post_message("", message_snapshots=[{"message": {"content": SEED_PASTE}}])
    [answer] = await analysis_in_thread(running)
    assert_seed_analysis(answer)


async def test_plain_chat_and_other_channels_are_left_alone(running: Running) -> None:
    fake = running.fake
    await fake.post_message("おはようございます。今日も暑いですね")
    await fake.post_message(SEED_PASTE, channel_id=GENERAL_ID)
    await fake.post_message("marker hxxps://example[.]com/x")  # a link: this one counts
    await analysis_in_thread(running)
    assert len(fake.threads) == 1


async def test_everyone_in_a_pasted_mail_pings_nobody(running: Running) -> None:
    fake = running.fake
    await fake.post_message("@everyone <@" + str(OTHER_ID) + "> 至急 https://login.example.com/verify",
                            mentions_everyone=True)
    await analysis_in_thread(running)
    assert fake.sent_messages and all(pings_nobody(m) for m in fake.sent_messages)
    assert "@everyone" not in "".join(embed_text(m) for m in fake.sent_messages)


async def test_twenty_pastes_are_rate_limited_politely(running: Running) -> None:
    fake = running.fake
    for i in range(20):
        await fake.post_message(f"Subject: test {i}\nhttps://login{i}.example.com/")
    await fake.wait_for(lambda m: "1 分間" in (m.get("content") or ""), timeout=10)
    await analysis_in_thread(running, count=5)  # the five within the limit are answered (slowly on a loaded machine)
    await asyncio.sleep(0.5)  # and no sixth follows
    assert len(fake.threads) == 5
    notices = [m for m in fake.sent_messages if "1 分間" in (m.get("content") or "")]
    assert len(notices) == 1  # one polite notice, not fifteen
    assert pings_nobody(notices[0])


async def test_missing_thread_permission_is_explained_in_the_channel(running: Running) -> None:
    fake = running.fake
    fake.forbid.add("create_thread")
    await fake.post_message(SEED_PASTE)
    [answer] = await analysis_in_thread(running)
    assert answer["channel_id"] == REPORTS_ID
    assert "公開スレッドの作成" in answer["content"]  # names the permission, in the guild's language
    assert pings_nobody(answer)
    answer = {**answer, "allowed_mentions": NO_PINGS}
    assert_seed_analysis(answer)


async def test_no_permission_at_all_does_not_crash_the_bot(running: Running) -> None:
    fake = running.fake
    await fake.set_bot_permissions(Perm.VIEW_CHANNEL | Perm.READ_MESSAGE_HISTORY)
    await fake.post_message(SEED_PASTE)
    await asyncio.sleep(0.5)
    await fake.set_bot_permissions(int(Perm.ALL))
    await fake.post_message("Subject: again\nhttps://login.example.com/")
    await analysis_in_thread(running)  # still alive and answering


async def test_unreadable_attachment_gets_a_clear_answer(running: Running) -> None:
    fake = running.fake
    attachment = fake.add_attachment("broken.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    await fake.post_message("", attachments=[attachment])
    notice = await fake.wait_for(lambda m: "broken.msg" in (m.get("content") or ""), timeout=10)
    assert "読み取れません" in notice["content"]
    assert "Traceback" not in notice["content"]


async def test_auto_delete_removes_the_paste_after_answering(running: Running) -> None:
    fake = running.fake
    assert running.bot is not None
    await running.bot.deps.guilds.change(int(fake_guild(fake)), SettingsChange(auto_delete=True))
    posted = await fake.post_message(SEED_PASTE)
    await analysis_in_thread(running)
    await fake.wait_for(lambda d: d[1] == int(posted["id"]), source="deleted_messages")


def fake_guild(fake: Any) -> int:
    from tests.fakes.discord.state import GUILD_ID

    return GUILD_ID


async def test_report_enters_the_shared_log(running: Running) -> None:
    fake = running.fake
    await fake.post_message(SEED_PASTE)
    await analysis_in_thread(running)
    async with aiosqlite.connect(running.settings.db_path) as db:
        async with db.execute("SELECT member_id, recipient_masked, verdict FROM report") as cur:
            rows = list(await cur.fetchall())
        async with db.execute("SELECT count(*) FROM report_text") as cur:
            texts = await cur.fetchone()
    assert rows == [(MEMBER_ID, "t***@example.jp", "phishing")]
    assert texts == (1,)
