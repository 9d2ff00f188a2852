"""The sentences every renderer shares: a finding's and a problem's words, a threat feed's listing,
a brand's name, and the sentence for an expected failure of a use-case."""

from __future__ import annotations

from bot.analysis.brands import catalogue
from bot.analysis.models import Analysis, Finding, Listing, Problem
from bot.analysis.privacy import recipient_names
from bot.analysis.safe_text import present_text
from bot.i18n import t, tn


def analysis_names(analysis: Analysis) -> tuple[str, ...]:
    """The recipient's names, masked in every string shown (an attachment's name included)."""
    recipients = analysis.sender.recipients
    return recipient_names(tuple(r.display_name for r in recipients), tuple(r.local for r in recipients))


def _safe_params(params: tuple[tuple[str, str], ...], names: tuple[str, ...]) -> dict[str, str]:
    return {key: present_text(value, names) for key, value in params}


def finding_detail(finding: Finding, lang: str, names: tuple[str, ...] = (), section: str = "rule") -> str:
    """The finding's sentence; ``section="desk_rule"``: said to a reporting desk (about "the
    recipient"), where the member's own wording addresses them."""
    params = _safe_params(finding.params, names)
    brand = catalogue().by_id.get(dict(finding.params).get("brand", ""))
    if brand is not None:
        params["brand"] = brand.name_in(lang)
    if "how" in params:  # a code naming the way, said in the reader's language
        how_section = "lookalike_how" if finding.rule == "lookalike_domain" else f"{finding.rule}_how"
        params["how"] = t(lang, how_section, dict(finding.params)["how"])
    if params.get("server") == "?":  # the receiving server did not name itself
        params["server"] = t(lang, "evidence", "unknown_server")
    if finding.rule == "spf_fail" and "result" in params:  # fail, softfail: said in words
        params["result"] = t(lang, "auth_result", params["result"]) if params["result"] in _known(
            lang, "auth_result") else params["result"]
    if "phrases" in params and t(lang, "community", "stats_separator") != ", ":
        # the core lists the matched phrases with ", "; Japanese lists them with 「、」
        params["phrases"] = params["phrases"].replace(", ", t(lang, "community", "stats_separator"))
    if finding.rule == "kit_like_link" and "signs" in params:
        params["signs"] = t(lang, "community", "stats_separator").join(
            t(lang, "link_sign", s) for s in dict(finding.params)["signs"].split(","))
    if finding.rule == "listed_link":
        raw = dict(finding.params)
        params["listing"] = listing_phrase(raw.get("source", "?"), raw.get("date", "?"), raw.get("label") or None,
                                           raw.get("threat", "phishing"), raw.get("current") != "no", lang)
    from bot.i18n import catalogue as sentences

    if finding.rule == "lookalike_domain" and dict(finding.params).get("how") in _PAGE_HOWS:
        section = "rule_page"  # the host's name imitates nothing: a page on it does (members and desks alike)
    note = dict(finding.params).get("note")
    notes = f"{finding.rule}_note"  # scam_lure: a topic named and nothing asked (round 8); credential_lure: a
    # secret asked by reply, phone or chat (round 10)
    if finding.rule in ("scam_lure", "credential_lure") and note in _known(lang, notes):
        desk = f"{note}_desk"  # said to a reporting desk, about "the recipient"
        key = desk if section == "desk_rule" and desk in _known(lang, notes) else note
        return t(lang, notes, key, **params)
    if section != "rule" and finding.rule not in sentences(lang).get(section, {}):
        section = "rule"
    return t(lang, section, finding.rule, **params)


# ways a look-alike is found that read a page on a host, not the host's name
_PAGE_HOWS = ("path", "kit")


def problem_detail(problem: Problem, lang: str, names: tuple[str, ...] = ()) -> str:
    return t(lang, "problem", problem.code, **_safe_params(problem.params, names))


