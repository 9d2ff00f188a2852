"""Every verdict has its own colour and emoji in Discord, from the one table the charts use too,
and the embed says the verdict's line."""

from __future__ import annotations

from bot.analysis.models import VERDICTS
from bot.analysis.pipeline import analyse
from bot.discord_ui.embeds import analysis_embed
from bot.i18n import t
from bot.presentation.analysis_view import analysis_view
from bot.presentation.palette import VERDICT_COLOURS, VERDICT_EMOJI, verdict_colour_int


def test_each_verdict_has_its_own_colour_and_emoji() -> None:
    assert set(VERDICT_COLOURS) == set(VERDICT_EMOJI) == set(VERDICTS)
    assert len(set(VERDICT_COLOURS.values())) == len(VERDICTS) and len(set(VERDICT_EMOJI.values())) == len(VERDICTS)


def test_a_bare_link_embed_speaks_of_the_link_in_the_charts_colour() -> None:
    view = analysis_view(analyse(b"https://smbc.servicecc-jp.cc/vpass/login.php"), "ja")
    assert view.bare_links is True
    embed = analysis_embed(view, "ja")
    assert embed.colour is not None and embed.colour.value == verdict_colour_int(view.verdict)
    assert embed.colour.value == int(VERDICT_COLOURS[view.verdict].lstrip("#"), 16)
    assert t("ja", "verdict_line_link", view.verdict) in (embed.description or "")
