"""The listed_link rule: a threat feed's listing handed to the pure core as a fact, and what it
weighs in the verdict (its kind follows the feed: phishing, or malware for a malware feed)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.models import Listing
from bot.analysis.pipeline import judge, prepare
from bot.presentation.sentences import finding_detail
from tests.presentation_helpers import to_dict

NOW = datetime(2025, 10, 2, tzinfo=UTC)
TEXT = "これ届きました https://login.feed-phish.example/verify?id=1".encode()


def listed(threat: str = "phishing", current: bool = True, source: str = "jpcert") -> dict[str, tuple[Listing, ...]]:
    return {"login.feed-phish.example": (Listing(source, "feed-phish.example", "2025-10-01T01:00:00+00:00",
                                                 "2025-10-01T01:00:00+00:00", "三井住友カード", threat, current),)}


def test_a_current_listing_alone_makes_the_link_phishing() -> None:
    prepared = prepare(TEXT)
    plain = judge(prepared, {}, NOW)
    assert "listed_link" not in {f.rule for f in plain.findings}
    report = judge(prepared, {}, NOW, listed())
    [finding] = [f for f in report.findings if f.rule == "listed_link"]
    assert finding.severity == "high" and report.verdict == "phishing" and report.score > plain.score
    assert finding.evidence == ("feed-phish[.]example",)
    assert finding_detail(finding, "en") == ("feed-phish[.]example is on a threat feed: listed by JPCERT/CC on 2025-10-01 "
                                             "as 三井住友カード phishing.")
    assert "JPCERT/CC が 2025-10-01 に三井住友カードのフィッシングとして掲載" in finding_detail(finding, "ja")
    link = to_dict(report, "en")["links"][0]
    assert link["listed"] == [{"source": "jpcert", "first_listed": "2025-10-01", "label": "三井住友カード",
                               "threat": "phishing", "current": True}]


def test_an_old_listing_weighs_little_and_says_so() -> None:
    neutral = prepare(b"https://login.feed-phish.example/")
    assert judge(neutral, {}, NOW).verdict == "no_signs"
    report = judge(neutral, {}, NOW, listed(current=False))
    [finding] = [f for f in report.findings if f.rule == "listed_link"]
    assert finding.severity == "low" and report.verdict == "no_signs"  # alone it names nothing
    assert judge(neutral, {}, NOW, listed()).verdict == "phishing"  # a current one does
    assert "the name may have changed hands" in finding_detail(finding, "en")


def test_a_malware_feed_makes_it_malware() -> None:
    report = judge(prepare(TEXT), {}, NOW, listed("malware", source="urlhaus"))
    assert report.verdict == "malware"
    assert "listed by URLhaus on 2025-10-01 as 三井住友カード malware" in finding_detail(
        next(f for f in report.findings if f.rule == "listed_link"), "en")
