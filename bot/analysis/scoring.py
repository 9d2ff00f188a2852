"""Weights, score and verdict, and the advice that follows from them.

One table holds every weight (docs/RULES.md mirrors it; a test keeps the two in step).
The score is the sum of the weights of the findings, capped at 100; a rule counts once, at its
highest severity.
"""

from __future__ import annotations

from bot.analysis.models import Finding, Verdict

PHISHING_AT = 60
SUSPICIOUS_AT = 30

WEIGHTS: dict[str, dict[str, int]] = {
    #                      info  low  medium  high
    "self_sent":            {"info": 0, "low": 5, "medium": 15, "high": 25},
    "envelope_mismatch":    {"info": 0, "low": 5, "medium": 15, "high": 30},
    "dmarc_fail":           {"info": 0, "low": 10, "medium": 20, "high": 30},
    "spf_fail":             {"info": 0, "low": 5, "medium": 15, "high": 20},
    "dkim_fail":            {"info": 0, "low": 5, "medium": 10, "high": 15},
    "display_name_brand":   {"info": 0, "low": 10, "medium": 20, "high": 30},
    "brand_link_mismatch":  {"info": 0, "low": 10, "medium": 20, "high": 40},
    "lookalike_domain":     {"info": 0, "low": 15, "medium": 30, "high": 45},
    "idn_homoglyph":        {"info": 0, "low": 15, "medium": 30, "high": 45},
    "href_text_mismatch":   {"info": 0, "low": 5, "medium": 20, "high": 30},
    "new_domain":           {"info": 0, "low": 10, "medium": 20, "high": 35},
    "freemail_reply_to":    {"info": 0, "low": 5, "medium": 20, "high": 30},
    "credential_lure":      {"info": 0, "low": 10, "medium": 25, "high": 35},
    "urgency_language":     {"info": 0, "low": 5, "medium": 15, "high": 20},
    "shortener_link":       {"info": 0, "low": 5, "medium": 15, "high": 20},
    "ip_literal_link":      {"info": 0, "low": 10, "medium": 20, "high": 30},
    "free_hosting_link":    {"info": 0, "low": 10, "medium": 20, "high": 30},
    "extortion":            {"info": 0, "low": 20, "medium": 40, "high": 60},
    "leak_tag":             {"info": 0, "low": 0, "medium": 0, "high": 0},
    "dangerous_attachment": {"info": 0, "low": 20, "medium": 35, "high": 50},
    "html_attachment":      {"info": 0, "low": 10, "medium": 20, "high": 30},
    "credential_form":      {"info": 0, "low": 5, "medium": 25, "high": 50},
    "obfuscated_script":    {"info": 0, "low": 15, "medium": 30, "high": 40},
    "pdf_active_content":   {"info": 0, "low": 10, "medium": 20, "high": 40},
    "unregistered_domain":  {"info": 0, "low": 10, "medium": 25, "high": 35},
    "listed_link":          {"info": 0, "low": 15, "medium": 30, "high": 60},
}

_ORDER = {"info": 0, "low": 1, "medium": 2, "high": 3}


def score(findings: tuple[Finding, ...]) -> tuple[int, Verdict]:
    best: dict[str, int] = {}
    for finding in findings:
        weight = WEIGHTS.get(finding.rule, {}).get(finding.severity, 0)
        best[finding.rule] = max(best.get(finding.rule, 0), weight)
    total = min(100, sum(best.values()))
    verdict: Verdict
    if total >= PHISHING_AT:
        verdict = "phishing"
    elif total >= SUSPICIOUS_AT:
        verdict = "suspicious"
    else:
        verdict = "no_signs"
    return total, verdict


def sort_findings(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    return tuple(
        sorted(findings, key=lambda f: (-_ORDER[f.severity], -WEIGHTS.get(f.rule, {}).get(f.severity, 0), f.rule))
    )


def advice(verdict: Verdict, findings: tuple[Finding, ...]) -> tuple[str, ...]:
    """Advice keys (locales: ``advice.<key>``), most urgent first."""
    rules = {f.rule for f in findings}
    if verdict == "no_signs":
        keys = ["no_signs"]
        if "leak_tag" in rules:
            keys.append("leak_tag")
        return tuple(keys)
    keys = ["dont_click"]
    if "extortion" in rules:
        keys.append("extortion")
    if "self_sent" in rules:
        keys.append("self_sent")
    keys += ["official_channel", "if_password", "if_card", "report_antiphishing"]
    if rules & {"self_sent", "envelope_mismatch", "dmarc_fail", "spf_fail", "display_name_brand"}:
        keys.append("report_dekyo")
    keys.append("police")
    if "leak_tag" in rules:
        keys.append("leak_tag")
    return tuple(keys)
