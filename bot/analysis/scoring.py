"""Weights, score and verdict, and the advice that follows from them.

One table holds every weight (docs/RULES.md mirrors it; a test keeps the two in step).
The score is the sum of the weights of the findings, capped at 100; a rule counts once, at its
highest severity.
"""

from __future__ import annotations

from bot.analysis.models import Finding, Verdict

FLAGGED_AT = 30  # below: no_signs
NAMED_AT = 45  # a kind is named (phishing, scam, malware) from this score on, with its own evidence
KIND_EVIDENCE = 20  # the weight of a kind's own findings needed to name it
SPAM_EVIDENCE = 10

WEIGHTS: dict[str, dict[str, int]] = {
    #                        info  low  medium  high
    "self_sent":              {"info": 0, "low": 5, "medium": 15, "high": 25},
    "envelope_mismatch":      {"info": 0, "low": 5, "medium": 15, "high": 30},
    "dmarc_fail":             {"info": 0, "low": 10, "medium": 20, "high": 30},
    "spf_fail":               {"info": 0, "low": 5, "medium": 15, "high": 20},
    "dkim_fail":              {"info": 0, "low": 5, "medium": 10, "high": 15},
    "compauth_fail":          {"info": 0, "low": 10, "medium": 20, "high": 30},
    "sender_format":          {"info": 0, "low": 10, "medium": 20, "high": 30},
    "no_reverse_dns":         {"info": 0, "low": 5, "medium": 10, "high": 15},
    "undisclosed_recipients": {"info": 0, "low": 10, "medium": 15, "high": 20},
    "unverified_sender":      {"info": 0, "low": 10, "medium": 15, "high": 20},
    "address_greeting":       {"info": 0, "low": 10, "medium": 15, "high": 20},
    "disguised_text":         {"info": 0, "low": 10, "medium": 20, "high": 30},
    "display_name_brand":     {"info": 0, "low": 10, "medium": 20, "high": 30},
    "brand_from_mismatch":    {"info": 0, "low": 10, "medium": 20, "high": 30},
    "brand_lure":             {"info": 0, "low": 10, "medium": 30, "high": 40},
    "display_name_address":   {"info": 0, "low": 10, "medium": 25, "high": 40},
    "brand_link_mismatch":    {"info": 0, "low": 10, "medium": 20, "high": 40},
    "lookalike_domain":       {"info": 0, "low": 15, "medium": 30, "high": 45},
    "idn_homoglyph":          {"info": 0, "low": 15, "medium": 30, "high": 45},
    "href_text_mismatch":     {"info": 0, "low": 5, "medium": 20, "high": 30},
    "new_domain":             {"info": 0, "low": 10, "medium": 20, "high": 35},
    "freemail_reply_to":      {"info": 0, "low": 5, "medium": 20, "high": 30},
    "credential_lure":        {"info": 0, "low": 10, "medium": 25, "high": 45},
    "scam_lure":              {"info": 0, "low": 15, "medium": 30, "high": 45},
    "spam_content":           {"info": 0, "low": 10, "medium": 20, "high": 30},
    "urgency_language":       {"info": 0, "low": 5, "medium": 15, "high": 20},
    "hidden_text":            {"info": 0, "low": 10, "medium": 20, "high": 30},
    "shortener_link":         {"info": 0, "low": 5, "medium": 15, "high": 30},
    "ip_literal_link":        {"info": 0, "low": 10, "medium": 20, "high": 30},
    "free_hosting_link":      {"info": 0, "low": 10, "medium": 20, "high": 30},
    "dynamic_dns_link":       {"info": 0, "low": 10, "medium": 20, "high": 30},
    "kit_like_link":          {"info": 0, "low": 10, "medium": 20, "high": 35},
    "image_only":             {"info": 0, "low": 10, "medium": 20, "high": 30},
    "qr_code":                {"info": 0, "low": 10, "medium": 25, "high": 35},
    "open_redirect_link":     {"info": 0, "low": 10, "medium": 20, "high": 30},
    "throwaway_tenant":       {"info": 0, "low": 10, "medium": 20, "high": 30},
    "form_injection":         {"info": 0, "low": 15, "medium": 30, "high": 45},
    "malware_link":           {"info": 0, "low": 15, "medium": 30, "high": 45},
    "extortion":              {"info": 0, "low": 20, "medium": 40, "high": 60},
    "leak_tag":               {"info": 0, "low": 0, "medium": 0, "high": 0},
    "dangerous_attachment":   {"info": 0, "low": 20, "medium": 35, "high": 50},
    "archive_attachment":     {"info": 0, "low": 10, "medium": 20, "high": 30},
    "html_attachment":        {"info": 0, "low": 10, "medium": 20, "high": 30},
    "html_smuggling":         {"info": 0, "low": 20, "medium": 35, "high": 50},
    "credential_form":        {"info": 0, "low": 5, "medium": 25, "high": 50},
    "obfuscated_script":      {"info": 0, "low": 15, "medium": 30, "high": 40},
    "pdf_active_content":     {"info": 0, "low": 10, "medium": 20, "high": 40},
    "unregistered_domain":    {"info": 0, "low": 10, "medium": 25, "high": 35},
    "listed_link":            {"info": 0, "low": 15, "medium": 30, "high": 60},
}

