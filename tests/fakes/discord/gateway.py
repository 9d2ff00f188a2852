"""The fake Discord's gateway: the websocket the real discord.py connects to — HELLO, IDENTIFY
(token and intents checked), READY + GUILD_CREATE, heartbeats, RESUME — and the events dispatched
to clients by intent, with others' message content blanked without the message-content intent."""

from __future__ import annotations

import asyncio
import json
from contextlib import suppress
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.discord.state import (
    APP_ID,
    BOT_ID,
    BOT_ROLE_ID,
    EPHEMERAL,
    GUILD_ID,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILDS,
    INTENT_MESSAGE_CONTENT,
    DiscordState,
    _Conn,
)


class Gateway(DiscordState):
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
                        "guild_id": str(d.get("guild_id") or GUILD_ID), "members": [self._member(uid) for uid in self.users],
                        "chunk_index": 0, "chunk_count": 1, "not_found": [], "nonce": d.get("nonce")})
        finally:
            if conn in self._conns:
                self._conns.remove(conn)
        return ws

    async def _identify(self, conn: _Conn, d: dict[str, Any]) -> None:
        """IDENTIFY: the token and intents checked, then ``shard: [id, count]`` (Discord closes with
        4010 for an invalid shard); READY lists the guilds of that shard, each sent by GUILD_CREATE."""
        self.identify = d
        self.identifies.append(d)
        if d.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if d.get("intents", 0) & self.disallowed_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        shard = d.get("shard") or [0, 1]
        if (not isinstance(shard, list) or len(shard) != 2 or not all(isinstance(x, int) for x in shard)
                or not 0 <= shard[0] < shard[1]):
            await conn.ws.close(code=4010, message=b"Invalid shard.")
            return
        conn.shard = (shard[0], shard[1])
        conn.intents, conn.session_id = d.get("intents", 0), f"fake-session-{self._snowflake()}"
        self._sessions[conn.session_id] = (conn.intents, conn.shard)
        self._conns.append(conn)
        mine = [gid for gid in self.guild_ids if conn.serves(gid)]
        await self._send(conn, "READY", {
            "v": 10, "user": self.users[BOT_ID], "guilds": [{"id": str(gid), "unavailable": True} for gid in mine],
            "shard": list(conn.shard),
            "session_id": conn.session_id, "resume_gateway_url": self.gateway_url, "session_type": "normal",
            "application": {"id": str(APP_ID), "flags": 0}, "private_channels": [], "relationships": [],
            "presences": [], "geo_ordered_rtc_regions": [], "user_settings": {}})
        for gid in mine:
            await self._send(conn, "GUILD_CREATE", self._guild(full=True, guild_id=gid))
        self.ready_count += 1

    async def _resume(self, conn: _Conn, d: dict[str, Any]) -> None:
        if d.get("token") != self.token or d.get("session_id") not in self._sessions:
            await conn.ws.send_str(json.dumps({"op": 9, "d": False}))
            return
        conn.session_id, conn.seq = d["session_id"], int(d.get("seq") or 0)
        conn.intents, conn.shard = self._sessions[d["session_id"]]
        self._conns.append(conn)
        await self._send(conn, "RESUMED", {})
        self.resumed_count += 1

    async def _send(self, conn: _Conn, event: str, data: dict[str, Any]) -> None:
        conn.seq += 1
        self.dispatched.append((event, data))
        await conn.ws.send_str(json.dumps({"op": 0, "t": event, "s": conn.seq, "d": data}))

    async def _dispatch(self, event: str, data: dict[str, Any], *, required: bool = False) -> None:
        """Send an event to every identified client that asked for it (by intents), on the shard
        of the event's guild (``(guild_id >> 22) % shard_count``)."""
        if required and not self._conns:
            raise RuntimeError(f"{event}: no client is connected to the fake gateway (await wait_ready() first)")
        need = {"MESSAGE_CREATE": INTENT_GUILD_MESSAGES, "MESSAGE_UPDATE": INTENT_GUILD_MESSAGES,
                "MESSAGE_DELETE": INTENT_GUILD_MESSAGES, "THREAD_CREATE": INTENT_GUILDS}.get(event, 0)
        guild = data.get("guild_id")
        for conn in list(self._conns):
            if conn.intents & need != need or not conn.serves(int(guild) if guild else None):
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
            await self._dispatch(event, {**msg, "guild_id": str(self.guild_of(int(msg["channel_id"]))),
                                         "member": self._member(BOT_ID, with_user=False)})

    async def disconnect_clients(self, *, invalidate_sessions: bool = False) -> None:
        """Close every gateway socket with 4000; clients then RESUME (answered with RESUMED), or, when
        ``invalidate_sessions``, get INVALID_SESSION and IDENTIFY again (a new READY)."""
        if invalidate_sessions:
            self._sessions.clear()
        conns, self._conns = self._conns, []
        for conn in conns:
            with suppress(TimeoutError, ConnectionError):
                await asyncio.wait_for(conn.ws.close(code=4000, message=b"fake disconnect"), 2)

    async def _delete(self, msg: dict[str, Any]) -> web.Response:
        cid, mid = int(msg["channel_id"]), int(msg["id"])
        del self._messages[mid]
        self.deleted_messages.append((cid, mid))
        await self._dispatch("MESSAGE_DELETE", {"id": str(mid), "channel_id": str(cid), "guild_id": str(self.guild_of(cid))})
        return web.Response(status=204)

    async def set_bot_permissions(self, permissions: int) -> None:
        """Change the bot role's permissions, telling connected clients (GUILD_ROLE_UPDATE) as Discord would.
        Assigning ``bot_permissions`` directly changes only what the server enforces."""
        self.bot_permissions = permissions
        role = next(r for r in self._roles() if r["id"] == str(BOT_ROLE_ID))
        for gid in self.guild_ids:
            await self._dispatch("GUILD_ROLE_UPDATE", {"guild_id": str(gid), "role": role})
