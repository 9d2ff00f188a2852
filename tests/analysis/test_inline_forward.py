"""A member's own inline forward of a suspect mail: the forwarded mail's header block is the sender."""

from __future__ import annotations

import pytest

from bot.analysis.intake import inline_forward
from bot.analysis.pipeline import analyse
from tests.conftest import make_mail

MEMBER_AUTH = ("mx.example.jp; spf=pass smtp.mailfrom=example.jp; dkim=pass header.d=example.jp; "
               "dmarc=pass header.from=example.jp")

GMAIL_BLOCK = (
    "---------- Forwarded message ---------\n"
    "From: Amazon.co.jp <info@amaz0n-secure.example.net>\n"
    "Date: Thu, 3 Dec 2026 at 10:12\n"
    "Subject: Your account has been suspended\n"
    "To: <taro@example.jp>\n\n\n"
    "Dear customer,\nYour Amazon account has been locked. Please verify your information within 24 hours:\n"
    "https://amaz0n-secure.example.net/ap/signin\n"
)
THUNDERBIRD_JA = (
    "-------- 転送メッセージ --------\n"
    "件名: 【三井住友カード】ご利用確認のお願い\n"
    "日付: Thu, 3 Dec 2026 10:12:00 +0900\n"
    "差出人: 三井住友カード <info@smbc-card-check.example.net>\n"
    "宛先: taro@example.jp\n\n"
    "いつも三井住友カードをご利用いただきありがとうございます。\n"
    "お客様のカードに不正利用の可能性があるため、ご利用を一時停止しております。\n"
    "下記よりご本人確認をお願いいたします。\nhttps://smbc-card-check.example.net/login\n"
)


def _forward(block: str, *, subject: str = "Fwd: Your account has been suspended", auth: str | None = MEMBER_AUTH,
             note: str = "Is this real?\n\n") -> bytes:
    return make_mail(from_="Taro <taro@example.jp>", to="taro.yamada@example.com", subject=subject,
                     body=note + block, auth=auth, return_path="<taro@example.jp>")


def test_member_forward_is_judged_by_the_forwarded_sender() -> None:
    report = analyse(_forward(GMAIL_BLOCK))
    assert report.sender.from_addr is not None
    assert report.sender.from_addr.domain == "amaz0n-secure.example.net"
    assert report.subject == "Your account has been suspended"
    assert "forwarded_inline" in {p.code for p in report.problems}
    rules = {f.rule for f in report.findings}
    assert {"display_name_brand", "brand_link_mismatch"} <= rules
    assert report.verdict == "phishing"
    # the forwarded block's "To:" line names the recipient and greets nobody
    assert "address_greeting" not in rules


def test_japanese_thunderbird_forward() -> None:
    report = analyse(_forward(THUNDERBIRD_JA, subject="転送: 【三井住友カード】ご利用確認のお願い", note=""))
    assert report.sender.from_addr is not None
    assert report.sender.from_addr.domain == "smbc-card-check.example.net"
    assert report.brand is not None and report.brand.id == "smbc-card"
    assert "display_name_brand" in {f.rule for f in report.findings}


def test_a_sent_copy_that_never_travelled_counts_as_the_members() -> None:
    data = b"From: taro@example.jp\nTo: desk@example.com\nSubject: Fwd: look\n\nplease check\n\n" + GMAIL_BLOCK.encode()
    report = analyse(data)
    assert report.sender.from_addr is not None
    assert report.sender.from_addr.domain == "amaz0n-secure.example.net"


def test_a_criminal_mail_dressed_as_a_forward_keeps_its_own_header() -> None:
    # travelled, and nothing vouches for its From: the outer header is the evidence
    report = analyse(_forward(GMAIL_BLOCK, auth="mx.example.jp; spf=fail smtp.mailfrom=example.jp; dmarc=fail "
                              "header.from=example.jp"))
    assert report.sender.from_addr is not None
    assert report.sender.from_addr.domain == "example.jp"
    assert "forwarded_inline" not in {p.code for p in report.problems}
    report = analyse(_forward(GMAIL_BLOCK, auth=None))
    assert report.sender.from_addr is not None and report.sender.from_addr.domain == "example.jp"


@pytest.mark.parametrize(("subject", "forwarded"), [("RE: quarterly numbers", False), ("FW: quarterly numbers", True),
                                                ("転送: quarterly numbers", True)])
def test_outlook_original_message_counts_only_under_a_forward_subject(subject: str, forwarded: bool) -> None:
    body = ("-----Original Message-----\nFrom: Hanako <hanako@example.com>\nSent: Thursday, December 3, 2026 10:12\n"
            "To: Taro <taro@example.jp>\nSubject: quarterly numbers\n\nHere they are.\n")
    assert (inline_forward(body, subject) is not None) is forwarded


def test_what_is_not_a_forward() -> None:
    block = GMAIL_BLOCK
    # a quoted marker (a reply's quote)
    assert inline_forward("Thanks!\n\n> " + block.replace("\n", "\n> "), "Re: x") is None
    # a long mail of the member's own above the marker: a discussion, not a forward for judging
    assert inline_forward("word " * 200 + "\n" + block, "Fwd: x") is None
    # a block whose sender has no address (Lotus Notes: "From: Name/Dept")
    assert inline_forward("---------- Forwarded message ---------\nFrom: Taro Sales/Tokyo\nSubject: s\n\nhi", "Fwd: s") is None
    fields = inline_forward(block, "Fwd: x")
    assert fields is not None and ("subject", "Your account has been suspended") in fields


def test_an_ordinary_forward_stays_clean() -> None:
    block = ("---------- Forwarded message ---------\nFrom: Hanako Sato <hanako@example.com>\n"
             "Date: Thu, 3 Dec 2026 at 10:12\nSubject: Dinner on Friday\nTo: <taro@example.jp>\n\n"
             "Hi Taro, shall we meet at 7 at the usual place? Hanako\n")
    report = analyse(_forward(block, subject="Fwd: Dinner on Friday", note="FYI\n\n"))
    assert report.verdict == "no_signs"
    assert report.findings == ()


def test_a_pasted_forward_block_does_not_greet_by_address() -> None:
    # the block's recipient line sits within the opening 200 characters: it names, it does not greet
    pasted = ("---------- Forwarded message ---------\nFrom: Shop <info@shop.example.net>\nDate: Thu, 3 Dec 2026\n"
              "Subject: Hi\nTo: <taro@example.jp>\n\nYour parcel is on its way.\n")
    report = analyse(pasted.encode())
    assert "address_greeting" not in {f.rule for f in report.findings}
    greeting = "From: Shop <info@shop.example.net>\nTo: taro@example.jp\n\nDear taro@example.jp, your parcel is waiting.\n"
    assert "address_greeting" in {f.rule for f in analyse(greeting.encode()).findings}