# What a finding says about the kind of mail (SPEC §3 verdicts). Rules not listed (transport,
# authentication, link plumbing, urgency) raise the score without saying what the mail wants.
KIND: dict[str, Verdict] = {
    "display_name_brand": "phishing", "display_name_address": "phishing", "brand_from_mismatch": "phishing",
    "brand_lure": "phishing",
    "brand_link_mismatch": "phishing",
    "lookalike_domain": "phishing", "idn_homoglyph": "phishing", "href_text_mismatch": "phishing",
    "credential_lure": "phishing", "credential_form": "phishing", "html_attachment": "phishing",
    "obfuscated_script": "phishing", "qr_code": "phishing",
    "scam_lure": "scam", "extortion": "scam", "form_injection": "scam",
    "dangerous_attachment": "malware", "archive_attachment": "malware", "html_smuggling": "malware",
    "malware_link": "malware", "pdf_active_content": "malware",
    "spam_content": "spam",
    "listed_link": "phishing",  # a malware feed's listing (URLhaus) counts as malware: see score()
}

_ORDER = {"info": 0, "low": 1, "medium": 2, "high": 3}


def score(findings: tuple[Finding, ...]) -> tuple[int, Verdict]:
    """The score (0–100) and the verdict: what the mail is, named from its kind's own evidence."""
    best: dict[str, int] = {}
    for finding in findings:
        weight = WEIGHTS.get(finding.rule, {}).get(finding.severity, 0)
        best[finding.rule] = max(best.get(finding.rule, 0), weight)
    total = min(100, sum(best.values()))
    kinds = dict(best)
    if "listed_link" in best and all(dict(f.params).get("threat") == "malware" for f in findings
                                     if f.rule == "listed_link"):
        kinds["malware_link"] = max(kinds.get("malware_link", 0), kinds.pop("listed_link"))  # a malware feed's listing
    return total, verdict_for(total, kinds)


def verdict_for(total: int, best: dict[str, int]) -> Verdict:
    if total < FLAGGED_AT:
        return "no_signs"
    kinds: dict[Verdict, int] = {}
    for rule, weight in best.items():
        kind = KIND.get(rule)
        if kind is not None and weight:
            kinds[kind] = kinds.get(kind, 0) + weight
    # something that runs code decides: its advice (do not open it) comes first
    if kinds.get("malware", 0) >= 30:
        return "malware"
    phishing, scam = kinds.get("phishing", 0), kinds.get("scam", 0)
    harmful = phishing or scam
    if harmful:
        # a scam that also asks to "log in" to collect the money is still a scam when its scam
        # evidence is the larger; ties go to phishing (credentials are the more urgent loss)
        named: Verdict = "scam" if scam > phishing else "phishing"
        if max(phishing, scam) >= KIND_EVIDENCE and total >= NAMED_AT:
            return named
    if kinds.get("malware", 0) >= KIND_EVIDENCE and total >= NAMED_AT:
        return "malware"
    if kinds.get("spam", 0) >= SPAM_EVIDENCE and not harmful:
        return "spam"
    return "suspicious"


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
    if verdict == "spam":
        keys = ["spam", "spam_unsubscribe", "report_dekyo_spam"]
        if "self_sent" in rules:
            keys.append("self_sent")
        if "leak_tag" in rules:
            keys.append("leak_tag")
        return tuple(keys)
    keys = ["dont_click"]
    if verdict == "malware":
        keys += ["malware", "if_opened"]
    if "extortion" in rules:
        keys.append("extortion")
    elif verdict == "scam":
        keys += ["scam", "if_paid"]
    if "self_sent" in rules:
        keys.append("self_sent")
    if verdict in ("phishing", "suspicious"):
        keys += ["official_channel", "if_password", "if_card"]
    forged = bool(rules & {"self_sent", "envelope_mismatch", "dmarc_fail", "spf_fail", "display_name_brand", "compauth_fail"})
    if verdict in ("phishing", "suspicious"):
        keys.append("report_antiphishing")
    if forged:
        keys.append("report_dekyo")
    elif verdict in ("scam", "malware"):
        keys.append("report_dekyo_spam")
    keys.append("police")
    if "leak_tag" in rules:
        keys.append("leak_tag")
    return tuple(dict.fromkeys(keys))
