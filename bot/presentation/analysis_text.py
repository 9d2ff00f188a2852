"""The readable text of an analysis (``phishbot analyze`` without ``--json``): the view's
attributes laid out line by line, so that the text and the JSON say the same things."""

from __future__ import annotations

from bot.analysis.links import defang_host
from bot.i18n import t
from bot.presentation.analysis_view import AnalysisView
from bot.presentation.evidence_text import attachment_lines, header_lines, hop_lines, link_lines
from bot.presentation.safety import screen_text

_SEVERITY_MARK = {"high": "!!!", "medium": "!! ", "low": "!  ", "info": "i  "}
KINDS_SHOWN = ("eml", "headers", "pasted", "msg")  # input kinds named beside the input and in the footer


def analysis_text(view: AnalysisView, lang: str, max_links: int = 10) -> str:
    lines: list[str] = []
    kind = t(lang, "cli", f"kind_{view.kind}") if view.kind in KINDS_SHOWN else ""
    if view.input:
        lines.append(f"== {view.input}" + (f"  ({kind})" if kind else ""))
    verdict = view.verdict
    lines.append(f"{t(lang, 'cli', 'verdict')}: {t(lang, 'verdict', verdict)} ({t(lang, 'cli', 'score')} {view.score}/100)")
    lines.append(t(lang, "verdict_line_link" if view.bare_links else "verdict_line", verdict))
    if view.subject:
        lines.append(f"{t(lang, 'cli', 'subject')}: {view.subject}")
    s = view.sender
    if s.from_address:
        shown = s.from_address + (f" ({s.display_name})" if s.display_name else "")
        lines.append(f"{t(lang, 'cli', 'from')}: {shown}")
    if s.envelope_domain:
        lines.append(f"{t(lang, 'cli', 'envelope')}: {defang_host(s.envelope_domain)}")
    if any(v for _, v in s.auth.items()):
        parts = [f"{k.upper()} {v}" for k, v in s.auth.items() if v]
        server = f"  [{defang_host(s.authserv_id)}]" if s.authserv_id else ""
        lines.append(f"{t(lang, 'cli', 'auth')}: {' · '.join(parts)}{server}")
    if s.handoff_ip:
        lines.append(f"{t(lang, 'cli', 'route')}: {s.handoff_ip}")
    if s.origin_ip and s.origin_ip != s.handoff_ip:
        lines.append(f"{t(lang, 'cli', 'origin')}: {s.origin_ip}")
    if view.brand:
        mark = t(lang, "cli", "brand_official" if view.brand.official else "brand_impersonated")
        lines.append(f"{t(lang, 'cli', 'brand')}: {view.brand.name} {mark}")
    if view.links:
        lines.append(f"{t(lang, 'cli', 'links')}:")
        lines.extend(link_lines(view, lang, max_links))
    lines.append(f"{t(lang, 'cli', 'findings')}:")
    if not view.findings:
        lines.append("  " + t(lang, "cli", "none"))
    for f in view.findings:
        lines.append(f"  {_SEVERITY_MARK[f.severity]} [{t(lang, 'severity', f.severity)}] {f.detail}")
    if view.advice:
        lines.append(f"{t(lang, 'cli', 'advice')}:")
        lines.extend(f"  - {a}" for a in view.advice)
    if view.problems:
        lines.append(f"{t(lang, 'cli', 'problems')}:")
        lines.extend(f"  - {p.detail}" for p in view.problems)
    # the evidence, as analysts lay it out (presentation.evidence_text)
    if hops := hop_lines(view, lang):
        lines.append(f"{t(lang, 'evidence', 'hops')}:")
        lines.extend("  " + line for line in hops)
    if view.headers:
        lines.append(f"{t(lang, 'evidence', 'headers')}:")
        lines.extend("  " + line for line in header_lines(view))
    if view.attachments:
        lines.append(f"{t(lang, 'evidence', 'attachments')}:")
        lines.extend("  " + line for line in attachment_lines(view, lang))
    return screen_text("\n".join(lines))
