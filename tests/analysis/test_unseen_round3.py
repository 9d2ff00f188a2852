"""Issue 11, third round: classes of unwanted mail, each on a made-up mail with reserved names."""

from __future__ import annotations

from bot.analysis.pipeline import analyse
from bot.analysis.scoring import WEIGHTS
from tests.conftest import make_mail


def test_spam_wording_sent_to_hidden_recipients_is_spam() -> None:
    # a mailing to a hidden list that sells with spam's own words: bulk and unsolicited
    body = "Lose weight fast with our miracle keto formula! Order today.\nhttps://offers.example.com/keto"
    hidden = make_mail(from_="Deals <deals@offers.example.com>", to="undisclosed-recipients:;",
                       subject="Summer offer", body=body)
    report = analyse(hidden)
    assert {f.rule for f in report.findings} >= {"spam_content", "undisclosed_recipients"}
    assert report.verdict == "spam"


def test_hidden_recipients_alone_are_no_sign() -> None:
    # a colleague's Bcc to a team is ordinary: the sign only adds to others
    data = make_mail(from_="Hanako <hanako@example.jp>", to="undisclosed-recipients:;",
                     subject="Meeting notes", body="Notes from today's meeting are below.\n- budget\n- schedule")
    report = analyse(data)
    assert report.verdict == "no_signs"
    assert WEIGHTS["undisclosed_recipients"]["low"] < 30
