"""One mail from Discord into the shared log (``Submissions.submit``: the guild's settings, its
lookup budget and the desk text are the use-case's), the answer's embed and buttons built, and the
metrics counted. Every intake path (paste, attachment, /analyze, context menu) ends here."""

from __future__ import annotations

import time
from dataclasses import dataclass

import discord

from bot.discord_ui.context import Deps
from bot.discord_ui.embeds import analysis_embed
from bot.discord_ui.views import DeletePasteButton, DeskTextButton, DetailsButton, ShareButton, VoteButton
from bot.presentation.analysis_view import AnalysisView, analysis_view
from bot.services.submit import Submitted


@dataclass(frozen=True)
class Outcome:
    submitted: Submitted
    view: AnalysisView
    embed: discord.Embed
    data: bytes
    name: str | None

    @property
    def report_id(self) -> str:
        return self.submitted.saved.public_id

    @property
    def verdict(self) -> str:
        return self.view.verdict

    @property
    def pending(self) -> bool:
        """Some registries had not answered when the reply went out."""
        return self.submitted.pending


def intake_path(name: str | None) -> str:
    """How a mail came in, for the metrics: paste, forwarded, message (the context menu on plain
    text), or attachment."""
    return name if name in ("paste", "forwarded", "message") else "attachment"


def _embed(submitted: Submitted, view: AnalysisView, lang: str) -> discord.Embed:
    saved = submitted.saved
    return analysis_embed(view, lang, campaign_reports=submitted.campaign_reports,
                          campaign_members=submitted.campaign_members, duplicate=saved.duplicate and not saved.new_reporter)


async def submit(
    deps: Deps, data: bytes, guild_id: int, member_id: int, lang: str, name: str | None = None, *, record: bool = True,
    path: str | None = None,
) -> Outcome:
    """``record=False``: a private analysis (/analyze, the context menu), kept out of the shared
    log until the member presses Share. ``path``: how it came in, for the metrics."""
    began = time.perf_counter()
    done = await deps.submissions.submit(data, guild_id, member_id, deps.clock(), record=record, lang=lang)
    if deps.metrics is not None:
        where = path or intake_path(name)
        deps.metrics.analyses.labels(done.analysis.verdict, where).inc()
        deps.metrics.analysis_seconds.labels(where).observe(time.perf_counter() - began)
        if done.recorded and not done.saved.duplicate:
            deps.metrics.reports_stored.inc()
    view = analysis_view(done.analysis, lang, input_name=name, campaign=done.saved.campaign_id,
                         report_id=done.saved.public_id)
    return Outcome(done, view, _embed(done, view, lang), data, name)


async def refreshed(deps: Deps, outcome: Outcome, guild_id: int, lang: str) -> discord.Embed | None:
    """The embed again once the registries that were late have answered (the lookups went on in
    the background; this joins them, up to LOOKUP_DEADLINE), or None when nothing changed. The
    stored report is judged again too."""
    if deps.lookups is None:
        return None
    done = outcome.submitted
    analysis = await deps.submissions.rejudge(outcome.data, guild_id, done.saved.public_id, deps.clock(),
                                              store=done.recorded)
    view = analysis_view(analysis, lang, input_name=outcome.name, campaign=done.saved.campaign_id,
                         report_id=done.saved.public_id)
    if view.links == outcome.view.links and view.verdict == outcome.view.verdict:
        return None
    return _embed(done, view, lang)


def report_view(outcome: Outcome, lang: str, *, paste: discord.Message | None = None, share: bool = False) -> discord.ui.View:
    """The buttons under an analysis. Every one is a dynamic item: its state is in its custom id
    and in the store, so it still works after a restart."""
    view = discord.ui.View(timeout=None)
    if share:
        # a private analysis: Share posts it and records it in the shared log
        view.add_item(ShareButton(lang, None if outcome.submitted.recorded else outcome.report_id))
    if outcome.submitted.saved.campaign_id:
        view.add_item(VoteButton(outcome.submitted.saved.campaign_id, None, lang))
    view.add_item(DeskTextButton(outcome.report_id, lang))
    view.add_item(DetailsButton(outcome.report_id, lang))
    if paste is not None:
        view.add_item(DeletePasteButton(paste.channel.id, paste.id, paste.author.id, lang))
    return view
