"""The evidence as analysts lay it out (issue 12 §4; what Microsoft's Message Header Analyzer,
Google's Messageheader and eml_analyzer show): the route as a hop table with the delays that stand
out marked, the header fields that matter with one line each on what they tell, the attachments
with their declared and sniffed types, size and SHA-256, and the links grouped by host with
repeats counted. Read from the view (already presented); the readable output and the Discord
details view share these lines."""

from __future__ import annotations

import unicodedata

from bot.analysis.links import defang_host
from bot.analysis.models import Analysis
from bot.i18n import t
from bot.presentation.analysis_view import AnalysisView, HopView, LinkView, analysis_view
from bot.presentation.safety import screen_text
from bot.presentation.sentences import lookup_phrase

LONG_DELAY_S = 300  # a hop that held the mail five minutes or more stands out (queues, greylisting, forgery)


def human_size(size: int, lang: str) -> str:
    if size < 1024:
        return t(lang, "size", "bytes", count=size)
    if size < 1024 * 1024:
        return t(lang, "size", "kb", value=f"{size / 1024:.1f}")
    return t(lang, "size", "mb", value=f"{size / 1024 / 1024:.1f}")


def _delay(seconds: int | None) -> str:
    if seconds is None:
        return "-"
    sign = "-" if seconds < 0 else ""
    s = abs(seconds)
    if s < 60:
        return f"{sign}{s}s"
    if s < 3600:
        return f"{sign}{s // 60}m{s % 60:02d}s"
    return f"{sign}{s // 3600}h{s % 3600 // 60:02d}m"


def _stands_out(hop: HopView) -> str | None:
    if hop.delay_s is None:
        return None
    if hop.delay_s < 0:
        return "delay_negative"
    if hop.delay_s >= LONG_DELAY_S:
        return "delay_long"
    return None


