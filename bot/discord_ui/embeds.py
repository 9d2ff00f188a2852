"""The analysis embed: the analysis view (``presentation.analysis_view``, the CLI's ``--json``)
rendered for Discord. Everything shown is already masked and defanged in the view; here free text
is also escaped for Discord (Markdown, and the ``<…>`` forms Discord renders: mentions, channels,
timestamps, slash commands, custom emoji), links sit in code spans, every field keeps to
Discord's limits (title 256, description 4,096, field 1,024, 25 fields, 6,000 in all), and the
finished embed gets the same last pass as the CLI's text (``presentation.safety.screen_text``).
The verdict's colour and emoji come from the one table (``presentation.palette``)."""

from __future__ import annotations

import re

import discord

from bot.analysis.links import defang_host
from bot.analysis.safe_text import present_text
from bot.i18n import t
from bot.presentation.analysis_text import KINDS_SHOWN
from bot.presentation.analysis_view import AnalysisView
from bot.presentation.palette import VERDICT_EMOJI, verdict_colour_int
from bot.presentation.safety import screen_text

INFO_COLOUR = 0x546E7A
FIELD_MAX = 1024
EMBED_TOTAL_MAX = 6000  # Discord counts title, description, field names and values, footer
SUBJECT_MAX = 300  # characters of the subject shown (after escaping)
SEVERITY = {"high": "‼️", "medium": "❗", "low": "•", "info": "ℹ️"}


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Markdown's inline characters (emphasis, code, spoilers) and "<", which opens every form Discord
# renders (<@id> <#id> <t:unix:R> </cmd:id> <:emoji:id> <id:guide>); quotes, headings and lists
# only at the start of a line; "](" of a masked link
_DISCORD_INLINE = re.compile(r"[\\*_~|`<]|\](?=\()")
_DISCORD_LINE_START = re.compile(r"(?m)^([ \t]*)([>#-])")
_EVERYONE = re.compile(r"@(?=everyone|here)")


def plain(text: str, limit: int = 4000) -> str:
    """Member or attacker text shown as text: each character Discord would render escaped with a
    backslash (shown as itself), @everyone/@here too (belt and braces: allowed_mentions is none
    on every message anyway). Linear: no look-ahead over the text."""
    text = _DISCORD_INLINE.sub(lambda m: "\\" + m.group(0), text[:limit])
    text = _DISCORD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _EVERYONE.sub(r"\\@", text)


def shown_name(name: str) -> str:
    """A file name (a member's upload, a forwarded mail's attachment) in a sentence: sanitised like
    mail text (links and names ending in a real top-level domain defanged: ``invoice.zip``, not
    ``photo.png``; controls out) and escaped for Discord."""
    return plain(present_text(name, real_tlds_only=True, limit=200))


def code(text: str) -> str:
    """A code span: Discord renders nothing inside it (no Markdown, mention or timestamp)."""
    return "`" + text.replace("`", "ˋ") + "`"


def _lines_field(lines: list[str], lang: str) -> str:
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        if used + len(line) + 1 > FIELD_MAX - 40:
            out.append(t(lang, "discord", "and_more", count=len(lines) - i))
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out) or "-"


