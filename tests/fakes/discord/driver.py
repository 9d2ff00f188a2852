"""A fake Discord (API v10 REST + gateway websocket) on 127.0.0.1 for the real, unmodified discord.py:
the driver tests use (``FakeDiscord``: start it, act as members, wait for what the bot sends), over
the world (``state.py``), the gateway (``gateway.py``) and the REST routes (``rest.py``).

In an async test (pytest-asyncio)::

    fake = FakeDiscord()
    await fake.start()
    fake.patch_discord(monkeypatch)   # discord.http.Route.BASE and DiscordWebSocket.DEFAULT_GATEWAY
    client = MyBot(intents=..., guild_ready_timeout=0.1)
    task = asyncio.create_task(client.start(fake.token))
    try:
        await fake.wait_ready()                           # IDENTIFY seen, READY + GUILD_CREATE sent
        await fake.post_message("hello")                  # MESSAGE_CREATE by taro in #phishing-reports
        reply = await fake.wait_for(lambda m: m["via"] == "channel")
        await fake.click(reply, "vote:1")                 # INTERACTION_CREATE carrying the bot's message
        cb = await fake.wait_for(lambda c: c["type"] == 4, source="callbacks")
    finally:
        await client.close()
        await fake.close()

For a bot in another process (``phishbot run``) use ``with discord_in_thread() as fake:``: the fake then
serves from its own event loop in a thread. Call its coroutine methods with ``fake.call(fake.post_message,
"hi")`` from synchronous code (blocks until done), or ``await fake.acall(fake.post_message, "hi")`` from
another event loop (never ``call`` from a loop that runs the client: it would block that client).

The world: one guild (GUILD_ID, "Example Guild", preferred_locale = guild_locale) with a category and three
text channels, the bot member (role with exactly ``bot_permissions``; @everyone grants nothing), taro
(MEMBER_ID), hanako (OTHER_ID) and an administrator (ADMIN_ID, also the owner). ``FakeDiscord(guilds=N)``
adds N - 1 copies of that guild: guild k's ids (the guild's, its category's and channels') are the
first's plus ``k << 22`` (``state.in_guild(k, REPORTS_ID)``), so consecutive guilds fall on consecutive
shards; every event of a guild goes to the connection of its shard.

Sharding, as Discord does it: IDENTIFY may carry ``shard: [id, count]`` (an invalid one is closed with
4010); that connection's READY lists, and GUILD_CREATE sends, only the guilds with
``(guild_id >> 22) % count == id``, and it gets only their events (events without a guild: shard 0).
``GET /gateway/bot`` answers ``shards: recommended_shards`` (``FakeDiscord(shards=N)``). ``identifies``
keeps every IDENTIFY; ``wait_ready(count=N)`` waits for N shards (or processes) to be ready.

Records for assertions: ``requests`` (every REST and CDN request, unknown routes too, as ``Recorded``),
``sent_messages`` (every message the bot created or edited; ids as ints, plus ``via``, ``allowed_mentions``,
``files``, ``interaction_id``, ``ephemeral``), ``threads``, ``deleted_messages``, ``callbacks``,
``commands``, ``identify``, ``dispatched`` (every gateway event sent).

Like Discord it checks: the token (401), the bot role's permissions (403 code 50013: send, files, threads,
deleting others' messages; embeds are dropped without Embed Links), message and embed limits (400 code
50035), command names (lowercase, <= 32 chars, also their localizations), one callback per interaction
(400 code 40060), the message-content intent (content, embeds, attachments and components of others'
messages are blanked unless the bot is mentioned). ``forbid`` forces 403 on named routes: get_me,
application_info, send_message, get_message, edit_message, delete_message, create_thread (both thread
routes), typing, add_reaction, remove_reaction, interaction_callback, followup,
get_interaction_message, edit_interaction_message, delete_interaction_message, sync_commands,
get_commands, get_guild, get_guild_channels, get_member, get_channel, cdn. Bot messages are echoed as
MESSAGE_CREATE/UPDATE (``echo_bot_messages``), as Discord does; ephemeral ones are not. Change the bot's
permissions mid-test with ``await fake.set_bot_permissions(...)`` so the client's cache follows.

discord.py 2.7.1 facts this relies on: Client.connect never calls GET /gateway/bot (only the sharded client
does); it asks for compress=zlib-stream but decompresses only binary frames, so text frames work; absent
X-RateLimit-* headers are fine; before every non-initial IDENTIFY it sleeps 5 s (override
``before_identify_hook`` in tests that re-identify); a deferred reply's first follow-up edits the "thinking"
message (Discord documents this), so that follow-up has the original's id.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from aiohttp import web

from tests.fakes.discord.rest import Rest
from tests.fakes.discord.state import (
    APP_ID,
    ATTACHMENT_SIZE_LIMIT,
    BOT_ID,
    GENERAL_ID,
    GUILD_ID,
    HAS_SNAPSHOT,
    MEMBER_ID,
    REPORTS_ID,
    Perm,
    _now,
    _walk,
)

T = TypeVar("T")


class FakeDiscord(Rest):
    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        api = "/api/v10"
        for method, path, name, handler in self._routes():
            app.router.add_route(method, api + path, self._wrap(name, handler))
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{cid}/{aid}/{filename}", self._wrap("cdn", self._cdn))
        app.router.add_route("*", "/{tail:.*}", self._wrap("unknown", self._unknown))
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.cdn_base = f"http://127.0.0.1:{port}"
        self.api_base = f"{self.cdn_base}{api}"
        self.gateway_url = f"ws://127.0.0.1:{port}/gateway"

    async def close(self) -> None:
        await self.disconnect_clients()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def patch_discord(self, monkeypatch: Any) -> None:
        """Point discord.py at this fake for the test's duration (a pytest ``monkeypatch``)."""
        import discord.gateway
        import discord.http
        import yarl

        monkeypatch.setattr(discord.http.Route, "BASE", self.api_base)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(self.gateway_url))

    def call(self, fn: Callable[..., Awaitable[T]], *args: Any, **kw: Any) -> T:
        """discord_in_thread only: run ``fn(*args, **kw)`` on the fake's loop and wait for its result."""
        if self._thread_loop is None:
            raise RuntimeError("call() is for discord_in_thread(); await the method directly")
        return asyncio.run_coroutine_threadsafe(fn(*args, **kw), self._thread_loop).result(60)  # type: ignore[arg-type]

    async def acall(self, fn: Callable[..., Awaitable[T]], *args: Any, **kw: Any) -> T:
        """discord_in_thread only: the same from another event loop, without blocking it."""
        if self._thread_loop is None:
            raise RuntimeError("acall() is for discord_in_thread(); await the method directly")
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(fn(*args, **kw), self._thread_loop))  # type: ignore[arg-type]

    async def wait_ready(self, timeout: float = 10.0, *, count: int = 1) -> None:
        """Until ``count`` READY (+ GUILD_CREATE) have been sent in all (a reconnect that re-identifies adds one)."""
        deadline = time.monotonic() + timeout
        while self.ready_count < count:
            if time.monotonic() > deadline:
                seen = [(r.method, r.path, r.status) for r in self.requests]
                raise AssertionError(f"no client became ready within {timeout}s; requests so far: {seen}")
            await asyncio.sleep(0.01)

    async def wait_for(self, predicate: Callable[[Any], bool], *, timeout: float = 5.0, source: str = "sent_messages") -> Any:
        """The first entry of ``source`` (sent_messages, threads, requests, callbacks, deleted_messages, dispatched)
        that matches, waiting for it up to ``timeout`` seconds."""
        if source not in ("sent_messages", "threads", "requests", "callbacks", "deleted_messages", "dispatched"):
            raise ValueError(f"unknown source {source!r}")
        items: list[Any] = getattr(self, source)
        deadline = time.monotonic() + timeout
        while True:
            for item in list(items):
                if predicate(item):
                    return item
            if time.monotonic() > deadline:
                raise AssertionError(f"nothing in {source} matched within {timeout}s; it holds {len(items)}: {items[-5:]!r}")
            await asyncio.sleep(0.01)

    async def post_message(self, content: str, *, channel_id: int = REPORTS_ID, author_id: int = MEMBER_ID,
                           attachments: Any = (), message_snapshots: list[dict[str, Any]] | None = None,
                           mentions_everyone: bool = False) -> dict[str, Any]:
        """A member posts ``content`` (attachments from add_attachment; snapshots make it a forward).
        Returns the MESSAGE_CREATE payload (string ids, as on the wire)."""
        if channel_id not in self._channels:
            raise ValueError(f"the fake has no channel {channel_id}")
        mid = self._snowflake()
        mentions = [{**self.users[int(u)], "member": self._member(int(u), with_user=False)}
                    for u in dict.fromkeys(re.findall(r"<@!?(\d+)>", content)) if int(u) in self.users]
        guild_id = self.guild_of(channel_id)
        msg: dict[str, Any] = {
            "id": str(mid), "channel_id": str(channel_id), "guild_id": str(guild_id), "author": self.users[author_id],
            "member": self._member(author_id, with_user=False), "content": content, "timestamp": _now(),
            "edited_timestamp": None, "tts": False, "mention_everyone": mentions_everyone, "mentions": mentions,
            "mention_roles": re.findall(r"<@&(\d+)>", content), "attachments": [dict(a) for a in attachments],
            "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": []}
        if message_snapshots is not None:
            msg["flags"] = HAS_SNAPSHOT
            msg["message_reference"] = {"type": 1, "channel_id": str(GENERAL_ID), "message_id": str(self._snowflake()),
                                        "guild_id": str(guild_id)}
            msg["message_snapshots"] = [
                {"message": {"type": 0, "content": "", "embeds": [], "attachments": [], "timestamp": _now(),
                             "edited_timestamp": None, "flags": 0, "mentions": [], "mention_roles": [], "components": [],
                             **s.get("message", s)}} for s in message_snapshots]
        self._messages[mid] = msg
        await self._dispatch("MESSAGE_CREATE", msg, required=True)
        return msg

    def _find_command(self, name: str, kind: int, guild_id: int = GUILD_ID) -> tuple[str, str | None]:
        for key in (str(guild_id), "global"):
            for cmd in self.commands.get(key, []):
                if cmd["name"] == name and cmd.get("type", 1) == kind:
                    return cmd["id"], (None if key == "global" else key)
        return str(self._snowflake()), None

    def _resolve(self, options: list[dict[str, Any]], resolved: dict[str, Any]) -> None:
        for opt in options:
            self._resolve(opt.get("options") or [], resolved)
            value = str(opt.get("value", ""))
            if opt.get("type") == 6 and int(value or 0) in self.users:
                resolved.setdefault("users", {})[value] = self.users[int(value)]
                resolved.setdefault("members", {})[value] = {**self._member(int(value), with_user=False),
                                                             "permissions": str(self._permissions(int(value)))}
            elif opt.get("type") == 7 and int(value or 0) in self._channels:
                resolved.setdefault("channels", {})[value] = {**self._channels[int(value)], "permissions": str(Perm.ALL)}
            elif opt.get("type") == 11 and int(value or 0) in self._attachments:
                resolved.setdefault("attachments", {})[value] = dict(self._attachments[int(value)][0])

    async def slash(self, name: str, *, options: Any = (), author_id: int = MEMBER_ID, channel_id: int = REPORTS_ID,
                    locale: str = "ja", resolved: dict[str, Any] | None = None, subcommand: str | None = None) -> dict[str, Any]:
        """/name (command type 1). ``subcommand`` may be "group sub". Options of type 6 (user), 7 (channel) and
        11 (attachment, value = the id from add_attachment) are resolved automatically when ``resolved`` is None."""
        opts = [dict(o) for o in options]
        for i, part in enumerate(reversed((subcommand or "").split())):
            opts = [{"type": 1 if i == 0 else 2, "name": part, "options": opts}]
        cid, guild_id = self._find_command(name, 1, self.guild_of(channel_id))
        data: dict[str, Any] = {"id": cid, "name": name, "type": 1, "options": opts}
        if guild_id:
            data["guild_id"] = guild_id
        if resolved is None:
            resolved = {}
            self._resolve(opts, resolved)
        if resolved:
            data["resolved"] = resolved
        return await self._interaction(2, data, author_id=author_id, channel_id=channel_id, locale=locale)

    async def context_menu(self, name: str, target_message: dict[str, Any], *, author_id: int = MEMBER_ID,
                           locale: str = "ja") -> dict[str, Any]:
        """A message context-menu command (command type 3) on ``target_message``."""
        target = self._stored(target_message)
        cid, guild_id = self._find_command(name, 3, self.guild_of(int(target["channel_id"])))
        data: dict[str, Any] = {"id": cid, "name": name, "type": 3, "target_id": target["id"],
                                "resolved": {"messages": {target["id"]: target}}}
        if guild_id:
            data["guild_id"] = guild_id
        return await self._interaction(2, data, author_id=author_id, channel_id=int(target["channel_id"]), locale=locale)

    async def click(self, message: dict[str, Any], custom_id: str, *, author_id: int = MEMBER_ID, locale: str = "ja",
                    values: list[str] | None = None, component_type: int = 2) -> dict[str, Any]:
        """A member presses a button (or picks ``values`` in a select, component_type 3) on a bot message
        (a sent_messages entry or any dict with its id; the fake uses its stored, latest version)."""
        msg = self._stored(message)
        if not any(c.get("custom_id") == custom_id for c in _walk(msg.get("components") or [])):
            raise AssertionError(f"message {msg['id']} has no component {custom_id!r}: {msg.get('components')}")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        return await self._interaction(3, data, author_id=author_id, channel_id=int(msg["channel_id"]), locale=locale,
                                       message=msg)

    async def submit_modal(self, custom_id: str, fields: dict[str, Any], *, author_id: int = MEMBER_ID, locale: str = "ja",
                           message: dict[str, Any] | None = None, channel_id: int = REPORTS_ID) -> dict[str, Any]:
        """Submit the modal last opened with ``custom_id`` (a type 9 callback), mirroring its layout: action rows
        or labels (type 18). Fields left out submit "" (selects: []); unknown field ids raise."""
        sent = next((c["data"] for c in reversed(self.callbacks) if c.get("type") == 9
                     and c.get("data", {}).get("custom_id") == custom_id), None)
        layout: list[dict[str, Any]] = (sent["components"] if sent else
                                        [{"type": 1, "components": [{"type": 4, "custom_id": k}]} for k in fields])
        known = {c.get("custom_id") for c in _walk(layout)}
        if unknown := set(fields) - known:
            raise AssertionError(f"modal {custom_id!r} has no fields {sorted(unknown)}; it has {sorted(k for k in known if k)}")

        def answer(c: dict[str, Any]) -> dict[str, Any]:
            out: dict[str, Any] = {"type": c["type"], "id": c.get("id", 0), "custom_id": c["custom_id"]}
            value = fields.get(c["custom_id"])
            if c["type"] in (3, 5, 6, 7, 8, 19, 22):
                out["values"] = list(value or []) if not isinstance(value, str) else [value]
            else:
                out["value"] = value if value is not None else ""
            return out

        components = []
        for c in layout:
            if c["type"] == 1:
                row: list[dict[str, Any]] = c["components"]
                components.append({"type": 1, "id": c.get("id", 0), "components": [answer(x) for x in row]})
            elif c["type"] == 18:
                components.append({"type": 18, "id": c.get("id", 0), "component": answer(c["component"])})
        msg = self._stored(message) if message else None
        return await self._interaction(5, {"custom_id": custom_id, "components": components}, author_id=author_id,
                                       channel_id=int(msg["channel_id"]) if msg else channel_id, locale=locale, message=msg)

    async def _interaction(self, itype: int, data: dict[str, Any], *, author_id: int, channel_id: int, locale: str,
                           message: dict[str, Any] | None = None) -> dict[str, Any]:
        iid = self._snowflake()
        token = f"fake-interaction-token-{iid}"
        gid = self.guild_of(channel_id)
        payload: dict[str, Any] = {
            "id": str(iid), "application_id": str(APP_ID), "type": itype, "data": data, "token": token, "version": 1,
            "guild_id": str(gid), "guild": {"id": str(gid), "locale": self.guild_locale, "features": []},
            "channel_id": str(channel_id), "channel": self._channels[channel_id],
            "member": {**self._member(author_id), "permissions": str(self._permissions(author_id))},
            "locale": locale, "guild_locale": self.guild_locale, "app_permissions": str(self._permissions(BOT_ID)),
            "entitlements": [], "entitlement_sku_ids": [], "authorizing_integration_owners": {"0": str(gid)},
            "context": 0, "attachment_size_limit": ATTACHMENT_SIZE_LIMIT}
        if message is not None:
            payload["message"] = message
        self._interactions[token] = {"id": iid, "type": itype, "channel_id": channel_id, "responded": False,
                                     "original_id": None, "loading": False, "command_type": data.get("type"),
                                     "message_id": int(message["id"]) if message else None}
        await self._dispatch("INTERACTION_CREATE", payload, required=True)
        return payload


@contextmanager
def discord_in_thread(**kw: Any) -> Iterator[FakeDiscord]:
    """A started FakeDiscord served by its own event loop in a daemon thread (for subprocess tests).
    Drive it with ``fake.call(fake.method, ...)`` (blocking) or ``await fake.acall(fake.method, ...)``."""
    loop = asyncio.new_event_loop()
    fake = FakeDiscord(**kw)
    fake._thread_loop = loop
    thread = threading.Thread(target=loop.run_forever, name="fake-discord", daemon=True)
    thread.start()
    try:
        fake.call(fake.start)
        yield fake
    finally:
        asyncio.run_coroutine_threadsafe(fake.close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
