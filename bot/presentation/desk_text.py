"""The desk text: the ready-to-send report for フィッシング対策協議会 and 迷惑メール相談センター — the
mail's header block (decoded, the recipient's address and name masked, links defanged) and what
the analysis found. A member copies it into a mail to the addresses it names; the bot sends nothing.
"""

from __future__ import annotations

from bot.analysis.links import defang_url
from bot.analysis.models import Analysis
from bot.analysis.safe_text import present_text
from bot.i18n import t
from bot.presentation.safety import screen_text
from bot.presentation.sentences import analysis_names, finding_detail

ANTIPHISHING_ADDRESS = "info@antiphishing.jp"  # フィッシング対策協議会: 報告窓口
DEKYO_ADDRESS = "meiwaku@dekyo.or.jp"  # 迷惑メール相談センター (日本データ通信協会): 情報提供窓口
MAX_HEADER_LINES = 120
MAX_CHARS = 12_000  # a Discord file of its own; far below any limit


_UPPER = {"id": "ID", "dkim": "DKIM", "mime": "MIME", "arc": "ARC", "spf": "SPF", "x": "X"}


def field_name(name: str) -> str:
    """``message-id`` (as intake keeps it) → ``Message-ID``."""
    return "-".join(_UPPER.get(part, part.capitalize()) for part in name.split("-"))


def header_lines(analysis: Analysis, names: tuple[str, ...], limit: int = MAX_HEADER_LINES) -> list[str]:
    """The mail's header fields as intake decoded them (a .msg's transport headers, a forwarded
    mail's inner ones), made safe; empty for a pasted body."""
    lines = [f"{field_name(name)}: {present_text(value, names, real_tlds_only=True)}"[:998]
             for name, value in analysis.headers[:limit]]
    if len(analysis.headers) > limit:
        lines.append("…")
    return lines


def desk_text(analysis: Analysis, lang: str, report_id: str | None = None) -> str:
    names = analysis_names(analysis)
    out = [t(lang, "formal", "intro"),
           t(lang, "formal", "where", antiphishing=ANTIPHISHING_ADDRESS, dekyo=DEKYO_ADDRESS), ""]
    out.append(f"{t(lang, 'formal', 'verdict')}: {t(lang, 'verdict', analysis.verdict)} ({analysis.score}/100)")
    if report_id:
        out.append(f"{t(lang, 'formal', 'report_id')}: {report_id}")
    if analysis.subject:
        out.append(f"{t(lang, 'cli', 'subject')}: {present_text(analysis.subject, names)}")
    if analysis.brand is not None and not analysis.brand_official:
        out.append(f"{t(lang, 'cli', 'brand')}: {analysis.brand.name_in(lang)}")
    if analysis.links:
        out.append(f"{t(lang, 'cli', 'links')}:")
        ages = dict(analysis.ages)
        for link in analysis.links[:20]:
            age = ages.get(link.registrable_domain or "")
            suffix = f"  ({t(lang, 'cli', 'age', days=age)})" if age is not None else ""
            out.append(f"  {defang_url(link.url, names)}{suffix}")
    if analysis.findings:
        out.append(f"{t(lang, 'cli', 'findings')}:")
        out.extend(f"  - {f.rule}: {finding_detail(f, lang, names)}" for f in analysis.findings[:10])
    headers = header_lines(analysis, names)
    out += ["", f"--- {t(lang, 'formal', 'headers')} ---"]
    out.extend(headers or [t(lang, "formal", "no_headers")])
    out += ["", t(lang, "formal", "note")]
    text = screen_text("\n".join(out))
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"
