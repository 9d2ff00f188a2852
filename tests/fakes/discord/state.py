"""The fake Discord's world and what it records: one guild with its channels, roles and members,
the messages and attachments, the checks Discord makes on a message body, and every request,
message, thread, callback and event kept for assertions. (The gateway, the REST routes and the
driver the tests call are beside it: ``gateway.py``, ``rest.py``, ``driver.py``.)"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

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


def in_guild(index: int, first_guild_id: int) -> int:
    """The id, in the ``index``-th guild of the world, of what has ``first_guild_id`` in the first
    (GUILD_ID, REPORTS_ID, GENERAL_ID, …). The ids of guild k are the first's plus ``k << 22``, so
    that consecutive guilds fall on consecutive shards: ``(guild_id >> 22) % shard_count``."""
    return first_guild_id + (index << 22)


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord sends a guild's events on."""
    return (guild_id >> 22) % shard_count



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


@dataclass
class _Conn:
    ws: web.WebSocketResponse
    seq: int = 0
    intents: int = 0
    session_id: str | None = None
    shard: tuple[int, int] = (0, 1)  # (id, count) from IDENTIFY; (0, 1): unsharded, every guild

    def serves(self, guild_id: int | None) -> bool:
        """Whether this connection gets a guild's events (events without a guild go to shard 0)."""
        shard_id, count = self.shard
        return shard_id == 0 if guild_id is None else shard_of(guild_id, count) == shard_id


class DiscordState:
    """The world, and the records tests assert on."""

    def __init__(self, *, token: str = "test-token", guild_locale: str = "ja",
                 bot_permissions: int = DEFAULT_BOT_PERMISSIONS, guilds: int = 1, shards: int = 1) -> None:
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
        self._sessions: dict[str, tuple[int, tuple[int, int]]] = {}  # session_id -> (intents, shard)
        # the world's guilds: GUILD_ID, then copies of it (their ids: in_guild(k, ...)), each with
        # the same category, channels, roles and members
        self.guild_ids = [in_guild(k, GUILD_ID) for k in range(guilds)]
        self.recommended_shards = shards  # what GET /gateway/bot answers
        self.identifies: list[dict[str, Any]] = []  # every IDENTIFY's payload (``identify``: the last)
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
        self._channels: dict[int, dict[str, Any]] = {}
        for k in range(guilds):
            gid, category = in_guild(k, GUILD_ID), in_guild(k, CATEGORY_ID)
            self._channels[category] = self._channel(category, "Text Channels", 0, kind=4, guild_id=gid, category=category)
            for position, (cid, name) in enumerate([(REPORTS_ID, "phishing-reports"), (JA_REPORTS_ID, "フィッシング報告"),
                                                    (GENERAL_ID, "general")]):
                self._channels[in_guild(k, cid)] = self._channel(in_guild(k, cid), name, position, guild_id=gid,
                                                                 category=category)

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
    def _channel(cid: int, name: str, position: int, *, kind: int = 0, guild_id: int = GUILD_ID,
                 category: int = CATEGORY_ID) -> dict[str, Any]:
        return {"id": str(cid), "type": kind, "guild_id": str(guild_id), "name": name, "position": position,
                "parent_id": None if kind == 4 else str(category), "permission_overwrites": [], "nsfw": False,
                "topic": None, "last_message_id": None, "rate_limit_per_user": 0, "flags": 0,
                "default_auto_archive_duration": 1440}

    def guild_of(self, channel_id: int) -> int:
        """The guild a channel (or thread) belongs to."""
        channel = self._channels.get(channel_id)
        return int(channel["guild_id"]) if channel is not None else GUILD_ID

    def _roles(self, guild_id: int = GUILD_ID) -> list[dict[str, Any]]:
        def role(rid: int, name: str, perms: int, position: int, **extra: Any) -> dict[str, Any]:
            return {"id": str(rid), "name": name, "color": 0, "colors": {"primary_color": 0, "secondary_color": None,
                    "tertiary_color": None}, "hoist": False, "icon": None, "unicode_emoji": None, "position": position,
                    "permissions": str(perms), "managed": False, "mentionable": False, "flags": 0, **extra}
        return [role(guild_id, "@everyone", 0, 0), role(MEMBER_ROLE_ID, "member", MEMBER_PERMISSIONS, 1),
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

    def _guild(self, *, full: bool, guild_id: int = GUILD_ID) -> dict[str, Any]:
        index = self.guild_ids.index(guild_id) if guild_id in self.guild_ids else 0
        guild = {"id": str(guild_id), "name": "Example Guild" if index == 0 else f"Example Guild {index + 1}", "icon": None, "splash": None, "discovery_splash": None,
                 "banner": None, "description": None, "owner_id": str(ADMIN_ID), "afk_channel_id": None, "afk_timeout": 300,
                 "verification_level": 1, "default_message_notifications": 1, "explicit_content_filter": 0,
                 "roles": self._roles(guild_id), "emojis": [], "stickers": [], "features": [], "mfa_level": 0, "nsfw_level": 0,
                 "application_id": None, "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None,
                 "public_updates_channel_id": None, "safety_alerts_channel_id": None, "max_members": 500000,
                 "vanity_url_code": None, "premium_tier": 0, "premium_subscription_count": 0,
                 "preferred_locale": self.guild_locale, "premium_progress_bar_enabled": False}
        if full:
            guild.update(joined_at="2023-04-01T00:00:00+00:00", large=False, unavailable=False, member_count=len(self.users),
                         voice_states=[], members=[self._member(uid) for uid in self.users], presences=[],
                         channels=[c for c in self._channels.values() if c["type"] != 11 and c["guild_id"] == str(guild_id)],
                         threads=[c for c in self._channels.values() if c["type"] == 11 and c["guild_id"] == str(guild_id)],
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

    def _stored(self, message: dict[str, Any]) -> dict[str, Any]:
        stored = self._messages.get(int(message["id"]))
        if stored is None:
            raise AssertionError(f"the fake knows no message {message['id']}")
        return copy.deepcopy(stored)

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
                                        "message_id": str(ref["message_id"]), "guild_id": str(self.guild_of(channel_id))}
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

    def _message_in(self, request: web.Request) -> dict[str, Any] | None:
        msg = self._messages.get(int(request.match_info["mid"]))
        return msg if msg is not None and msg["channel_id"] == request.match_info["cid"] else None

    def _channel_or_404(self, request: web.Request) -> dict[str, Any] | web.Response:
        channel = self._channels.get(int(request.match_info["cid"]))
        return channel if channel is not None else _error(404, 10003, "Unknown Channel")
