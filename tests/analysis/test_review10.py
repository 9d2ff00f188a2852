"""Review 10: ordinary Japanese notices that round 10's lure families read as lures (a denial said another way,
a fee said free), and the lures they stand beside. Made-up mails with reserved names."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from tests.conftest import make_mail


def _aligned(domain: str, body: str) -> bytes:
    auth = (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}")
    return make_mail(from_=f"Sample <info@{domain}>", body=body, auth=auth, return_path=f"<bounce@{domain}>")


@pytest.mark.parametrize(("domain", "body"), [
    ("delivery.example.jp", "ご不在のためお荷物を持ち帰りました。再配達料はかかりません。ご希望の日時をアプリでお知らせください。"),
    ("tax.example.jp", "還付金がある方には申告書に記載の口座へ振り込みます。税務署が還付金の受け取りのためにATMの操作を"
                       "お願いしておりません。"),
    ("tax.example.jp", "税務署から還付金の受け取りのためにATMの操作をお願いすることは一切いたしません。"),
], ids=["fee-free", "shite-orimasen", "koto-wa-itashimasen"])
def test_a_japanese_notice_that_denies_the_lures_words_another_way_is_not_flagged(domain: str, body: str) -> None:
    """「…はかかりません」 (the fee itself free), 「…をお願いしておりません」, 「…ことは一切いたしません」 deny as
    「…ことはありません」 does."""
    analysis = analyse(_aligned(domain, body))
    assert analysis.verdict == "no_signs", [(f.rule, f.severity) for f in analysis.findings]
    assert "scam_lure" not in {f.rule for f in analysis.findings if f.severity != "low"}


@pytest.mark.parametrize("body", [
    "再配達料をお支払いいただければ送料無料で再配達いたします。以下よりお支払いください。https://pay.example.net/r",
    "お荷物の再配達料 330円が未払いです。以下よりお支払いください。https://pay.example.net/r",
], ids=["free-later-in-the-sentence", "fee-unpaid"])
def test_the_parcel_fee_lure_stays_a_lure(body: str) -> None:
    analysis = analyse(make_mail(from_="Delivery <info@notice.example.net>", body=body,
                                 auth="mx.example.jp; spf=pass smtp.mailfrom=notice.example.net; dkim=none; dmarc=none",
                                 return_path="<b@notice.example.net>"))
    assert analysis.verdict != "no_signs"
    assert "scam_lure" in {f.rule for f in analysis.findings}


def test_a_mailbox_quota_notice_is_one_sign_however_many_phrases_its_one_sentence_holds() -> None:
    """「メールボックスの容量が上限」 holds two strong phrases sharing 「容量」: counted once, a company's quota notice (no link,
    no ask but to delete mail) stays below a verdict."""
    body = ("メールボックスの容量が上限に近づいています。受信トレイの不要なメールを削除するか、情報システム部に"
            "ご相談ください。")
    analysis = analyse(_aligned("example.jp", body))
    assert analysis.verdict == "no_signs"
    assert [f.severity for f in analysis.findings if f.rule == "credential_lure"] == ["medium"]


def test_a_mailbox_lure_with_two_different_strong_phrases_is_still_high() -> None:
    body = ("メールボックスの容量が上限に達しました。保留中のメールがあります。受信トレイを復元するには以下から"
            "ログインしてください。https://mail.example.net/login")
    analysis = analyse(make_mail(from_="Mail <info@notice.example.net>", body=body,
                                 auth="mx.example.jp; spf=pass smtp.mailfrom=notice.example.net; dkim=none; dmarc=none",
                                 return_path="<b@notice.example.net>"))
    assert [f.severity for f in analysis.findings if f.rule == "credential_lure"] == ["high"]
    assert analysis.verdict != "no_signs"


@pytest.mark.parametrize(("domain", "body"), [
    ("card.example.jp", "サンプルカードのご利用がありました。ご利用金額 12,800円。この金額が請求されます。お心当たりのない場合は、"
                        "0120-987-654（24時間受付）までご連絡ください。"),
    ("denki.example.jp", "12月分の電気料金 6,420円を請求いたしました。身に覚えのない請求の場合は 0570-000-111 へお問い合わせ"
                         "ください。"),
    ("shop.example.jp", "ご注文ありがとうございます。合計 8,800円を請求いたしました。このご注文をしていない場合は "
                        "050-1234-5678 までご連絡ください。"),
], ids=["card-usage", "utility-bill", "order-charge"])
def test_a_charge_notice_that_gives_a_number_for_a_charge_disowned_is_no_callback_lure(domain: str, body: str) -> None:
    """Review 10: 「お心当たりのない場合は 0120-… までご連絡ください」 ends every Japanese charge notice; the callback lure
    asks for the call (「お電話ください」) or the cancelling."""
    for data in (_aligned(domain, body), body.encode()):
        assert analyse(data).verdict == "no_signs"


def test_the_callback_lure_that_asks_for_the_call_stays_a_lure() -> None:
    lure = ("ウイルス対策ソフトの年間プランが自動更新され、49,800円がお客様のクレジットカードに請求されました。"
            "お心当たりのない場合は、24時間以内にサポートセンター 0120-000-000 までお電話ください。")
    assert analyse(lure.encode()).verdict == "scam"


@pytest.mark.parametrize(("domain", "subject", "body"), [
    ("pharmacy.example.com", "Your prescription is ready",
     "Your testosterone prescription is ready for pickup at our Main Street store. Members get a 10% discount on "
     "refills. Questions? Call us."),
    ("logistics.example.com", "Your shipment quote",
     "Thank you for your request. As your freight forwarder we offer door to door service from Osaka to Hamburg. "
     "Please find our quotation attached."),
], ids=["pharmacy-pick-up", "freight-quote-asked-for"])
def test_a_business_own_mail_about_the_readers_dealings_is_not_lifted_as_an_uninvited_offer(
        domain: str, subject: str, body: str) -> None:
    """Review 10: a pharmacy's pick-up notice naming the drug, a quote the reader asked for — signed by the sender's
    own domain, about the reader's own order, prescription or request — carry no opt-out (no marketing law asks one
    there): not a mailing without its machinery."""
    auth = (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}")
    analysis = analyse(make_mail(from_=f"Example <info@{domain}>", subject=subject, body=body, auth=auth,
                                 return_path=f"<bounce@{domain}>"))
    assert analysis.verdict == "no_signs"
    assert [f.severity for f in analysis.findings if f.rule == "spam_content"] == ["medium"]


def test_a_cold_offer_that_asks_for_your_order_is_still_lifted() -> None:
    body = ("Dear purchasing manager, we are a professional manufacturer of LED lights. Factory price and fast delivery. "
            "Place your order now or send your inquiry for a quotation.")
    auth = ("mx.example.jp; spf=pass smtp.mailfrom=offers.example.net; dkim=pass header.d=offers.example.net; "
            "dmarc=pass header.from=offers.example.net")
    analysis = analyse(make_mail(from_="Sales <sales@offers.example.net>", subject="LED lights supplier", body=body,
                                 auth=auth, return_path="<bounce@offers.example.net>"))
    assert analysis.verdict == "spam"