def analysis_embed(
    view: AnalysisView, lang: str, *, campaign_reports: int | None = None, campaign_members: int | None = None,
    duplicate: bool = False, max_findings: int = 6,
) -> discord.Embed:
    verdict = view.verdict
    title = f"{VERDICT_EMOJI.get(verdict, '')} {t(lang, 'verdict', verdict)} ({view.score}/100)"
    brand = view.brand
    if brand and not brand.official:
        title += " — " + t(lang, "discord", "impersonates", brand=brand.name)
    elif brand:
        title += " — " + brand.name
    description = [t(lang, "verdict_line_link" if view.bare_links else "verdict_line", verdict)]
    if view.subject:
        description.append(f"**{t(lang, 'cli', 'subject')}:** {clip(plain(view.subject, SUBJECT_MAX), SUBJECT_MAX * 2)}")
    if not view.readable:
        description.append(t(lang, "discord", "unreadable_note"))
    embed = discord.Embed(title=clip(title, 256), description=clip("\n".join(description), 4000),
                          colour=verdict_colour_int(verdict))
    s = view.sender
    sender_lines = []
    if s.from_address:
        shown = code(s.from_address)
        if s.display_name:
            shown += f" ({plain(s.display_name, 200)})"
        sender_lines.append(f"{t(lang, 'cli', 'from')}: {shown}")
    if s.envelope_domain:
        sender_lines.append(f"{t(lang, 'cli', 'envelope')}: {code(defang_host(s.envelope_domain))}")
    if s.handoff_ip:
        sender_lines.append(f"{t(lang, 'cli', 'route')}: {code(s.handoff_ip)}")
    if sender_lines:
        embed.add_field(name=t(lang, "discord", "sender"), value=_lines_field(sender_lines, lang), inline=False)
    if any(v for _, v in s.auth.items()):
        embed.add_field(name=t(lang, "cli", "auth"),
                        value=" · ".join(f"{k.upper()} **{v or '-'}**" for k, v in s.auth.items()), inline=False)
    if view.links:
        link_lines = []
        repeats: dict[str, int] = {}
        for link in view.links:
            repeats[link.url] = repeats.get(link.url, 0) + 1
        listed: set[str] = set()
        for link in view.links:  # the same shown link once, with ×N (ten tracking links are one line)
            if link.url in listed:
                continue
            listed.add(link.url)
            extra = "" if repeats[link.url] == 1 else " " + t(lang, "evidence", "repeated", count=repeats[link.url])
            if link.official_for_brand:
                extra += " — " + t(lang, "discord", "official_link")
            elif link.age_days is not None:
                extra += " — " + t(lang, "cli", "age", days=link.age_days)
            elif link.lookup == "unavailable":
                extra += " — " + t(lang, "discord", "age_unknown")
            link_lines.append(code(clip(link.url, 180)) + extra)
        embed.add_field(name=f"{t(lang, 'cli', 'links')} ({len(view.links)})", value=_lines_field(link_lines, lang),
                        inline=False)
    if view.attachments:  # name, what its bytes say, SHA-256 (for VirusTotal and the desks)
        lines = [f"{plain(a.name or t(lang, 'evidence', 'no_name'), 120)} — {code(a.sniffed or a.declared)}\n"
                 f"{code(a.sha256)}" for a in view.attachments[:5]]
        embed.add_field(name=t(lang, "evidence", "attachments"), value=_lines_field(lines, lang), inline=False)
    if view.findings:
        finding_lines = [f"{SEVERITY.get(f.severity, '•')} {plain(f.detail)}"
                         for f in view.findings[:max_findings]]
        if len(view.findings) > max_findings:
            finding_lines.append(t(lang, "discord", "and_more", count=len(view.findings) - max_findings))
        embed.add_field(name=t(lang, "cli", "findings"), value=_lines_field(finding_lines, lang), inline=False)
    if view.advice:
        embed.add_field(name=t(lang, "cli", "advice"), value=_lines_field([f"• {a}" for a in view.advice], lang),
                        inline=False)
    if view.problems:
        embed.add_field(name=t(lang, "cli", "problems"),
                        value=_lines_field([f"• {plain(p.detail)}" for p in view.problems], lang), inline=False)
    if view.campaign:
        text = t(lang, "discord", "campaign_line", campaign=view.campaign, reports=campaign_reports or 1,
                 members=campaign_members or 1)
        if duplicate:
            text += "\n" + t(lang, "discord", "duplicate")
        embed.add_field(name=t(lang, "community", "campaign"), value=text, inline=False)
    kind = t(lang, "cli", f"kind_{view.kind}") if view.kind in KINDS_SHOWN else None
    footer = " · ".join(x for x in (view.report_id, kind) if x)
    if footer:
        embed.set_footer(text=footer)
    return screen_embed(fit(embed, lang))


def screen_embed(embed: discord.Embed) -> discord.Embed:
    """The last pass over everything the embed shows (``presentation.safety.screen_text``)."""
    if embed.title:
        embed.title = screen_text(embed.title)
    if embed.description:
        embed.description = screen_text(embed.description)
    for i, f in enumerate(list(embed.fields)):
        embed.set_field_at(i, name=screen_text(f.name or ""), value=screen_text(f.value or ""), inline=f.inline)
    if embed.footer and embed.footer.text:
        embed.set_footer(text=screen_text(embed.footer.text))
    return embed


def fit(embed: discord.Embed, lang: str) -> discord.Embed:
    """Within Discord's 6,000 characters: the longest of findings, links, problems and advice is
    cut (never the verdict, the sender or the campaign) until the whole embed fits."""
    note = t(lang, "discord", "cut")
    for _ in range(60):  # each round removes a field or shortens the longest one
        over = len(embed) - EMBED_TOTAL_MAX
        if over <= 0:
            break
        fields = list(embed.fields)
        cuttable = [i for i, f in enumerate(fields) if f.name not in (t(lang, "discord", "sender"), t(lang, "cli", "auth"),
                                                                      t(lang, "community", "campaign"))]
        if not cuttable:
            embed.description = clip(embed.description or "", max(200, len(embed.description or "") - over))
            break
        i = max(cuttable, key=lambda k: len(fields[k].value or ""))
        value = fields[i].value or ""
        keep = len(value) - over - len(note) - 1
        if keep < 60:
            embed.remove_field(i)
            continue
        lines = value[:keep].split("\n")[:-1] or [value[:keep]]
        embed.set_field_at(i, name=fields[i].name, value="\n".join(lines) + "\n" + note, inline=False)
    return embed


def info_embed(title: str, text: str, colour: int = INFO_COLOUR) -> discord.Embed:
    return screen_embed(discord.Embed(title=clip(title, 256), description=clip(text, 4000), colour=colour))
