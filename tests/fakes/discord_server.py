"""A fake Discord (API v10 REST + gateway websocket) on 127.0.0.1 for the real, unmodified discord.py.

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
(MEMBER_ID), hanako (OTHER_ID) and an administrator (ADMIN_ID, also the owner).

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
import copy
import json
import re
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

T = TypeVar("T")
DISCORD_EPOCH_MS = 1420070400000

APP_ID = BOT_ID = 1150000000000000001
GUILD_ID = 1150000000000000100
CATEGORY_ID = 1150000000000000101
REPORTS_ID = 1150000000000000102
JA_REPORTS_ID = 1150000000000000103
GENERAL_ID = 1150000000000000104
MEMBER_ROLE_ID = 1150000000000000110
ADMIN_ROLE_ID = 1150000000000000111
BOT_ROLE_ID = 1150000000000000112
MEMBER_ID = 1150000000000000201
OTHER_ID = 1150000000000000202
ADMIN_ID = 1150000000000000203


class Perm:
    ADMINISTRATOR = 1 << 3
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    USE_EXTERNAL_EMOJIS = 1 << 18
    USE_APPLICATION_COMMANDS = 1 << 31
    MANAGE_THREADS = 1 << 34
    CREATE_PUBLIC_THREADS = 1 << 35
    SEND_MESSAGES_IN_THREADS = 1 << 38
    ALL = (1 << 51) - 1


MEMBER_PERMISSIONS = (Perm.VIEW_CHANNEL | Perm.SEND_MESSAGES | Perm.SEND_MESSAGES_IN_THREADS | Perm.CREATE_PUBLIC_THREADS
                      | Perm.EMBED_LINKS | Perm.ATTACH_FILES | Perm.READ_MESSAGE_HISTORY | Perm.ADD_REACTIONS
                      | Perm.USE_APPLICATION_COMMANDS)
DEFAULT_BOT_PERMISSIONS = MEMBER_PERMISSIONS | Perm.MANAGE_MESSAGES | Perm.USE_EXTERNAL_EMOJIS

INTENT_GUILDS, INTENT_GUILD_MESSAGES, INTENT_MESSAGE_CONTENT = 1 << 0, 1 << 9, 1 << 15
EPHEMERAL, LOADING, HAS_SNAPSHOT = 1 << 6, 1 << 7, 1 << 14
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
_COMMAND_NAME = re.compile(r"^[-_'\w]{1,32}$")


@dataclass
class Recorded:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any  # parsed JSON body, or payload_json of a multipart body
    files: list[tuple[str, bytes]]
    headers: dict[str, str]
    route: str = ""  # the route name (see the module docstring), "unknown" for a 404
    status: int = 0


@dataclass
class _Conn:
    ws: web.WebSocketResponse
    seq: int = 0
    intents: int = 0
    session_id: str | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _json(data: Any, status: int = 200) -> web.Response:
    # Exactly "application/json": discord.py's json_or_text compares the header verbatim.
    return web.Response(status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"})


def _error(status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> web.Response:
    return _json({"message": message, "code": code, **({"errors": errors} if errors else {})}, status)


def _walk(components: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for c in components:
        yield c
        yield from _walk(c.get("components") or [])
        if isinstance(c.get("component"), dict):
            yield from _walk([c["component"]])
        if isinstance(c.get("accessory"), dict):
            yield from _walk([c["accessory"]])


def _message_problem(body: dict[str, Any], files: list[tuple[str, bytes]], *, edit: bool = False) -> web.Response | None:
    """Discord's 400s for a message body, or None."""
    def invalid(where: str, text: str) -> web.Response:
        return _error(400, 50035, "Invalid Form Body", {where: {"_errors": [{"code": "BASE_TYPE_BAD_LENGTH", "message": text}]}})

    content = body.get("content") or ""
    embeds = body.get("embeds") or []
    components = body.get("components") or []
    if len(content) > 2000:
        return invalid("content", "Must be 2000 or fewer in length.")
    if len(embeds) > 10:
        return invalid("embeds", "Must be 10 or fewer in length.")
    total = 0
    for i, e in enumerate(embeds):
        texts = [("title", e.get("title"), 256), ("description", e.get("description"), 4096),
                 ("footer.text", (e.get("footer") or {}).get("text"), 2048), ("author.name", (e.get("author") or {}).get("name"), 256)]
        fields = e.get("fields") or []
        if len(fields) > 25:
            return invalid(f"embeds.{i}.fields", "Must be 25 or fewer in length.")
        for j, f in enumerate(fields):
            if not f.get("name") or not f.get("value"):
                return invalid(f"embeds.{i}.fields.{j}", "This field is required")
            texts += [(f"fields.{j}.name", f["name"], 256), (f"fields.{j}.value", f["value"], 1024)]
        for where, text, limit in texts:
            total += len(text or "")
            if len(text or "") > limit:
                return invalid(f"embeds.{i}.{where}", f"Must be {limit} or fewer in length.")
    if total > 6000:
        return invalid("embeds", "Embed size exceeds maximum size of 6000")
    for c in _walk(components):
        if len(c.get("custom_id") or "") > 100:
            return invalid("components", "custom_id: Must be 100 or fewer in length.")
    if not edit and not (content or embeds or components or files or body.get("sticker_ids") or body.get("poll")):
        return _error(400, 50006, "Cannot send an empty message")
    return None


