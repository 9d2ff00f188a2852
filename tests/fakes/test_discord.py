"""The fake Discord against the real discord.py client: login, gateway, messages, threads, slash commands,
buttons (DynamicItem), modals, the CDN, refusals, reconnects, and the in-thread variant."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from discord import app_commands

from tests.fakes.discord.driver import FakeDiscord, discord_in_thread
from tests.fakes.discord.state import (
    BOT_ID,
    GENERAL_ID,
    GUILD_ID,
    INTENT_MESSAGE_CONTENT,
    JA_REPORTS_ID,
    MEMBER_ID,
    OTHER_ID,
    REPORTS_ID,
    Perm,
)


class VoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"t:vote:(?P<n>[0-9]+)"):
    def __init__(self, n: int) -> None:
        super().__init__(discord.ui.Button(label="vote", custom_id=f"t:vote:{n}"))
        self.n = n

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Any) -> VoteButton:
        return cls(int(match["n"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        interaction.client.clicks.append((self.n, interaction.user.id, str(interaction.locale)))  # type: ignore[attr-defined]
        if self.n == 1:
            await interaction.response.send_message(f"voted {self.n}", ephemeral=True)
            return
        view = discord.ui.View(timeout=None)
        view.add_item(VoteButton(self.n + 1))
        await interaction.response.edit_message(content=f"votes: {self.n}", view=view)  # an UPDATE_MESSAGE (7)


class Feedback(discord.ui.Modal, title="Feedback"):
    subject: discord.ui.TextInput[Any] = discord.ui.TextInput(label="Subject", custom_id="subject")
    body: discord.ui.Label[Feedback] = discord.ui.Label(text="Body", component=discord.ui.TextInput(custom_id="body", style=discord.TextStyle.long,
                                                                        required=False))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        body = self.body.component.value  # type: ignore[attr-defined]
        await interaction.response.send_message(f"{self.subject.value}|{body}", ephemeral=True)


class MiniBot(discord.Client):
    def __init__(self, *, sync: bool = True, content_intent: bool = True) -> None:
        intents = discord.Intents.default()
        intents.message_content = content_intent
        super().__init__(intents=intents, guild_ready_timeout=0.1)
        self.tree = app_commands.CommandTree(self)
        self.sync = sync
        self.clicks: list[tuple[int, int, str]] = []
        self.seen: list[discord.Message] = []
        self.ready = asyncio.Event()

        @self.tree.command(name="ping", description="answers pong")
        async def ping(interaction: discord.Interaction) -> None:
            await interaction.response.send_message(f"pong {interaction.guild_locale}", ephemeral=True)

        @self.tree.command(name="slow", description="defers, then follows up")
        async def slow(interaction: discord.Interaction, file: discord.Attachment) -> None:
            await interaction.response.defer(thinking=True)
            data = await file.read()
            await interaction.followup.send(f"{file.filename}: {len(data)} bytes")
            original = await interaction.original_response()
            await interaction.edit_original_response(content=f"{original.content} (checked)")

        @self.tree.command(name="feedback", description="opens a modal")
        async def feedback(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(Feedback())

        @app_commands.context_menu(name="Report message")
        async def report(interaction: discord.Interaction, message: discord.Message) -> None:
            await interaction.response.send_message(f"reported {message.id}: {message.content}", ephemeral=True)

        self.tree.add_command(report)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(VoteButton)
        if self.sync:
            await self.tree.sync()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        pass  # discord.py sleeps 5 s before every non-initial IDENTIFY

    async def on_ready(self) -> None:
        self.ready.set()

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        self.seen.append(message)
        if message.content == "delete me":
            await message.delete()
            return
        if message.attachments:
            data = await message.attachments[0].read()
            await message.channel.send(f"read {len(data)} bytes: {data.decode()}")
            return
        thread = await message.create_thread(name=f"report {message.id}")
        view = discord.ui.View(timeout=None)
        view.add_item(VoteButton(1))
        view.add_item(VoteButton(2))
        await thread.send("got it", embed=discord.Embed(title="report", description=message.content[:100]),
                          allowed_mentions=discord.AllowedMentions.none(), view=view)


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    fake.patch_discord(monkeypatch)
    try:
        yield fake
    finally:
        await fake.close()


async def run_bot(fake: FakeDiscord, **kw: Any) -> tuple[MiniBot, asyncio.Task[None]]:
    client = MiniBot(**kw)
    task = asyncio.create_task(client.start(fake.token))
    await fake.wait_ready()
    await asyncio.wait_for(client.ready.wait(), 5)
    return client, task


async def stop(client: discord.Client, task: asyncio.Task[None]) -> None:
    await client.close()
    await asyncio.wait_for(task, 5)


async def test_login_gateway_and_thread_reply(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake)
    try:
        assert client.user is not None and client.user.id == BOT_ID
        guild = client.get_guild(GUILD_ID)
        assert guild is not None and str(guild.preferred_locale) == "ja"
        assert {c.name for c in guild.text_channels} == {"phishing-reports", "フィッシング報告", "general"}
        assert guild.me.guild_permissions.create_public_threads and not guild.me.guild_permissions.administrator
        assert fake.identify is not None and fake.identify["intents"] & INTENT_MESSAGE_CONTENT
        assert fake.gateway_queries[0].get("compress") == "zlib-stream"  # asked for, yet plain text frames work
        assert {c["name"] for c in fake.commands["global"]} == {"ping", "slow", "feedback", "Report message"}

        posted = await fake.post_message(f"hello <@{OTHER_ID}>")
        thread = await fake.wait_for(lambda t: True, source="threads")
        assert thread["parent_id"] == REPORTS_ID and thread["message_id"] == int(posted["id"])
        assert thread["name"] == f"report {posted['id']}"
        reply = await fake.wait_for(lambda m: m["channel_id"] == thread["id"])
        assert reply["content"] == "got it" and reply["via"] == "channel"
        assert reply["allowed_mentions"] == {"parse": []}
        assert reply["embeds"][0]["description"] == f"hello <@{OTHER_ID}>"
        assert client.seen[0].mentions[0].id == OTHER_ID
        assert client.get_channel(thread["id"]) is not None  # THREAD_CREATE reached the cache

        await fake.click(reply, "t:vote:1", author_id=OTHER_ID, locale="en-US")
        cb = await fake.wait_for(lambda c: c["type"] == 4, source="callbacks")
        assert cb["data"]["content"] == "voted 1" and cb["data"]["flags"] & 64
        assert client.clicks == [(1, OTHER_ID, "en-US")]
        answer = await fake.wait_for(lambda m: m["via"] == "interaction")
        assert answer["ephemeral"] and answer["interaction_id"] == cb["interaction_id"]

        await fake.click(reply, "t:vote:2")  # the button edits its own message
        edited = await fake.wait_for(lambda m: m["via"] == "edit")
        assert edited["id"] == reply["id"] and edited["content"] == "votes: 2"
        assert edited["components"][0]["components"][0]["custom_id"] == "t:vote:3"
        await fake.click(edited, "t:vote:3")  # the fake keeps the latest version of the message
        await fake.wait_for(lambda m: m["content"] == "votes: 3")
        with pytest.raises(AssertionError):
            await fake.click(edited, "t:vote:2")
        assert [n for n, _, _ in client.clicks] == [1, 2, 3]
    finally:
        await stop(client, task)


async def test_slash_command_answers_ephemerally(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake)
    try:
        await fake.slash("ping", channel_id=JA_REPORTS_ID)
        cb = await fake.wait_for(lambda c: True, source="callbacks")
        assert cb["type"] == 4 and cb["data"]["flags"] == 64 and cb["data"]["content"] == "pong ja"
        sent = fake.sent_messages[-1]
        assert sent["channel_id"] == JA_REPORTS_ID and sent["via"] == "interaction"
        rec = next(r for r in fake.requests if r.route == "interaction_callback")
        assert rec.query == {"with_response": "1"} and rec.status == 200
    finally:
        await stop(client, task)


async def test_defer_followup_with_attachment_option(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake)
    try:
        att = fake.add_attachment("mail.eml", b"Subject: hi\r\n\r\nbody", "message/rfc822")
        await fake.slash("slow", options=[{"name": "file", "type": 11, "value": att["id"]}])
        follow = await fake.wait_for(lambda m: m["via"] == "followup")
        assert follow["content"] == "mail.eml: 19 bytes" and not follow["ephemeral"]
        assert [c["type"] for c in fake.callbacks] == [5]
        edit = await fake.wait_for(lambda m: m["via"] == "edit")
        assert edit["id"] == follow["id"] and edit["content"] == "mail.eml: 19 bytes (checked)"
        assert [r.route for r in fake.requests if r.path.startswith("/webhooks")] == [
            "followup", "get_interaction_message", "edit_interaction_message"]
        assert any(r.route == "cdn" for r in fake.requests)
    finally:
        await stop(client, task)


async def test_modal_roundtrip_and_context_menu(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake)
    try:
        await fake.slash("feedback")
        modal = await fake.wait_for(lambda c: c["type"] == 9, source="callbacks")
        assert [c["type"] for c in modal["data"]["components"]] == [1, 18]  # an action row and a label
        with pytest.raises(AssertionError):
            await fake.submit_modal(modal["data"]["custom_id"], {"nope": "x"})
        await fake.submit_modal(modal["data"]["custom_id"], {"subject": "spam", "body": "many lines"})
        answer = await fake.wait_for(lambda m: m["content"].startswith("spam"))
        assert answer["content"] == "spam|many lines" and answer["ephemeral"]

        client.seen.clear()
        target = await fake.post_message("delete me", author_id=OTHER_ID)
        await fake.wait_for(lambda d: True, source="deleted_messages")
        assert fake.deleted_messages == [(REPORTS_ID, int(target["id"]))]

        target = await fake.post_message("look at this", channel_id=JA_REPORTS_ID)
        await fake.wait_for(lambda m: m["via"] == "channel" and m["content"] == "got it")
        await fake.context_menu("Report message", target)
        answer = await fake.wait_for(lambda m: m["content"].startswith("reported"))
        assert answer["content"] == f"reported {target['id']}: look at this"
    finally:
        await stop(client, task)


async def test_attachment_read_through_the_cdn(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake)
    try:
        att = fake.add_attachment("a.txt", b"phish", "text/plain")
        await fake.post_message("", attachments=[att])
        reply = await fake.wait_for(lambda m: m["content"].startswith("read"))
        assert reply["content"] == "read 5 bytes: phish"
    finally:
        await stop(client, task)


async def test_refusals_are_discord_errors(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake)
    try:
        channel = client.get_channel(GENERAL_ID)
        assert isinstance(channel, discord.TextChannel)
        fake.forbid.add("send_message")
        with pytest.raises(discord.Forbidden) as forbidden:
            await channel.send("x")
        assert forbidden.value.code == 50013
        fake.forbid.clear()
        with pytest.raises(discord.HTTPException) as err:
            await channel.send("x" * 2001)
        assert err.value.code == 50035
        with pytest.raises(discord.HTTPException) as err:
            await channel.send(embed=discord.Embed(description="x" * 4097))
        assert err.value.code == 50035
        await fake.set_bot_permissions(fake.bot_permissions & ~Perm.CREATE_PUBLIC_THREADS)
        msg = await channel.send("ok")
        assert not channel.permissions_for(channel.guild.me).create_public_threads  # the client saw the role update
        with pytest.raises(discord.Forbidden):
            await msg.create_thread(name="t")
        assert [m["content"] for m in fake.sent_messages] == ["ok"]
        with pytest.raises(discord.NotFound):
            await client.http.request(discord.http.Route("GET", "/no/such/route"))
        assert fake.requests[-1].route == "unknown" and fake.requests[-1].status == 404
    finally:
        await stop(client, task)


async def test_reject_login(fake: FakeDiscord) -> None:
    fake.reject_login = True
    client = MiniBot(sync=False)
    try:
        with pytest.raises(discord.LoginFailure):
            await client.login(fake.token)
    finally:
        await client.close()


async def test_wrong_token_is_refused(fake: FakeDiscord) -> None:
    client = MiniBot(sync=False)
    try:
        with pytest.raises(discord.LoginFailure):
            await client.login("not-the-token")
    finally:
        await client.close()


async def test_without_content_intent_messages_come_blank(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake, content_intent=False, sync=False)
    try:
        await fake.post_message("secret")
        await fake.post_message(f"<@{BOT_ID}> visible")
        for _ in range(100):
            if len(client.seen) == 2:
                break
            await asyncio.sleep(0.01)
        assert [m.content for m in client.seen] == ["", f"<@{BOT_ID}> visible"]
    finally:
        await stop(client, task)


async def test_reconnect_resumes_or_reidentifies(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake, sync=False)
    try:
        await fake.disconnect_clients()
        for _ in range(300):
            if fake.resumed_count:
                break
            await asyncio.sleep(0.01)
        assert fake.resumed_count == 1
        await fake.disconnect_clients(invalidate_sessions=True)
        await fake.wait_ready(count=2)
        await fake.post_message("after restart")
        await fake.wait_for(lambda m: m["content"] == "got it")
    finally:
        await stop(client, task)


async def test_forward_snapshot_reaches_the_client(fake: FakeDiscord) -> None:
    client, task = await run_bot(fake, sync=False)
    try:
        await fake.post_message("", message_snapshots=[{"content": "forwarded mail text"}])
        await fake.wait_for(lambda m: m["content"] == "got it")
        assert client.seen[0].message_snapshots[0].content == "forwarded mail text"
    finally:
        await stop(client, task)


async def test_discord_in_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    with discord_in_thread() as fake:
        fake.patch_discord(monkeypatch)
        client = MiniBot()
        task = asyncio.create_task(client.start(fake.token))
        try:
            await fake.acall(fake.wait_ready)
            posted = await fake.acall(fake.post_message, "from another loop", author_id=MEMBER_ID)
            reply = await fake.acall(fake.wait_for, lambda m: m["content"] == "got it")
            assert reply["channel_id"] == int(posted["id"])
            with pytest.raises(RuntimeError):
                FakeDiscord().call(fake.wait_ready)
        finally:
            await stop(client, task)
