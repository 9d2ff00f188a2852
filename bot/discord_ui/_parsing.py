"""What in a Discord message counts as a mail to analyse (SPEC §7), without discord itself: the
cogs hand in plain strings and attachment names, so this is tested on its own with no mocks.

A message counts when it has an ``.eml``/``.msg``/``.txt`` attachment (``message.txt`` is what
Discord makes of a long paste), mail header lines, or a link. Plain chat is left alone.
Regexes here run on member text: anchored, bounded, no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.links import URL_IN_TEXT, refang

MAIL_EXTENSIONS = (".eml", ".msg", ".txt")

# header lines of "show original", and the pasted forms Gmail, Outlook and Yahoo show (ja, en)
_HEADER_LINE = re.compile(
    r"^[ \t>]{0,8}(?:from|to|subject|date|received|return-path|reply-to|message-id|authentication-results|"
    r"received-spf|dkim-signature|arc-authentication-results|x-mailer|delivered-to|mailed-by|signed-by|"
    r"差出人|送信元|送信者|宛先|件名|日付|送信日時|返信先|メール送信元|署名元)[ \t]{0,4}[:：]",
    re.IGNORECASE | re.MULTILINE,
)
_BARE_DOMAIN_LINK = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9-]{1,63}\.){1,8}(?:com|net|org|jp|cc|xyz|top|info|shop|co|io|app|dev|site|online|link|click)/\S",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^```[a-zA-Z0-9_-]{0,20}[ \t]*\n|\n?```[ \t]*$")


@dataclass(frozen=True)
class MailInput:
    """One mail to analyse: where it came from (for the reply) and its bytes."""

    name: str  # "paste", "forwarded", or an attachment's file name
    data: bytes


def counts_as_mail(text: str) -> bool:
    """Header lines or a link (defanged ones too) make a paste a mail; anything else is chat."""
    if not text or not text.strip():
        return False
    sample = text[:20_000]
    if _HEADER_LINE.search(sample):
        return True
    unfanged = refang(sample)
    return URL_IN_TEXT.search(unfanged) is not None or _BARE_DOMAIN_LINK.search(unfanged) is not None


def strip_fences(text: str) -> str:
    """A paste wrapped in a code block (```…```) is the mail inside it."""
    stripped = text.strip()
    if stripped.startswith("```") and stripped.endswith("```") and len(stripped) >= 6:
        return _FENCE.sub("", stripped)
    return text


def is_mail_attachment(filename: str) -> bool:
    return filename.lower().endswith(MAIL_EXTENSIONS)


def paste_input(text: str, name: str = "paste") -> MailInput | None:
    if not counts_as_mail(text):
        return None
    return MailInput(name, strip_fences(text).encode("utf-8"))