class FakeDiscord:
    def __init__(self, *, token: str = "test-token", guild_locale: str = "ja",
                 bot_permissions: int = DEFAULT_BOT_PERMISSIONS) -> None:
        self.token = token
        self.guild_locale = guild_locale
        self.bot_permissions = bot_permissions
        self.reject_login = False
        self.forbid: set[str] = set()
        self.echo_bot_messages = True
        self.disallowed_intents = 0  # IDENTIFY with any of these bits is closed with 4014, like an unapproved privileged intent
        self.requests: list[Recorded] = []
        self.sent_messages: list[dict[str, Any]] = []
        self.threads: list[dict[str, Any]] = []
        self.deleted_messages: list[tuple[int, int]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.callbacks: list[dict[str, Any]] = []
        self.dispatched: list[tuple[str, dict[str, Any]]] = []
        self.identify: dict[str, Any] | None = None
        self.gateway_queries: list[dict[str, str]] = []
        self.ready_count = 0
        self.resumed_count = 0
        self.api_base = self.gateway_url = self.cdn_base = ""
        self._last_id = 0
        self._conns: list[_Conn] = []
        self._sessions: dict[str, int] = {}  # session_id -> intents
        self._messages: dict[int, dict[str, Any]] = {}
        self._attachments: dict[int, tuple[dict[str, Any], bytes]] = {}
        self._interactions: dict[str, dict[str, Any]] = {}  # token -> state
        self._runner: web.AppRunner | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None
        self.users: dict[int, dict[str, Any]] = {
            BOT_ID: self._user(BOT_ID, "phishbot", None, bot=True),
            MEMBER_ID: self._user(MEMBER_ID, "taro", "Taro"),
            OTHER_ID: self._user(OTHER_ID, "hanako", "Hanako"),
            ADMIN_ID: self._user(ADMIN_ID, "kanri", "Admin"),
        }
        self.member_roles: dict[int, list[int]] = {
            BOT_ID: [BOT_ROLE_ID], MEMBER_ID: [MEMBER_ROLE_ID], OTHER_ID: [MEMBER_ROLE_ID], ADMIN_ID: [MEMBER_ROLE_ID, ADMIN_ROLE_ID]}
        self._channels: dict[int, dict[str, Any]] = {CATEGORY_ID: self._channel(CATEGORY_ID, "Text Channels", 0, kind=4)}
        for position, (cid, name) in enumerate([(REPORTS_ID, "phishing-reports"), (JA_REPORTS_ID, "フィッシング報告"), (GENERAL_ID, "general")]):
            self._channels[cid] = self._channel(cid, name, position)

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        api = "/api/v10"
        routes: list[tuple[str, str, str, Callable[[web.Request, Recorded], Awaitable[web.Response]]]] = [
            ("GET", "/users/@me", "get_me", self._get_me),
            ("GET", "/oauth2/applications/@me", "application_info", self._application_info),
            ("GET", "/gateway", "gateway", self._get_gateway),
            ("GET", "/gateway/bot", "gateway_bot", self._get_gateway),
            ("GET", "/guilds/{gid}", "get_guild", self._get_guild),
            ("GET", "/guilds/{gid}/channels", "get_guild_channels", self._get_guild_channels),
            ("GET", "/guilds/{gid}/members/{uid}", "get_member", self._get_member),
            ("GET", "/channels/{cid}", "get_channel", self._get_channel),
            ("POST", "/channels/{cid}/messages", "send_message", self._send_message),
            ("GET", "/channels/{cid}/messages/{mid}", "get_message", self._get_message),
            ("PATCH", "/channels/{cid}/messages/{mid}", "edit_message", self._edit_channel_message),
            ("DELETE", "/channels/{cid}/messages/{mid}", "delete_message", self._delete_channel_message),
            ("POST", "/channels/{cid}/messages/{mid}/threads", "create_thread", self._create_thread),
            ("POST", "/channels/{cid}/threads", "create_thread", self._create_thread),
            ("POST", "/channels/{cid}/typing", "typing", self._no_content),
            ("PUT", "/channels/{cid}/messages/{mid}/reactions/{emoji}/{user}", "add_reaction", self._no_content),
            ("DELETE", "/channels/{cid}/messages/{mid}/reactions/{emoji}/{user}", "remove_reaction", self._no_content),
            ("POST", "/interactions/{iid}/{itoken}/callback", "interaction_callback", self._callback),
            ("POST", "/webhooks/{app}/{itoken}", "followup", self._followup),
            ("GET", "/webhooks/{app}/{itoken}/messages/{mid}", "get_interaction_message", self._webhook_message),
            ("PATCH", "/webhooks/{app}/{itoken}/messages/{mid}", "edit_interaction_message", self._webhook_message),
            ("DELETE", "/webhooks/{app}/{itoken}/messages/{mid}", "delete_interaction_message", self._webhook_message),
            ("PUT", "/applications/{app}/commands", "sync_commands", self._sync_commands),
            ("GET", "/applications/{app}/commands", "get_commands", self._get_commands),
            ("PUT", "/applications/{app}/guilds/{gid}/commands", "sync_commands", self._sync_commands),
            ("GET", "/applications/{app}/guilds/{gid}/commands", "get_commands", self._get_commands),
        ]
        for method, path, name, handler in routes:
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

    async def disconnect_clients(self, *, invalidate_sessions: bool = False) -> None:
        """Close every gateway socket with 4000; clients then RESUME (answered with RESUMED), or, when
        ``invalidate_sessions``, get INVALID_SESSION and IDENTIFY again (a new READY)."""
        if invalidate_sessions:
            self._sessions.clear()
        conns, self._conns = self._conns, []
        for conn in conns:
            with suppress(TimeoutError, ConnectionError):
                await asyncio.wait_for(conn.ws.close(code=4000, message=b"fake disconnect"), 2)

    # ------------------------------------------------------------------ the world

    def _snowflake(self) -> int:
        self._last_id = max(self._last_id + 1, (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22)
        return self._last_id

    @staticmethod
    def _user(uid: int, name: str, global_name: str | None, *, bot: bool = False) -> dict[str, Any]:
        user = {"id": str(uid), "username": name, "discriminator": "0", "global_name": global_name, "avatar": None,
                "bot": bot, "public_flags": 0, "flags": 0}
        if bot:
            user.update(verified=True, mfa_enabled=False)
        return user

    @staticmethod
    def _channel(cid: int, name: str, position: int, *, kind: int = 0) -> dict[str, Any]:
        return {"id": str(cid), "type": kind, "guild_id": str(GUILD_ID), "name": name, "position": position,
                "parent_id": None if kind == 4 else str(CATEGORY_ID), "permission_overwrites": [], "nsfw": False,
                "topic": None, "last_message_id": None, "rate_limit_per_user": 0, "flags": 0,
                "default_auto_archive_duration": 1440}

    def _roles(self) -> list[dict[str, Any]]:
        def role(rid: int, name: str, perms: int, position: int, **extra: Any) -> dict[str, Any]:
            return {"id": str(rid), "name": name, "color": 0, "colors": {"primary_color": 0, "secondary_color": None,
                    "tertiary_color": None}, "hoist": False, "icon": None, "unicode_emoji": None, "position": position,
                    "permissions": str(perms), "managed": False, "mentionable": False, "flags": 0, **extra}
        return [role(GUILD_ID, "@everyone", 0, 0), role(MEMBER_ROLE_ID, "member", MEMBER_PERMISSIONS, 1),
                role(ADMIN_ROLE_ID, "admin", Perm.ALL, 3),
                role(BOT_ROLE_ID, "PhishBot", self.bot_permissions, 2, managed=True, tags={"bot_id": str(BOT_ID)})]

    def _permissions(self, uid: int) -> int:
        perms = {int(r["id"]): int(r["permissions"]) for r in self._roles()}
        total = perms[GUILD_ID]
        for rid in self.member_roles[uid]:
            total |= perms[rid]
        return Perm.ALL if total & Perm.ADMINISTRATOR or uid == ADMIN_ID else total

    def _bot_lacks(self, bits: int) -> bool:
        return self._permissions(BOT_ID) & bits != bits

    def _member(self, uid: int, *, with_user: bool = True) -> dict[str, Any]:
        member = {"nick": None, "avatar": None, "banner": None, "roles": [str(r) for r in self.member_roles[uid]],
                  "joined_at": "2023-04-01T00:00:00+00:00", "premium_since": None, "deaf": False, "mute": False,
                  "flags": 0, "pending": False, "communication_disabled_until": None}
        return {"user": self.users[uid], **member} if with_user else member

    def _guild(self, *, full: bool) -> dict[str, Any]:
        guild = {"id": str(GUILD_ID), "name": "Example Guild", "icon": None, "splash": None, "discovery_splash": None,
                 "banner": None, "description": None, "owner_id": str(ADMIN_ID), "afk_channel_id": None, "afk_timeout": 300,
                 "verification_level": 1, "default_message_notifications": 1, "explicit_content_filter": 0,
                 "roles": self._roles(), "emojis": [], "stickers": [], "features": [], "mfa_level": 0, "nsfw_level": 0,
                 "application_id": None, "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None,
                 "public_updates_channel_id": None, "safety_alerts_channel_id": None, "max_members": 500000,
                 "vanity_url_code": None, "premium_tier": 0, "premium_subscription_count": 0,
                 "preferred_locale": self.guild_locale, "premium_progress_bar_enabled": False}
        if full:
            guild.update(joined_at="2023-04-01T00:00:00+00:00", large=False, unavailable=False, member_count=len(self.users),
                         voice_states=[], members=[self._member(uid) for uid in self.users], presences=[],
                         channels=[c for c in self._channels.values() if c["type"] != 11],
                         threads=[c for c in self._channels.values() if c["type"] == 11],
                         stage_instances=[], guild_scheduled_events=[], soundboard_sounds=[])
        return guild

    def add_attachment(self, filename: str, data: bytes, content_type: str = "application/octet-stream",
                       *, channel_id: int = REPORTS_ID) -> dict[str, Any]:
        """Store bytes on the fake CDN; returns the Discord attachment object (for post_message or a slash option)."""
        aid = self._snowflake()
        url = f"{self.cdn_base}/attachments/{channel_id}/{aid}/{filename}"
        meta = {"id": str(aid), "filename": filename, "size": len(data), "url": url, "proxy_url": url,
                "content_type": content_type}
        self._attachments[aid] = (meta, data)
        return dict(meta)

    def _uploads(self, body: dict[str, Any], files: list[tuple[str, bytes]], channel_id: int) -> list[dict[str, Any]]:
        """Uploaded files as attachments, with the description (alt text) the payload gave each, as Discord keeps it."""
        described = {a.get("filename"): a.get("description") for a in body.get("attachments") or [] if a.get("description")}
        out = []
        for fn, data in files:
            meta = self.add_attachment(fn, data, channel_id=channel_id)
            if described.get(fn):
                meta["description"] = described[fn]
                self._attachments[int(meta["id"])][0]["description"] = described[fn]
            out.append(meta)
        return out

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self.gateway_queries.append(dict(request.query))
        conn = _Conn(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                op, d = payload.get("op"), payload.get("d")
                if op == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif op == 2:
                    await self._identify(conn, d)
                elif op == 6:
                    await self._resume(conn, d)
                elif op == 8 and conn.session_id:
                    await self._send(conn, "GUILD_MEMBERS_CHUNK", {
                        "guild_id": str(GUILD_ID), "members": [self._member(uid) for uid in self.users],
                        "chunk_index": 0, "chunk_count": 1, "not_found": [], "nonce": d.get("nonce")})
        finally:
            if conn in self._conns:
                self._conns.remove(conn)
        return ws

    async def _identify(self, conn: _Conn, d: dict[str, Any]) -> None:
        self.identify = d
        if d.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if d.get("intents", 0) & self.disallowed_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        conn.intents, conn.session_id = d.get("intents", 0), f"fake-session-{self._snowflake()}"
        self._sessions[conn.session_id] = conn.intents
        self._conns.append(conn)
        await self._send(conn, "READY", {
            "v": 10, "user": self.users[BOT_ID], "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": conn.session_id, "resume_gateway_url": self.gateway_url, "session_type": "normal",
            "application": {"id": str(APP_ID), "flags": 0}, "private_channels": [], "relationships": [],
            "presences": [], "geo_ordered_rtc_regions": [], "user_settings": {}})
        await self._send(conn, "GUILD_CREATE", self._guild(full=True))
        self.ready_count += 1

    async def _resume(self, conn: _Conn, d: dict[str, Any]) -> None:
        if d.get("token") != self.token or d.get("session_id") not in self._sessions:
            await conn.ws.send_str(json.dumps({"op": 9, "d": False}))
            return
        conn.session_id, conn.seq, conn.intents = d["session_id"], int(d.get("seq") or 0), self._sessions[d["session_id"]]
        self._conns.append(conn)
        await self._send(conn, "RESUMED", {})
        self.resumed_count += 1

    async def _send(self, conn: _Conn, event: str, data: dict[str, Any]) -> None:
        conn.seq += 1
        self.dispatched.append((event, data))
        await conn.ws.send_str(json.dumps({"op": 0, "t": event, "s": conn.seq, "d": data}))

    async def _dispatch(self, event: str, data: dict[str, Any], *, required: bool = False) -> None:
        """Send an event to every identified client that asked for it (by intents)."""
        if required and not self._conns:
            raise RuntimeError(f"{event}: no client is connected to the fake gateway (await wait_ready() first)")
        need = {"MESSAGE_CREATE": INTENT_GUILD_MESSAGES, "MESSAGE_UPDATE": INTENT_GUILD_MESSAGES,
                "MESSAGE_DELETE": INTENT_GUILD_MESSAGES, "THREAD_CREATE": INTENT_GUILDS}.get(event, 0)
        for conn in list(self._conns):
            if conn.intents & need != need:
                continue
            payload = data
            if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE") and self._content_hidden(conn, data):
                payload = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
                if "message_snapshots" in data:
                    payload["message_snapshots"] = []
            await self._send(conn, event, payload)

    @staticmethod
    def _content_hidden(conn: _Conn, msg: dict[str, Any]) -> bool:
        """Without the message-content intent others' messages come blank, unless they mention the bot."""
        mentioned = any(u["id"] == str(BOT_ID) for u in msg.get("mentions", []))
        author = (msg.get("author") or {}).get("id")
        return not conn.intents & INTENT_MESSAGE_CONTENT and author != str(BOT_ID) and not mentioned

    async def _echo(self, event: str, msg: dict[str, Any]) -> None:
        if self.echo_bot_messages and not int(msg.get("flags") or 0) & EPHEMERAL:
            await self._dispatch(event, {**msg, "guild_id": str(GUILD_ID), "member": self._member(BOT_ID, with_user=False)})

    # ------------------------------------------------------------------ what members do

    async def set_bot_permissions(self, permissions: int) -> None:
        """Change the bot role's permissions, telling connected clients (GUILD_ROLE_UPDATE) as Discord would.
        Assigning ``bot_permissions`` directly changes only what the server enforces."""
        self.bot_permissions = permissions
        role = next(r for r in self._roles() if r["id"] == str(BOT_ROLE_ID))
        await self._dispatch("GUILD_ROLE_UPDATE", {"guild_id": str(GUILD_ID), "role": role})

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
        msg: dict[str, Any] = {
            "id": str(mid), "channel_id": str(channel_id), "guild_id": str(GUILD_ID), "author": self.users[author_id],
            "member": self._member(author_id, with_user=False), "content": content, "timestamp": _now(),
            "edited_timestamp": None, "tts": False, "mention_everyone": mentions_everyone, "mentions": mentions,
            "mention_roles": re.findall(r"<@&(\d+)>", content), "attachments": [dict(a) for a in attachments],
            "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": []}
        if message_snapshots is not None:
            msg["flags"] = HAS_SNAPSHOT
            msg["message_reference"] = {"type": 1, "channel_id": str(GENERAL_ID), "message_id": str(self._snowflake()),
                                        "guild_id": str(GUILD_ID)}
            msg["message_snapshots"] = [
                {"message": {"type": 0, "content": "", "embeds": [], "attachments": [], "timestamp": _now(),
                             "edited_timestamp": None, "flags": 0, "mentions": [], "mention_roles": [], "components": [],
                             **s.get("message", s)}} for s in message_snapshots]
        self._messages[mid] = msg
        await self._dispatch("MESSAGE_CREATE", msg, required=True)
        return msg

    def _find_command(self, name: str, kind: int) -> tuple[str, str | None]:
        for key in (str(GUILD_ID), "global"):
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
        cid, guild_id = self._find_command(name, 1)
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
        cid, guild_id = self._find_command(name, 3)
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
        layout = sent["components"] if sent else [{"type": 1, "components": [{"type": 4, "custom_id": k}]} for k in fields]
        known = {c.get("custom_id") for c in _walk(layout)}
        if unknown := set(fields) - known:
            raise AssertionError(f"modal {custom_id!r} has no fields {sorted(unknown)}; it has {sorted(k for k in known if k)}")

        def answer(c: dict[str, Any]) -> dict[str, Any]:
            out = {"type": c["type"], "id": c.get("id", 0), "custom_id": c["custom_id"]}
            value = fields.get(c["custom_id"])
            if c["type"] in (3, 5, 6, 7, 8, 19, 22):
                out["values"] = list(value or []) if not isinstance(value, str) else [value]
            else:
                out["value"] = value if value is not None else ""
            return out

        components = []
        for c in layout:
            if c["type"] == 1:
                components.append({"type": 1, "id": c.get("id", 0), "components": [answer(x) for x in c["components"]]})
            elif c["type"] == 18:
                components.append({"type": 18, "id": c.get("id", 0), "component": answer(c["component"])})
        msg = self._stored(message) if message else None
        return await self._interaction(5, {"custom_id": custom_id, "components": components}, author_id=author_id,
                                       channel_id=int(msg["channel_id"]) if msg else channel_id, locale=locale, message=msg)

    def _stored(self, message: dict[str, Any]) -> dict[str, Any]:
        stored = self._messages.get(int(message["id"]))
        if stored is None:
            raise AssertionError(f"the fake knows no message {message['id']}")
        return copy.deepcopy(stored)

    async def _interaction(self, itype: int, data: dict[str, Any], *, author_id: int, channel_id: int, locale: str,
                           message: dict[str, Any] | None = None) -> dict[str, Any]:
        iid = self._snowflake()
        token = f"fake-interaction-token-{iid}"
        payload: dict[str, Any] = {
            "id": str(iid), "application_id": str(APP_ID), "type": itype, "data": data, "token": token, "version": 1,
            "guild_id": str(GUILD_ID), "guild": {"id": str(GUILD_ID), "locale": self.guild_locale, "features": []},
            "channel_id": str(channel_id), "channel": self._channels[channel_id],
            "member": {**self._member(author_id), "permissions": str(self._permissions(author_id))},
            "locale": locale, "guild_locale": self.guild_locale, "app_permissions": str(self._permissions(BOT_ID)),
            "entitlements": [], "entitlement_sku_ids": [], "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0, "attachment_size_limit": ATTACHMENT_SIZE_LIMIT}
        if message is not None:
            payload["message"] = message
        self._interactions[token] = {"id": iid, "type": itype, "channel_id": channel_id, "responded": False,
                                     "original_id": None, "loading": False, "command_type": data.get("type"),
                                     "message_id": int(message["id"]) if message else None}
        await self._dispatch("INTERACTION_CREATE", payload, required=True)
        return payload

    # ------------------------------------------------------------------ REST plumbing

    def _wrap(self, name: str, handler: Callable[[web.Request, Recorded], Awaitable[web.Response]]) -> Callable[..., Any]:
        async def wrapped(request: web.Request) -> web.StreamResponse:
            body: Any = None
            files: list[tuple[str, bytes]] = []
            if request.content_type.startswith("multipart/"):
                async for part in await request.multipart():
                    if part.name == "payload_json":
                        body = json.loads(await part.text())  # type: ignore[union-attr]
                    elif part.filename:
                        files.append((part.filename, bytes(await part.read())))  # type: ignore[union-attr]
            elif request.can_read_body:
                raw = await request.read()
                body = json.loads(raw) if raw else None
            path = request.path.removeprefix("/api/v10")
            rec = Recorded(request.method, path, dict(request.query), body, files, dict(request.headers), name)
            self.requests.append(rec)
            bot_route = request.path.startswith("/api/v10") and name not in (
                "interaction_callback", "followup", "get_interaction_message", "edit_interaction_message",
                "delete_interaction_message", "unknown", "gateway")
            if bot_route and (self.reject_login or request.headers.get("Authorization") != f"Bot {self.token}"):
                response = _error(401, 0, "401: Unauthorized")
            elif name in self.forbid:
                response = _error(403, 50013, "Missing Permissions")
            else:
                response = await handler(request, rec)
            rec.status = response.status
            return response
        return wrapped

    def _channel_or_404(self, request: web.Request) -> dict[str, Any] | web.Response:
        channel = self._channels.get(int(request.match_info["cid"]))
        return channel if channel is not None else _error(404, 10003, "Unknown Channel")

    async def _unknown(self, request: web.Request, rec: Recorded) -> web.Response:
        return _error(404, 0, "404: Not Found")

    async def _no_content(self, request: web.Request, rec: Recorded) -> web.Response:
        return web.Response(status=204)

    async def _get_me(self, request: web.Request, rec: Recorded) -> web.Response:
        return _json(self.users[BOT_ID])

    async def _application_info(self, request: web.Request, rec: Recorded) -> web.Response:
        return _json({"id": str(APP_ID), "name": "PhishBot", "icon": None, "description": "", "summary": "",
                      "bot_public": False, "bot_require_code_grant": False, "owner": self.users[ADMIN_ID], "team": None,
                      "verify_key": "0" * 64, "flags": 0, "bot": self.users[BOT_ID], "rpc_origins": [], "tags": [],
                      "redirect_uris": [], "interactions_endpoint_url": None, "approximate_guild_count": 1})

    async def _get_gateway(self, request: web.Request, rec: Recorded) -> web.Response:
        return _json({"url": self.gateway_url, "shards": 1,
                      "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})

    async def _get_guild(self, request: web.Request, rec: Recorded) -> web.Response:
        if int(request.match_info["gid"]) != GUILD_ID:
            return _error(404, 10004, "Unknown Guild")
        return _json(self._guild(full=False))

    async def _get_guild_channels(self, request: web.Request, rec: Recorded) -> web.Response:
        return _json([c for c in self._channels.values() if c["type"] != 11])

    async def _get_member(self, request: web.Request, rec: Recorded) -> web.Response:
        uid = int(request.match_info["uid"])
        return _json(self._member(uid)) if uid in self.users else _error(404, 10007, "Unknown Member")

    async def _get_channel(self, request: web.Request, rec: Recorded) -> web.Response:
        channel = self._channel_or_404(request)
        return channel if isinstance(channel, web.Response) else _json(channel)

    async def _cdn(self, request: web.Request, rec: Recorded) -> web.Response:
        stored = self._attachments.get(int(request.match_info["aid"]))
        if stored is None or stored[0]["filename"] != request.match_info["filename"]:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=stored[1], headers={"Content-Type": stored[0]["content_type"]})

    # ------------------------------------------------------------------ messages

    def _new_message(self, channel_id: int, body: dict[str, Any], files: list[tuple[str, bytes]], *,
                     kind: int = 0, webhook: bool = False) -> dict[str, Any]:
        mid = self._snowflake()
        msg: dict[str, Any] = {
            "id": str(mid), "channel_id": str(channel_id), "author": self.users[BOT_ID], "content": body.get("content") or "",
            "timestamp": _now(), "edited_timestamp": None, "tts": bool(body.get("tts")), "mention_everyone": False,
            "mentions": [], "mention_roles": [], "pinned": False, "type": kind, "flags": int(body.get("flags") or 0),
            "attachments": self._uploads(body, files, channel_id),
            "embeds": body.get("embeds") or [], "components": body.get("components") or []}
        if body.get("nonce") is not None:
            msg["nonce"] = body["nonce"]
        if webhook:
            msg.update(webhook_id=str(APP_ID), application_id=str(APP_ID))
        ref = body.get("message_reference")
        if ref and ref.get("type", 0) == 0 and ref.get("message_id"):
            msg["type"] = 19
            msg["message_reference"] = {"type": 0, "channel_id": str(ref.get("channel_id") or channel_id),
                                        "message_id": str(ref["message_id"]), "guild_id": str(GUILD_ID)}
            referenced = self._messages.get(int(ref["message_id"]))
            msg["referenced_message"] = {k: v for k, v in referenced.items() if k != "referenced_message"} if referenced else None
        self._messages[mid] = msg
        channel = self._channels[channel_id]
        if channel["type"] == 11:
            channel["message_count"] += 1
            channel["total_message_sent"] += 1
        channel["last_message_id"] = str(mid)
        return msg

    def _record(self, msg: dict[str, Any], body: dict[str, Any], files: list[tuple[str, bytes]], via: str,
                interaction_id: int | None = None) -> None:
        entry = copy.deepcopy(msg)
        entry.update(id=int(msg["id"]), channel_id=int(msg["channel_id"]), allowed_mentions=body.get("allowed_mentions"),
                     via=via, files=files, interaction_id=interaction_id, ephemeral=bool(int(msg.get("flags") or 0) & EPHEMERAL),
                     at=time.perf_counter())  # when it arrived (benchmarks measure to it)
        self.sent_messages.append(entry)

    def _apply_edit(self, msg: dict[str, Any], body: dict[str, Any], files: list[tuple[str, bytes]]) -> None:
        for key in ("content", "embeds", "components"):
            if key in body:
                msg[key] = body[key] if body[key] is not None else ("" if key == "content" else [])
        if "flags" in body and body["flags"] is not None:
            msg["flags"] = (int(msg.get("flags") or 0) & EPHEMERAL) | int(body["flags"])
        if "attachments" in body:
            keep = {str(a.get("id")) for a in body["attachments"] or []}
            msg["attachments"] = [a for a in msg["attachments"] if a["id"] in keep]
        msg["attachments"] += self._uploads(body, files, int(msg["channel_id"]))
        msg["flags"] = int(msg.get("flags") or 0) & ~LOADING
        msg["edited_timestamp"] = _now()

    async def _send_message(self, request: web.Request, rec: Recorded) -> web.Response:
        channel = self._channel_or_404(request)
        if isinstance(channel, web.Response):
            return channel
        body = rec.json or {}
        if problem := _message_problem(body, rec.files):
            return problem
        send = Perm.SEND_MESSAGES_IN_THREADS if channel["type"] == 11 else Perm.SEND_MESSAGES
        if self._bot_lacks(Perm.VIEW_CHANNEL | send) or (rec.files and self._bot_lacks(Perm.ATTACH_FILES)):
            return _error(403, 50013, "Missing Permissions")
        if self._bot_lacks(Perm.EMBED_LINKS):
            body = {**body, "embeds": []}  # Discord drops the embeds, it does not refuse the message
        msg = self._new_message(int(channel["id"]), body, rec.files)
        self._record(msg, rec.json or {}, rec.files, "channel")
        await self._echo("MESSAGE_CREATE", msg)
        return _json(msg)

    def _message_in(self, request: web.Request) -> dict[str, Any] | None:
        msg = self._messages.get(int(request.match_info["mid"]))
        return msg if msg is not None and msg["channel_id"] == request.match_info["cid"] else None

    async def _get_message(self, request: web.Request, rec: Recorded) -> web.Response:
        msg = self._message_in(request)
        return _json(msg) if msg else _error(404, 10008, "Unknown Message")

    async def _edit_channel_message(self, request: web.Request, rec: Recorded) -> web.Response:
        msg = self._message_in(request)
        if msg is None:
            return _error(404, 10008, "Unknown Message")
        if msg["author"]["id"] != str(BOT_ID):
            return _error(403, 50005, "Cannot edit a message authored by another user")
        if problem := _message_problem(rec.json or {}, rec.files, edit=True):
            return problem
        self._apply_edit(msg, rec.json or {}, rec.files)
        self._record(msg, rec.json or {}, rec.files, "edit")
        await self._echo("MESSAGE_UPDATE", msg)
        return _json(msg)

    async def _delete(self, msg: dict[str, Any]) -> web.Response:
        cid, mid = int(msg["channel_id"]), int(msg["id"])
        del self._messages[mid]
        self.deleted_messages.append((cid, mid))
        await self._dispatch("MESSAGE_DELETE", {"id": str(mid), "channel_id": str(cid), "guild_id": str(GUILD_ID)})
        return web.Response(status=204)

    async def _delete_channel_message(self, request: web.Request, rec: Recorded) -> web.Response:
        msg = self._message_in(request)
        if msg is None:
            return _error(404, 10008, "Unknown Message")
        if msg["author"]["id"] != str(BOT_ID) and self._bot_lacks(Perm.MANAGE_MESSAGES):
            return _error(403, 50013, "Missing Permissions")
        return await self._delete(msg)

    async def _create_thread(self, request: web.Request, rec: Recorded) -> web.Response:
        parent = self._channel_or_404(request)
        if isinstance(parent, web.Response):
            return parent
        body = rec.json or {}
        mid = request.match_info.get("mid")
        if parent["type"] != 0:
            return _error(400, 50024, "Cannot execute action on this channel type")
        if mid is not None and self._message_in(request) is None:
            return _error(404, 10008, "Unknown Message")
        if mid is not None and int(mid) in self._channels:
            return _error(400, 160004, "A thread has already been created for this message")
        if not 1 <= len(body.get("name") or "") <= 100:
            return _error(400, 50035, "Invalid Form Body", {"name": {"_errors": [{"code": "BASE_TYPE_BAD_LENGTH",
                                                                                   "message": "Must be between 1 and 100 in length."}]}})
        if self._bot_lacks(Perm.VIEW_CHANNEL | Perm.CREATE_PUBLIC_THREADS):
            return _error(403, 50013, "Missing Permissions")
        tid = int(mid) if mid is not None else self._snowflake()  # a thread from a message shares its id
        thread = {
            "id": str(tid), "type": 11 if mid is not None else int(body.get("type") or 12), "guild_id": str(GUILD_ID),
            "parent_id": parent["id"], "owner_id": str(BOT_ID), "name": body["name"], "last_message_id": None,
            "message_count": 0, "member_count": 1, "total_message_sent": 0, "flags": 0,
            "rate_limit_per_user": body.get("rate_limit_per_user") or 0,
            "thread_metadata": {"archived": False, "auto_archive_duration": body.get("auto_archive_duration") or 4320,
                                "archive_timestamp": _now(), "locked": False, "create_timestamp": _now(),
                                "invitable": body.get("invitable", True)},
            "member": {"id": str(tid), "user_id": str(BOT_ID), "join_timestamp": _now(), "flags": 0}}
        self._channels[tid] = thread
        self.threads.append({**copy.deepcopy(thread), "id": tid, "parent_id": int(parent["id"]),
                             "message_id": int(mid) if mid is not None else None})
        await self._dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return _json(thread, 201)

    # ------------------------------------------------------------------ interactions

    async def _callback(self, request: web.Request, rec: Recorded) -> web.Response:
        inter = self._interactions.get(request.match_info["itoken"])
        if inter is None or str(inter["id"]) != request.match_info["iid"]:
            return _error(404, 10062, "Unknown interaction")
        if inter["responded"]:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        body = rec.json or {}
        kind, data = int(body.get("type", 0)), body.get("data") or {}
        if kind in (4, 7) and (problem := _message_problem(data, rec.files, edit=kind == 7)):
            return problem
        if kind == 7 and inter["message_id"] is None:
            return _error(400, 40061, "Interaction has no message to update")
        inter["responded"] = True
        self.callbacks.append({**copy.deepcopy(body), "interaction_id": inter["id"], "token": request.match_info["itoken"]})
        answer: dict[str, Any] = {"id": str(inter["id"]), "type": inter["type"]}
        resource: dict[str, Any] = {"type": kind}
        if kind in (4, 5):
            flags = int(data.get("flags") or 0) & EPHEMERAL | (LOADING if kind == 5 else 0)
            message_kind = {1: 20, 3: 23}.get(inter["command_type"], 0) if inter["type"] == 2 else 0
            msg = self._new_message(inter["channel_id"], {**data, "flags": flags} if kind == 4 else {"flags": flags},
                                    rec.files if kind == 4 else [], kind=message_kind, webhook=True)
            inter.update(original_id=int(msg["id"]), loading=kind == 5)
            answer.update(response_message_id=msg["id"], response_message_loading=kind == 5,
                          response_message_ephemeral=bool(flags & EPHEMERAL))
            resource["message"] = msg
            self.callbacks[-1]["message_id"] = int(msg["id"])
            if kind == 4:
                self._record(msg, data, rec.files, "interaction", inter["id"])
            await self._echo("MESSAGE_CREATE", msg)
        elif kind in (6, 7):
            inter["original_id"] = inter["message_id"]
            if kind == 7:
                msg = self._messages[inter["message_id"]]
                self._apply_edit(msg, data, rec.files)
                self._record(msg, data, rec.files, "edit", inter["id"])
                resource["message"] = msg
                await self._echo("MESSAGE_UPDATE", msg)
        return _json({"interaction": answer, "resource": resource})

    async def _followup(self, request: web.Request, rec: Recorded) -> web.Response:
        inter = self._interactions.get(request.match_info["itoken"])
        if inter is None:
            return _error(404, 10015, "Unknown Webhook")
        if not inter["responded"]:
            return _error(404, 10015, "Unknown Webhook")  # what Discord answers before the callback
        body = rec.json or {}
        if problem := _message_problem(body, rec.files):
            return problem
        if inter["loading"]:  # the first follow-up after a deferred reply edits the "thinking" message
            inter["loading"] = False
            msg = self._messages[inter["original_id"]]
            self._apply_edit(msg, body, rec.files)
            await self._echo("MESSAGE_UPDATE", msg)
        else:
            msg = self._new_message(inter["channel_id"], body, rec.files, webhook=True)
            await self._echo("MESSAGE_CREATE", msg)
        self._record(msg, body, rec.files, "followup", inter["id"])
        return _json(msg)

    async def _webhook_message(self, request: web.Request, rec: Recorded) -> web.Response:
        inter = self._interactions.get(request.match_info["itoken"])
        if inter is None:
            return _error(404, 10015, "Unknown Webhook")
        raw = request.match_info["mid"]
        mid = inter["original_id"] if raw == "@original" else int(raw)
        msg = self._messages.get(mid) if mid is not None else None
        if msg is None:
            return _error(404, 10008, "Unknown Message")
        if request.method == "GET":
            return _json(msg)
        if request.method == "DELETE":
            return await self._delete(msg)
        if problem := _message_problem(rec.json or {}, rec.files, edit=True):
            return problem
        if mid == inter["original_id"]:
            inter["loading"] = False
        self._apply_edit(msg, rec.json or {}, rec.files)
        self._record(msg, rec.json or {}, rec.files, "edit", inter["id"])
        await self._echo("MESSAGE_UPDATE", msg)
        return _json(msg)

    # ------------------------------------------------------------------ application commands

    async def _sync_commands(self, request: web.Request, rec: Recorded) -> web.Response:
        key = request.match_info.get("gid") or "global"
        previous = {(c["name"], c.get("type", 1)): c["id"] for c in self.commands.get(key, [])}
        out: list[dict[str, Any]] = []
        for cmd in rec.json or []:
            if problem := self._command_problem(cmd):
                return _error(400, 50035, "Invalid Form Body", {"name": {"_errors": [{"code": "APPLICATION_COMMAND_INVALID_NAME",
                                                                                       "message": problem}]}})
            full = {"type": 1, "description": "", "options": [], "default_member_permissions": None, "nsfw": False,
                    "contexts": None, "integration_types": [0], **cmd}
            full.update(id=previous.get((full["name"], full["type"])) or str(self._snowflake()), application_id=str(APP_ID),
                        version=str(self._snowflake()))
            if key != "global":
                full["guild_id"] = key
            out.append(full)
        names = [(c["name"], c["type"]) for c in out]
        if len(names) != len(set(names)):
            return _error(400, 50035, "Invalid Form Body", {"_errors": [{"code": "APPLICATION_COMMANDS_DUPLICATE_NAME",
                                                                          "message": "Application command names must be unique"}]})
        self.commands[key] = out
        return _json(out)

    @staticmethod
    def _command_problem(cmd: dict[str, Any]) -> str | None:
        slash = cmd.get("type", 1) == 1
        names = [cmd.get("name") or "", *(cmd.get("name_localizations") or {}).values()]
        for name in names:
            if slash and (not _COMMAND_NAME.match(name) or name != name.lower()):
                return f"Command name is invalid: {name!r}"
            if not 1 <= len(name) <= 32:
                return f"Command name is invalid: {name!r}"
        descriptions = [cmd.get("description") or "", *(cmd.get("description_localizations") or {}).values()]
        if slash and not all(1 <= len(d) <= 100 for d in descriptions):
            return f"Description must be 1-100 characters: {cmd.get('name')!r}"
        for opt in cmd.get("options") or []:
            if problem := FakeDiscord._command_problem({**opt, "type": 1}):
                return problem
        return None

    async def _get_commands(self, request: web.Request, rec: Recorded) -> web.Response:
        return _json(self.commands.get(request.match_info.get("gid") or "global", []))


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


__all__ = [
    "ADMIN_ID", "ADMIN_ROLE_ID", "APP_ID", "BOT_ID", "BOT_ROLE_ID", "CATEGORY_ID", "DEFAULT_BOT_PERMISSIONS", "GENERAL_ID",
    "GUILD_ID", "JA_REPORTS_ID", "MEMBER_ID", "MEMBER_PERMISSIONS", "MEMBER_ROLE_ID", "OTHER_ID", "REPORTS_ID",
    "FakeDiscord", "Perm", "Recorded", "discord_in_thread",
]