def listing_phrase(source: str, date: str, label: str | None, threat: str, current: bool, lang: str) -> str:
    """"listed by JPCERT/CC on 2024-01-04 as 国税庁 phishing". The feed's label is outside text:
    it goes through the one sanitiser, like a mail's words."""
    from bot.feeds.sources import source_name

    threat_text = t(lang, "listing", f"threat_{threat}" if threat in ("phishing", "malware") else "threat_phishing")
    shown = present_text(label, limit=200) if label else ""
    key = "with_label" if shown else "plain"
    text = t(lang, "listing", key, source=source_name(source), date=date[:10], label=shown, threat=threat_text)
    return text + ("" if current else t(lang, "listing", "old"))


def listing_text(listing: Listing, lang: str) -> str:
    return listing_phrase(listing.source, listing.first_listed, listing.label, listing.threat, listing.current, lang)


def other_sources_lines(listings: tuple[Listing, ...], servers: int | None, lang: str, limit: int = 5) -> list[str]:
    """What the threat feeds and the other servers say, as lines set apart from the guild's counts."""
    lines = [t(lang, "listing", "heading")]
    if listings:
        shown: dict[str, Listing] = {}
        for x in listings:
            shown.setdefault(x.source, x)
        lines += [f"- {listing_text(x, lang)}" for x in list(shown.values())[:limit]]
    else:
        lines.append(f"- {t(lang, 'listing', 'none')}")
    if servers is not None:
        lines.append(tn(lang, "listing", "servers", servers) if servers else t(lang, "listing", "servers_none"))
    return lines


def lookup_phrase(state: str, reason: str | None, lang: str) -> str:
    """How a registration lookup went, in words: "could not be looked up (the registry could not
    be reached)"; a state or reason we have no words for is shown as it is."""
    text = t(lang, "lookup_state", state) if state in _known(lang, "lookup_state") else state
    if reason:
        why = t(lang, "lookup_reason", reason) if reason in _known(lang, "lookup_reason") else reason
        text += f" ({why})" if lang == "en" else f"({why})"
    return text


def language_name(code: str | None, lang: str) -> str:
    """``ja`` → 日本語 / Japanese."""
    return t(lang, "commands", f"lang_{code}") if code in ("ja", "en") else (code or "")


def _known(lang: str, section: str) -> dict[str, str]:
    from bot.i18n import catalogue as sentences

    return sentences(lang).get(section, {})


def brand_label(brand_id: str, lang: str) -> str:
    """A catalogue brand's name in ``lang``; an id the catalogue no longer has, as it is."""
    brand = catalogue().by_id.get(brand_id)
    return brand.name_in(lang) if brand else brand_id


def failure_sentence(exc: BaseException, lang: str, db_path: str | None = None) -> str | None:
    """The sentence for an expected failure of a use-case — a member's bad input, a busy, damaged or
    too new database — as the CLI and the bot both say it; None for anything else. ``db_path``: the
    CLI names the database; the bot (None) never shows a path to members."""
    import sqlite3

    from bot.services.domain_info import BadDomain
    from bot.services.errors import CommunityError, StoreError

    if isinstance(exc, CommunityError):
        reason = exc.params.get("reason", "")
        if exc.code == "unreadable" and reason in _known(lang, "problem"):
            return t(lang, "problem", reason, **exc.params_in(lang))  # "the input is empty", not its code
        return t(lang, "community", exc.code, **exc.params_in(lang))
    if isinstance(exc, BadDomain):
        return t(lang, "domain", "not_a_domain")
    # PostgreSQL's driver errors (psycopg, psycopg_pool), told by their module: the core imports no driver
    driver = type(exc).__module__.startswith("psycopg")
    if db_path is None and (driver or isinstance(exc, (StoreError, sqlite3.Error, OSError))):
        return t(lang, "community", "locked" if "locked" in str(exc) else "db_error")
    if isinstance(exc, StoreError):
        return t(lang, "store", exc.code, **exc.params)
    if isinstance(exc, sqlite3.Error):  # locked, not a database, malformed, cannot open
        text = str(exc)
        if "malformed" in text:
            return t(lang, "store", "damaged_found", path=db_path, detail=text[:200])
        return t(lang, "store", "locked" if "locked" in text else "db_error", path=db_path)
    if isinstance(exc, OSError) or driver:
        return t(lang, "store", "db_error", path=db_path)
    return None
