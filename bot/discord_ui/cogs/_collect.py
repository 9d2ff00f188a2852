"""The mails in a Discord message: its text, its ``.eml``/``.msg``/``.txt`` attachments (fetched
from Discord's CDN, which is the only thing the bot downloads), and the same in forwarded
messages' snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import discord

from bot.discord_ui._parsing import MailInput, is_mail_attachment, paste_input

MAX_INPUTS = 5  # mails read from one message; more is not a report, it is a dump


@dataclass
class Collected:
    inputs: list[MailInput] = field(default_factory=list)
    too_big: list[str] = field(default_factory=list)  # attachment names over the input limit
    failed: list[str] = field(default_factory=list)  # attachments that could not be fetched


async def _attachments(items: Sequence[discord.Attachment], max_bytes: int, out: Collected) -> None:
    for attachment in items:
        if len(out.inputs) >= MAX_INPUTS:
            return
        if not is_mail_attachment(attachment.filename):
            continue
        if attachment.size > max_bytes:
            out.too_big.append(attachment.filename)
            continue
        try:
            data = await attachment.read()
        except (discord.HTTPException, discord.NotFound):
            out.failed.append(attachment.filename)
            continue
        out.inputs.append(MailInput(attachment.filename, data[:max_bytes]))


async def collect(message: discord.Message, max_bytes: int) -> Collected:
    out = Collected()
    await _attachments(message.attachments, max_bytes, out)
    pasted = paste_input(message.content)
    if pasted is not None:
        out.inputs.append(pasted)
    for snapshot in getattr(message, "message_snapshots", None) or []:
        forwarded = paste_input(snapshot.content or "", "forwarded")
        if forwarded is not None and len(out.inputs) < MAX_INPUTS:
            out.inputs.append(forwarded)
        await _attachments(snapshot.attachments, max_bytes, out)
    out.inputs = out.inputs[:MAX_INPUTS]
    return out
