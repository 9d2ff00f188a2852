"""The one table of verdict colours — the charts, the Discord embeds and the campaign page all take
them from here — with each verdict's emoji, and the colours of the charts' other series. No
matplotlib here: anything may import this module.

The colours are Okabe & Ito's palette ("Color Universal Design", 2008), chosen to stay apart for
readers with any of the common colour-vision deficiencies; and colour is never the only cue: each
verdict also has a hatch pattern in the stacked bars, a legend in stacking order and its number in
the text beside the picture. Phishing (vermillion) and no signs (bluish green) differ in lightness
and in blue, not only in the red/green axis.
"""

from __future__ import annotations

# most serious first: the order of the stack (bottom up) and of the legend
VERDICT_ORDER = ("phishing", "malware", "scam", "suspicious", "spam", "no_signs")

VERDICT_COLOURS: dict[str, str] = {
    "phishing": "#D55E00",    # vermillion
    "malware": "#CC79A7",     # reddish purple
    "scam": "#E69F00",        # orange
    "suspicious": "#F0E442",  # yellow
    "spam": "#56B4E9",        # sky blue
    "no_signs": "#009E73",    # bluish green
}

# a second cue beside colour, for print in grey and for readers who cannot tell two colours apart
VERDICT_HATCHES: dict[str, str] = {
    "phishing": "///",
    "malware": "xx",
    "scam": "\\\\\\",
    "suspicious": "..",
    "spam": "--",
    "no_signs": "",
}

# beside the colour in Discord: the emoji before a verdict (thread names, embed titles)
VERDICT_EMOJI: dict[str, str] = {
    "phishing": "🔴", "scam": "🟣", "malware": "☣️", "spam": "🟡", "suspicious": "🟠", "no_signs": "🟢",
}

UNKNOWN_VERDICT_COLOUR = "#999999"  # a verdict this table does not know yet (drawn, never dropped)

# the other series
PROBABILITY = "#0072B2"  # blue: the model's leak-source probability (solid bars)
VOTES = "#E69F00"        # orange: members' votes (hatched outline: visibly another kind of number)
BRANDS = "#0072B2"       # blue: brands impersonated this month
TIMELINE = "#56B4E9"     # sky blue: a campaign's reports over time (not the probability's blue)
INK = "#222222"          # text and axes
GRID = "#DDDDDD"


def verdict_colour(verdict: str) -> str:
    return VERDICT_COLOURS.get(verdict, UNKNOWN_VERDICT_COLOUR)


def verdict_colour_int(verdict: str) -> int:
    """The same colour as an integer (what a Discord embed takes)."""
    return int(verdict_colour(verdict)[1:], 16)


def verdict_order(verdicts: set[str] | frozenset[str]) -> list[str]:
    """Known verdicts in the table's order, then any other in alphabetical order."""
    return [v for v in VERDICT_ORDER if v in verdicts] + sorted(set(verdicts) - set(VERDICT_ORDER))
