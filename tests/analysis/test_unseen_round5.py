"""Issue 11, fifth round: ``unsolicited_mailing`` — a designed mailing that offers no way out and
sends the reader only to other sites. Made-up mails with reserved names; each lure beside the
ordinary mail that must be left alone."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.scoring import WEIGHTS
from tests.conftest import make_mail

OFFER = (
    '<html><body><table><tr><td><a href="https://deals.example.net/c/8812"><img src="https://deals.example.net/b.png"></a>'
    "<h1>Summer collection</h1><p>New arrivals are here.</p>"
    '<a href="https://deals.example.net/c/8813">Shop now</a></td></tr></table></body></html>'
)


def rules_of(data: bytes) -> set[str]:
    return {f.rule for f in analyse(data).findings}


def test_designed_mailing_without_a_way_out_linking_elsewhere() -> None:
    data = make_mail(subject="Summer collection", html=OFFER)
    report = analyse(data)
    assert "unsolicited_mailing" in {f.rule for f in report.findings}
    # weak alone: it corroborates, it never flags a mail by itself
    assert report.verdict == "no_signs"
    assert WEIGHTS["unsolicited_mailing"]["low"] < 30


def test_it_corroborates_a_sign_of_another_family() -> None:
    # the same mailing greeting the reader by address in the subject: two weak signs of different
    # families (who it was sent to, how it was sent) make it flagged
    data = make_mail(subject="taro.yamada@example.jp, your summer collection is here", html=OFFER)
    report = analyse(data)
    assert {"unsolicited_mailing", "address_greeting"} <= {f.rule for f in report.findings}
    assert report.verdict != "no_signs"
    alone = analyse(make_mail(subject="taro.yamada@example.jp, your summer collection is here",
                              html=OFFER.replace("deals.example.net", "shop.example.com")))
    assert alone.verdict == "no_signs"


@pytest.mark.parametrize(("what", "kwargs"), [
    ("a List-Unsubscribe field", {"headers": [("List-Unsubscribe", "<https://deals.example.net/u/1>")]}),
    ("list mail", {"headers": [("List-Id", "<news.shop.example.com>")]}),
    ("a reply in a conversation", {"headers": [("In-Reply-To", "<abc@shop.example.com>")]}),
    ("unsubscribe wording", {"html": OFFER.replace("</table>", "</table><p>To unsubscribe, click here.</p>")}),
    ("German wording", {"html": OFFER.replace("</table>", "</table><p>Newsletter abbestellen</p>")}),
    ("Japanese wording", {"html": OFFER.replace("</table>", "</table><p>配信停止をご希望の方はこちら</p>")}),
    ("a way out as a link", {"html": OFFER.replace("</table>", '</table><a href="https://deals.example.net/unsubscribe?u=1">x</a>')}),
    ("links to the sender's own site", {"html": OFFER.replace("deals.example.net", "www.shop.example.com")}),
    ("links through the envelope's domain", {"html": OFFER, "return_path": "<bounce@deals.example.net>"}),
])
def test_ordinary_mailings_are_left_alone(what: str, kwargs: dict[str, object]) -> None:
    kwargs.setdefault("html", OFFER)
    data = make_mail(subject="Summer collection", **kwargs)  # type: ignore[arg-type]
    assert "unsolicited_mailing" not in rules_of(data), what


def test_a_person_sharing_a_page_is_left_alone() -> None:
    # a colleague's HTML mail with a pasted address (the link's text is the address itself)
    shared = ('<div dir="ltr">Have a look at this article:<br>'
              '<a href="https://news.example.org/2021/01/story">https://news.example.org/2021/01/story</a></div>')
    assert "unsolicited_mailing" not in rules_of(make_mail(from_="Hanako <hanako@example.jp>", subject="article",
                                                           html=shared))
    # a person's own free mailbox linking pages with words
    worded = '<div dir="ltr">The <a href="https://news.example.org/story">story I mentioned</a>.</div>'
    assert "unsolicited_mailing" not in rules_of(make_mail(from_="Hanako <hanako.example@gmail.com>", subject="story",
                                                           html=worded, auth=None, return_path=None))
    # plain text: no designed mailing
    assert "unsolicited_mailing" not in rules_of(make_mail(subject="story", body="See https://news.example.org/story"))


def test_a_pasted_body_is_not_judged_by_it() -> None:
    pasted = (b"Summer collection\nNew arrivals are here.\nShop now: https://deals.example.net/c/8813\n")
    assert "unsolicited_mailing" not in rules_of(pasted)
