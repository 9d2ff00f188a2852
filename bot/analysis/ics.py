"""Calendar invitations (``text/calendar``, ``.ics``): the words and links an invitation shows.

A calendar app shows an invitation's title, description, place and link, and many add it to the
calendar on arrival, so spam and phishing arrive as invitations (a "meeting" whose description holds
the lure and the link). The invitation is read as text of the mail, never run. RFC 5545 content lines
are unfolded and unescaped here by hand: the properties read are few and plain, and the icalendar
library would build every component (time zones, recurrence rules) to give four strings back.
"""

from __future__ import annotations

ICS_MAX_BYTES = 256 * 1024  # an invitation is a few KiB; a bigger one is read to here
ICS_MAX_LINES = 5_000
ICS_MAX_VALUE = 20_000
# what a calendar shows of an event (the organiser's and attendees' addresses are people, not content)
_SHOWN = frozenset(("SUMMARY", "DESCRIPTION", "LOCATION", "URL", "COMMENT", "CONFERENCE"))
_HTML_DESCRIPTION = "X-ALT-DESC"  # Outlook's HTML description (FMTTYPE=text/html)
_UNESCAPE = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}


def _split_line(line: str) -> tuple[str, str, str] | None:
    """(NAME, parameters, value) of a content line, or None. A parameter's quoted value may hold ``:``
    (``ALTREP="https://…"``): the value starts at the first colon outside quotes."""
    quoted = False
    for i, ch in enumerate(line[:2000]):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = line[:i], line[i + 1 :]
            name, _, params = head.partition(";")
            return name.strip().upper(), params, value
    return None


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            out.append(_UNESCAPE.get(value[i + 1], value[i + 1]))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def invitation_text(text: str) -> tuple[str, str]:
    """(plain text, HTML) an invitation shows: its events' titles, descriptions, places and links, one
    per line; Outlook's HTML description apart. Bounded: the first ``ICS_MAX_BYTES`` characters,
    ``ICS_MAX_LINES`` lines, ``ICS_MAX_VALUE`` characters a value."""
    text = text[:ICS_MAX_BYTES].replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\n ", "").replace("\n\t", "")  # unfolded (RFC 5545 §3.1)
    plain: list[str] = []
    html: list[str] = []
    for line in text.split("\n", ICS_MAX_LINES)[:ICS_MAX_LINES]:
        parts = _split_line(line)
        if parts is None:
            continue
        name, params, value = parts
        if name in _SHOWN:
            shown = _unescape(value[:ICS_MAX_VALUE]).strip()
            if shown:
                plain.append(shown)
        elif name == _HTML_DESCRIPTION and "text/html" in params.lower():
            html.append(_unescape(value[:ICS_MAX_VALUE]))
    return "\n".join(plain), "\n".join(html)
