"""One mail from Discord into the shared log: the guild's settings applied (lookups, its lookup
budget, raw-mail retention), the ready-to-send report text kept for its button, and the embed
and buttons built. Every intake path (paste, attachment, /analyze, context menu) ends here."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

import discord

from bot.discord_ui.context import Deps
from bot.discord_ui.embeds import analysis_embed
from bot.discord_ui.views import DeletePasteButton, ReportTextButton, ShareButton, VoteButton
from bot.presentation.analysis_view import AnalysisView, analysis_view
from bot.presentation.desk_text import desk_text
from bot.services.community import Submitted
from bot.services.quick_intel import QuickIntel


@dataclass(frozen=True)
class Outcome:
    submitted: Submitted
    view: AnalysisView
    embed: discord.Embed
    data: bytes
    name: str | None
    pending: bool  # some registries had not answered when the reply went out

    @property
    def report_id(self) -> str:
        return self.submitted.stored.public_id

    @property
    def verdict(self) -> str:
        return self.view.verdict


def intake_path(name: str | None) -> str:
    """How a mail came in, for the metrics: paste, forwarded, message (the context menu on plain
    text), or attachment."""
    return name if name in ("paste", "forwarded", "message") else "attachment"


async def submit(
    deps: Deps, data: bytes, guild_id: int, member_id: int, lang: str, name: str | None = None, *, record: bool = True,
    path: str | None = None,
) -> Outcome:
    """``record=False``: a private analysis (/analyze, the context menu), kept out of the shared
    log until the member presses Share. ``path``: how it came in, for the metrics."""
    began = time.perf_counter()
    settings = await deps.guild_settings(guild_id)
    quick: QuickIntel | None = None
    if deps.intel is not None and settings["lookups_enabled"]:
        quick = QuickIntel(deps.budget.for_guild(deps.intel, guild_id), deps.settings.discord.reply_wait)
    now = deps.clock()
    keep = settings["raw_retention_days"] if settings["keep_raw"] else None
    listings = deps.outreach.index if deps.outreach is not None else None
    done = await deps.community.submit_report(data, guild_id, member_id, now, quick, deps.settings.limits, keep,
                                              record=record, listings=listings)
    if deps.metrics is not None:
        where = path or intake_path(name)
        deps.metrics.analyses.labels(done.analysis.verdict, where).inc()
        deps.metrics.analysis_seconds.labels(where).observe(time.perf_counter() - began)
        if done.recorded and not done.stored.duplicate:
            deps.metrics.reports_stored.inc()
    public_id = done.stored.public_id
    text = desk_text(done.analysis, lang, public_id)
    await deps.store.save_report_text(guild_id, public_id, member_id, text,
                                      now + timedelta(days=settings["raw_retention_days"]))
    view = analysis_view(done.analysis, lang, input_name=name, campaign=done.stored.campaign_id, report_id=public_id)
    embed = analysis_embed(view, lang, campaign_reports=done.campaign_reports, campaign_members=done.campaign_members,
                           duplicate=done.stored.duplicate and not done.stored.new_reporter)
    return Outcome(done, view, embed, data, name, bool(quick and quick.pending) and not done.stored.duplicate)


async def refreshed(deps: Deps, outcome: Outcome, guild_id: int, lang: str) -> discord.Embed | None:
    """The embed again once the registries that were late have answered (the lookups went on in
    the background; this joins them, up to LOOKUP_DEADLINE), or None when nothing changed. The
    stored report is judged again too."""
    if deps.intel is None:
        return None
    done = outcome.submitted
    analysis = await deps.community.rejudge(outcome.data, guild_id, done.stored.public_id, deps.clock(), deps.intel,
                                          deps.settings.limits, store=done.recorded,
                                          listings=deps.outreach.index if deps.outreach else None)
    view = analysis_view(analysis, lang, input_name=outcome.name, campaign=done.stored.campaign_id,
                         report_id=done.stored.public_id)
    if view.links == outcome.view.links and view.verdict == outcome.view.verdict:
        return None
    return analysis_embed(view, lang, campaign_reports=done.campaign_reports, campaign_members=done.campaign_members,
                          duplicate=done.stored.duplicate and not done.stored.new_reporter)


def report_view(outcome: Outcome, lang: str, *, paste: discord.Message | None = None, share: bool = False) -> discord.ui.View:
    """The buttons under an analysis. Every one is a dynamic item: its state is in its custom id
    and in SQLite, so it still works after a restart."""
    view = discord.ui.View(timeout=None)
    if share:
        # a private analysis: Share posts it and records it in the shared log
        view.add_item(ShareButton(lang, None if outcome.submitted.recorded else outcome.report_id))
    if outcome.submitted.stored.campaign_id:
        view.add_item(VoteButton(outcome.submitted.stored.campaign_id, None, lang))
    view.add_item(ReportTextButton(outcome.report_id, lang))
    if paste is not None:
        view.add_item(DeletePasteButton(paste.channel.id, paste.id, paste.author.id, lang))
    return view
