"""The last pass over a whole text about to be shown. The sanitiser itself is the core's
(``analysis.safe_text.present_text``: the core presents finding parameters at their source, and
every view string passes it when ``analysis_view`` makes the view); whatever a renderer then puts
together — our own sentences around those strings included — gets this pass before it leaves."""

from __future__ import annotations

from bot.analysis.links import defang_schemes
from bot.analysis.privacy import clean_controls


def screen_text(text: str) -> str:
    """The last pass over a whole text about to be shown (readable output, the desk text, an
    embed): whatever was put in it, no control character, bidi override or live ``scheme://`` is
    left."""
    return defang_schemes(clean_controls(text, multiline=True))
