"""The ready-to-send report text for フィッシング対策協議会 and 迷惑メール相談センター: the mail's
header block (decoded, the recipient's address and name masked, links defanged) and what the
analysis found. A member copies it into a mail to the addresses it names; the bot sends nothing.
"""

from __future__ import annotations

from bot.analysis.links import defang_url
from bot.analysis.models import Analysis
from bot.analysis.safe_text import present_text
from bot.i18n import t
from bot.reporting import brand_name, finding_detail, report_names, screen_text

ANTIPHISHING_ADDRESS = "info@antiphishing.jp"  # フィッシング対策協議会: 報告窓口
DEKYO_ADDRESS = "meiwaku@dekyo.or.jp"  # 迷惑メール相談センター (日本データ通信協会): 情報提供窓口
MAX_HEADER_LINES = 120
MAX_CHARS = 12_000  # a Discord file of its own; far below any limit


_UPPER = {"id": "ID", "dkim": "DKIM", "mime": "MIME", "arc": "ARC", "spf": "SPF", "x": "X"}


def field_name(name: str) -> str:
    """``message-id`` (as intake keeps it) → ``Message-ID``."""
    return "-".join(_UPPER.get(part, part.capitalize()) for part in name.split("-"))


def header_lines(report: Analysis, names: tuple[str, ...], limit: int = MAX_HEADER_LINES) -> list[str]:
    """The mail's header fields as intake decoded them (a .msg's transport headers, a forwarded
    mail's inner ones), made safe; empty for a pasted body."""
    lines = [f"{field_name(name)}: {present_text(value, names, real_tlds_only=True)}"[:998]
             for name, value in report.headers[:limit]]
    if len(report.headers) > limit:
        lines.append("…")
    return lines


def formal_report_text(report: Analysis, lang: str, report_id: str | None = None) -> str:
    names = report_names(report)
    out = [t(lang, "formal", "intro"),
           t(lang, "formal", "where", antiphishing=ANTIPHISHING_ADDRESS, dekyo=DEKYO_ADDRESS), ""]
    out.append(f"{t(lang, 'formal', 'verdict')}: {t(lang, 'verdict', report.verdict)} ({report.score}/100)")
    if report_id:
        out.append(f"{t(lang, 'formal', 'report_id')}: {report_id}")
    if report.subject:
        out.append(f"{t(lang, 'cli', 'subject')}: {present_text(report.subject, names)}")
    brand = brand_name(report, lang)
    if brand and not report.brand_official:
        out.append(f"{t(lang, 'cli', 'brand')}: {brand}")
    if report.links:
        out.append(f"{t(lang, 'cli', 'links')}:")
        ages = dict(report.ages)
        for link in report.links[:20]:
            age = ages.get(link.registrable_domain or "")
            suffix = f"  ({t(lang, 'cli', 'age', days=age)})" if age is not None else ""
            out.append(f"  {defang_url(link.url, names)}{suffix}")
    if report.findings:
        out.append(f"{t(lang, 'cli', 'findings')}:")
        out.extend(f"  - {f.rule}: {finding_detail(f, lang, names)}" for f in report.findings[:10])
    headers = header_lines(report, names)
    out += ["", f"--- {t(lang, 'formal', 'headers')} ---"]
    out.extend(headers or [t(lang, "formal", "no_headers")])
    out += ["", t(lang, "formal", "note")]
    text = screen_text("\n".join(out))
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"
