"""Round 11: a warning about scams quotes a lure's words and asks nothing; a lure that says "beware" still asks."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.presentation.sentences import finding_detail
from tests.conftest import make_mail

UNALIGNED = ("mx.example.jp; spf=softfail smtp.mailfrom=promo.example.net; dkim=none; "
             "dmarc=fail header.from=promo.example.net")

WARNINGS = [
    ("エグザンプル証券 <news@sec.example.jp>", "投資詐欺にご注意ください",
     "最近、SNSやLINEで著名人を名乗り「必ず儲かる」「元本保証」とうたう投資詐欺が増えています。LINEグループに誘導し、"
     "高配当を約束して送金させる手口です。当社がLINEで投資を勧誘することはありません。少しでも怪しいと思ったら、"
     "警察相談専用電話 #9110 にご相談ください。"),
    ("Example Bank <news@bank.example.com>", "How to spot an investment scam",
     "Scammers promise guaranteed returns, ask you to move your savings into crypto and pressure you to act fast. "
     "We will never ask you to transfer money to a 'safe account' or share your one-time passcode. If in doubt, "
     "call us on the number on the back of your card."),
]


@pytest.mark.parametrize(("from_", "subject", "body"), WARNINGS)
def test_a_warning_about_scams_is_no_scam(from_: str, subject: str, body: str) -> None:
    domain = from_.split("@")[1].rstrip(">")
    auth = f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; dmarc=pass header.from={domain}"
    for data in (make_mail(from_=from_, subject=subject, body=body, auth=auth, return_path=f"<b@{domain}>"),
                 f"{subject}\n\n{body}".encode()):
        report = analyse(data)
        assert report.verdict == "no_signs"
        lure = next(f for f in report.findings if f.rule == "scam_lure")
        assert lure.severity == "low" and dict(lure.params)["note"] == "warning"
        for lang in ("ja", "en"):
            detail = finding_detail(lure, lang)
            assert ("注意" in detail) if lang == "ja" else ("warning about scams" in detail)


@pytest.mark.parametrize(("subject", "body"), [
    ("Guaranteed 40% monthly returns", "Beware of scammers copying us! Only invest through our official platform. "
     "Guaranteed returns of 40% per month, withdraw anytime: https://x-profit-pro.example.org/join"),
    ("Inheritance", "Beware of fraudsters. I am contacting you about the unclaimed inheritance of USD 8.5 million left "
     "by a deceased client who shares your surname. Reply with your full name and phone number to claim it."),
    ("必ず儲かる", "詐欺にご注意ください。当グループは本物です。元本保証で月利20%、必ず儲かる投資をご紹介します。"
     "LINEで友だち追加してください https://line-invest.example.org/add"),
])
def test_a_lure_that_says_beware_still_lures(subject: str, body: str) -> None:
    for data in (make_mail(from_="Desk <desk@promo.example.net>", subject=subject, body=body, auth=UNALIGNED,
                           return_path="<b@promo.example.net>"), f"{subject}\n\n{body}".encode()):
        report = analyse(data)
        assert report.verdict == "scam"
        assert "note" not in dict(next(f for f in report.findings if f.rule == "scam_lure").params)


def test_a_warning_beside_a_forged_sender_weighs_in_full() -> None:
    # no link: the warning's low finding is lifted back beside the failed DMARC (pipeline.topic_beside_signs)
    subject, body = WARNINGS[0][1], WARNINGS[0][2]
    report = analyse(make_mail(from_="エグザンプル証券 <news@promo.example.net>", subject=subject, body=body,
                               auth=UNALIGNED, return_path="<b@promo.example.net>"))
    lure = next(f for f in report.findings if f.rule == "scam_lure")
    assert lure.severity == "high"


def test_a_warning_sent_unauthenticated_that_links_only_to_its_own_site_is_still_a_warning() -> None:
    # after review 11: a bank's warning sent from its web host (no DKIM, no DMARC) linking its own security page
    body = (WARNINGS[1][2] + "\nMore: https://bank.example.com/security")
    report = analyse(make_mail(from_="Example Bank <news@bank.example.com>", subject=WARNINGS[1][1], body=body,
                               auth=None, return_path="<news@bank.example.com>"))
    lure = next(f for f in report.findings if f.rule == "scam_lure")
    assert dict(lure.params).get("note") == "warning"
    assert report.verdict == "no_signs"
