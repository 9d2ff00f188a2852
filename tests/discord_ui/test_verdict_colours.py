"""Every verdict has its own colour and emoji in Discord, and the embed says the verdict's line."""

from __future__ import annotations

from bot.analysis.models import VERDICTS
from bot.analysis.pipeline import analyse
from bot.discord_ui.embeds import COLOURS, EMOJI, analysis_embed
from bot.i18n import t
from bot.reporting import to_dict


def test_each_verdict_has_its_own_colour_and_emoji() -> None:
    assert set(COLOURS) == set(EMOJI) == set(VERDICTS)
    assert len(set(COLOURS.values())) == len(VERDICTS) and len(set(EMOJI.values())) == len(VERDICTS)


def test_a_bare_link_embed_speaks_of_the_link() -> None:
    obj = to_dict(analyse(b"https://smbc.servicecc-jp.cc/vpass/login.php"), "ja")
    assert obj["bare_links"] is True
    embed = analysis_embed(obj, "ja")
    assert embed.colour is not None and embed.colour.value == COLOURS[obj["verdict"]]
    assert t("ja", "verdict_line_link", obj["verdict"]) in (embed.description or "")