def _time(iso: str | None) -> str:
    if not iso:
        return "-"
    date, _, rest = iso.partition("T")
    return f"{date} {rest[:8]}{rest[8:].replace('+', ' +').replace('-', ' -')}" if rest else date


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (a full-width character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def hop_lines(view: AnalysisView, lang: str) -> list[str]:
    """The route, oldest hop first: # from [ip] → by | time | delay, the delays that stand out
    marked with ! and said in words."""
    hops = view.sender.hops
    if not hops:
        return []
    unknown = t(lang, "evidence", "hop_unknown")
    rows = []
    for i, hop in enumerate(hops, 1):
        source = defang_host(hop.from_host) if hop.from_host else unknown
        if hop.ip:
            source += f" [{hop.ip}]"
        by = defang_host(hop.by) if hop.by else unknown
        rows.append((f"{i}", source, by, _time(hop.date), _delay(hop.delay_s), _stands_out(hop)))
    head = ("#", t(lang, "evidence", "hop_from"), t(lang, "evidence", "hop_by"), t(lang, "evidence", "hop_time"),
            t(lang, "evidence", "hop_delay"))
    width = [max(_width(x) for x in column) for column in zip(head, *[r[:5] for r in rows], strict=False)]

    def row(cells: tuple[str, ...], mark: str = " ") -> str:
        return mark + "  ".join(_pad(c, w) for c, w in zip(cells, width, strict=True)).rstrip()

    lines = [row(head)]
    for number, source, by, when, delay, flag in rows:
        line = row((number, source, by, when, delay), "!" if flag else " ")
        if flag:
            line += f"  ({t(lang, 'evidence', flag)})"
        lines.append(line)
    if any(r[5] for r in rows):
        lines.append(t(lang, "evidence", "marked"))
    return lines


def header_lines(view: AnalysisView) -> list[str]:
    """Each field that matters, its decoded value, and one line on what it tells."""
    out = []
    for h in view.headers:
        out += [f"{h.name}: {h.value}", f"    ↳ {h.note}"]
    return out


def attachment_lines(view: AnalysisView, lang: str) -> list[str]:
    out = []
    for a in view.attachments:
        sniffed = a.sniffed or t(lang, "evidence", "attachment_unknown_type")
        line = t(lang, "evidence", "attachment", name=a.name or t(lang, "evidence", "no_name"), declared=a.declared,
                 sniffed=sniffed, size=human_size(a.size, lang))
        if a.sniffed and _family(a.sniffed) != _family(a.declared) and a.declared != "application/octet-stream":
            line += f" — {t(lang, 'evidence', 'attachment_mismatch')}"
        out.append(line)
        out.append("    " + t(lang, "evidence", "sha256", hash=a.sha256))
        if a.inside:
            out.append("    " + t(lang, "evidence", "attachment_inside", names=", ".join(a.inside[:10])))
    return out


def _family(mime: str) -> str:
    """``application/vnd.openxmlformats…`` and ``application/zip`` are one family (an OOXML file is
    a ZIP); images are one; the rest by their subtype."""
    mime = mime.lower().split(";")[0].strip()
    if mime.startswith("image/"):
        return "image"
    if "zip" in mime or "openxml" in mime:
        return "zip"
    if mime in ("application/x-ole-storage", "application/msword", "application/vnd.ms-excel",
                "application/vnd.ms-outlook", "application/vnd.ms-powerpoint"):
        return "ole"
    if mime in ("application/x-msdownload", "application/x-dosexec", "application/x-msdos-program",
                "application/vnd.microsoft.portable-executable", "application/exe"):
        return "exe"
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    return mime


def _link_extra(link: LinkView, lang: str) -> str:
    extra = []
    if link.age_days is not None:
        extra.append(t(lang, "cli", "age", days=link.age_days))
    if link.lookup not in ("skipped",):
        extra.append(lookup_phrase(link.lookup, None, lang))
    return f"  ({', '.join(extra)})" if extra else ""


def link_lines(view: AnalysisView, lang: str, max_lines: int = 10) -> list[str]:
    """The links grouped by host (hosts in the order first seen); the same shown link written
    once with ×N (ten ``amazon[.]co[.]jp/gp/r[.]html?…`` are one line)."""
    by_host: dict[str, dict[str, list[LinkView]]] = {}
    for link in view.links:
        by_host.setdefault(link.host, {}).setdefault(link.url, []).append(link)
    grouped = len(view.links) > 1
    lines: list[str] = []
    shown = 0
    for host, urls in by_host.items():
        if shown >= max_lines:
            break
        if grouped:
            lines.append("  " + t(lang, "evidence", "link_host", host=defang_host(host),
                                  count=sum(len(v) for v in urls.values())))
        for url, same in urls.items():
            if shown >= max_lines:
                break
            times = f"  {t(lang, 'evidence', 'repeated', count=len(same))}" if len(same) > 1 else ""
            lines.append(("    - " if grouped else "  - ") + url + times + _link_extra(same[0], lang))
            shown += 1
    distinct = sum(len(urls) for urls in by_host.values())
    if distinct > shown:
        lines.append("  " + t(lang, "cli", "more_links", count=distinct - shown))
    return lines


def details_text(view: AnalysisView, lang: str) -> str:
    """The details view (Discord's Details button): the evidence, and the findings with their rule
    ids for analysts."""
    out: list[str] = []
    hops = hop_lines(view, lang)
    if hops:
        out += [f"■ {t(lang, 'evidence', 'hops')}", *hops, ""]
    if view.headers:
        out += [f"■ {t(lang, 'evidence', 'headers')}", *header_lines(view), ""]
    if view.attachments:
        out += [f"■ {t(lang, 'evidence', 'attachments')}", *attachment_lines(view, lang), ""]
    if view.links:
        out += [f"■ {t(lang, 'evidence', 'links')}", *link_lines(view, lang, max_lines=50), ""]
    if view.findings:
        out += [f"■ {t(lang, 'evidence', 'rule_ids')}"]
        out += [f"  {f.rule} [{t(lang, 'severity', f.severity)}]: {f.detail}" for f in view.findings]
    return screen_text("\n".join(out).rstrip())


def analysis_details(analysis: Analysis, lang: str) -> str:
    """The details view of an analysis (kept beside the desk texts for the Details button)."""
    return details_text(analysis_view(analysis, lang), lang)


def details_pages(text: str, page_chars: int = 1800, pages: int = 3) -> tuple[list[str], bool]:
    """The details cut at line ends into pages that fit Discord (an embed's description holds
    4,096 characters, a message's embeds 6,000 together); True when more was left out."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for whole in text.splitlines():
        line = whole[:page_chars]
        if size + len(line) + 1 > page_chars:
            out.append("\n".join(current))
            current, size = [], 0
            if len(out) == pages:
                return out, True
        current.append(line)
        size += len(line) + 1
    if current:
        out.append("\n".join(current))
    return out, False
