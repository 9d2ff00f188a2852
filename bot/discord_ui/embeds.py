"""The analysis embed: the SPEC §4 object (``reporting.to_dict``, the CLI's ``--json``) rendered
for Discord. Everything shown is already masked and defanged by ``to_dict``; here free text is
also escaped for Markdown, links sit in code spans, and every field keeps to Discord's limits
(title 256, description 4,096, field 1,024, 25 fields, 6,000 in all)."""

from __future__ import annotations

from typing import Any

import discord

from bot.analysis.links import defang_host
from bot.i18n import t

# one colour and emoji per verdict (charts take the colours from here)
COLOURS = {"phishing": 0xD32F2F, "scam": 0x8E24AA, "malware": 0x4E342E, "spam": 0xFBC02D,
           "suspicious": 0xF57C00, "no_signs": 0x388E3C}
EMOJI = {"phishing": "🔴", "scam": "🟣", "malware": "☣️", "spam": "🟡", "suspicious": "🟠", "no_signs": "🟢"}
INFO_COLOUR = 0x546E7A
FIELD_MAX = 1024
EMBED_TOTAL_MAX = 6000  # Discord counts title, description, field names and values, footer
SUBJECT_MAX = 300  # characters of the subject shown (after escaping)
SEVERITY = {"high": "‼️", "medium": "❗", "low": "•", "info": "ℹ️"}


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str) -> str:
    """Member or attacker text shown as text: Markdown escaped, mentions broken (belt and braces:
    allowed_mentions is none on every message anyway)."""
    text = discord.utils.escape_markdown(text, as_needed=False)
    return discord.utils.escape_mentions(text)


def code(text: str) -> str:
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
    obj: dict[str, Any], lang: str, *, campaign_reports: int | None = None, campaign_members: int | None = None,
    duplicate: bool = False, max_findings: int = 6,
) -> discord.Embed:
    verdict = obj["verdict"]
    title = f"{EMOJI.get(verdict, '')} {t(lang, 'verdict', verdict)} ({obj['score']}/100)"
    brand = obj.get("brand")
    if brand and not brand["official"]:
        title += " — " + t(lang, "discord", "impersonates", brand=brand["name"])
    elif brand:
        title += " — " + brand["name"]
    description = [t(lang, "verdict_line_link" if obj.get("bare_links") else "verdict_line", verdict)]
    if obj.get("subject"):
        description.append(f"**{t(lang, 'cli', 'subject')}:** {clip(plain(obj['subject']), SUBJECT_MAX)}")
    if not obj.get("readable", True):
        description.append(t(lang, "discord", "unreadable_note"))
    embed = discord.Embed(title=clip(title, 256), description=clip("\n".join(description), 4000),
                          colour=COLOURS.get(verdict, INFO_COLOUR))
    s = obj["sender"]
    sender_lines = []
    if s.get("from"):
        shown = code(s["from"])
        if s.get("display_name"):
            shown += f" ({plain(s['display_name'])})"
        sender_lines.append(f"{t(lang, 'cli', 'from')}: {shown}")
    if s.get("envelope_domain"):
        sender_lines.append(f"{t(lang, 'cli', 'envelope')}: {code(defang_host(s['envelope_domain']))}")
    if s.get("handoff_ip"):
        sender_lines.append(f"{t(lang, 'cli', 'route')}: {code(s['handoff_ip'])}")
    if sender_lines:
        embed.add_field(name=t(lang, "discord", "sender"), value=_lines_field(sender_lines, lang), inline=False)
    auth = s["auth"]
    if any(auth.values()):
        embed.add_field(name=t(lang, "cli", "auth"),
                        value=" · ".join(f"{k.upper()} **{v or '-'}**" for k, v in auth.items()), inline=False)
    if obj["links"]:
        link_lines = []
        for link in obj["links"]:
            extra = ""
            if link.get("official_for_brand"):
                extra = " — " + t(lang, "discord", "official_link")
            elif link.get("age_days") is not None:
                extra = " — " + t(lang, "cli", "age", days=link["age_days"])
            elif link.get("lookup") == "unavailable":
                extra = " — " + t(lang, "discord", "age_unknown")
            link_lines.append(code(clip(link["url"], 180)) + extra)
        embed.add_field(name=f"{t(lang, 'cli', 'links')} ({len(obj['links'])})", value=_lines_field(link_lines, lang),
                        inline=False)
    if obj["findings"]:
        finding_lines = [f"{SEVERITY.get(f['severity'], '•')} {plain(f['detail'])} `{f['rule']}`"
                         for f in obj["findings"][:max_findings]]
        if len(obj["findings"]) > max_findings:
            finding_lines.append(t(lang, "discord", "and_more", count=len(obj["findings"]) - max_findings))
        embed.add_field(name=t(lang, "cli", "findings"), value=_lines_field(finding_lines, lang), inline=False)
    if obj["advice"]:
        embed.add_field(name=t(lang, "cli", "advice"), value=_lines_field([f"• {a}" for a in obj["advice"]], lang),
                        inline=False)
    if obj["problems"]:
        embed.add_field(name=t(lang, "cli", "problems"),
                        value=_lines_field([f"• {plain(p['detail'])}" for p in obj["problems"]], lang), inline=False)
    if obj.get("campaign"):
        text = t(lang, "discord", "campaign_line", campaign=obj["campaign"], reports=campaign_reports or 1,
                 members=campaign_members or 1)
        if duplicate:
            text += "\n" + t(lang, "discord", "duplicate")
        embed.add_field(name=t(lang, "community", "campaign"), value=text, inline=False)
    footer = " · ".join(x for x in (obj.get("report_id"), t(lang, "cli", f"kind_{obj['kind']}") if obj.get("kind") in
                                    ("eml", "headers", "pasted", "msg") else None) if x)
    if footer:
        embed.set_footer(text=footer)
    return fit(embed, lang)


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
    return discord.Embed(title=clip(title, 256), description=clip(text, 4000), colour=colour)
