"""The fake Discord's REST API (v10): the routes the bot calls — messages, threads, interaction
callbacks and follow-ups, command sync, the CDN — each recorded, with Discord's answers: 401 for a
wrong token, 403 code 50013 for a missing permission, 400 for bodies past Discord's limits."""

from __future__ import annotations

import copy
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import BodyPartReader, web

from tests.fakes.discord.gateway import Gateway
from tests.fakes.discord.state import (
    _COMMAND_NAME,
    ADMIN_ID,
    APP_ID,
    BOT_ID,
    EPHEMERAL,
    LOADING,
    Perm,
    Recorded,
    _error,
    _json,
    _message_problem,
    _now,
)


class Rest(Gateway):
    def _routes(self) -> list[tuple[str, str, str, Callable[[web.Request, Recorded], Awaitable[web.Response]]]]:
        """(method, path under /api/v10, route name, handler): the REST routes the fake serves."""
        return [
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


    def _wrap(self, name: str, handler: Callable[[web.Request, Recorded], Awaitable[web.Response]]) -> Callable[..., Any]:
        async def wrapped(request: web.Request) -> web.StreamResponse:
            body: Any = None
            files: list[tuple[str, bytes]] = []
            if request.content_type.startswith("multipart/"):
                async for part in await request.multipart():
                    if not isinstance(part, BodyPartReader):
                        continue  # a nested multipart: discord.py sends none
                    if part.name == "payload_json":
                        body = json.loads(await part.text())
                    elif part.filename:
                        files.append((part.filename, bytes(await part.read())))
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
        return _json({"url": self.gateway_url, "shards": self.recommended_shards,
                      "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})

    async def _get_guild(self, request: web.Request, rec: Recorded) -> web.Response:
        gid = int(request.match_info["gid"])
        if gid not in self.guild_ids:
            return _error(404, 10004, "Unknown Guild")
        return _json(self._guild(full=False, guild_id=gid))

    async def _get_guild_channels(self, request: web.Request, rec: Recorded) -> web.Response:
        gid = request.match_info["gid"]
        return _json([c for c in self._channels.values() if c["type"] != 11 and c["guild_id"] == gid])

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
            "id": str(tid), "type": 11 if mid is not None else int(body.get("type") or 12), "guild_id": parent["guild_id"],
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
            if problem := Rest._command_problem({**opt, "type": 1}):
                return problem
        return None

    async def _get_commands(self, request: web.Request, rec: Recorded) -> web.Response:
        return _json(self.commands.get(request.match_info.get("gid") or "global", []))
