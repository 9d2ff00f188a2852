"""Issue 11, fourth round: scam families in general terms (an authority's demand, wallet drains, funds
to withdraw, dormant fortunes, phone-only invoices) and the lures of a password that "expires" or a
payment that "failed", each on made-up mail (reserved names), with the ordinary mail each must leave
alone."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.scoring import WEIGHTS
from tests.conftest import make_mail

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"


def findings(data: bytes) -> dict[str, tuple[str, str]]:
    return {f.rule: (f.severity, dict(f.params).get("how", "")) for f in analyse(data).findings}


def assert_named_family(subject: str, body: str, family: str) -> None:
    """A mail of ``family``'s wording, from an ordinary unaligned sender: that family's scam lure, at
    medium or above, and flagged."""
    data = make_mail(from_="Service <info@notice.example.net>", subject=subject, body=body, auth=UNALIGNED)
    severity, how = findings(data)["scam_lure"]
    assert how == family
    assert WEIGHTS["scam_lure"][severity] >= WEIGHTS["scam_lure"]["medium"]
    assert analyse(data).verdict != "no_signs"


@pytest.mark.parametrize(("subject", "body", "family"), [
    ("Final notice", "You have an unpaid toll balance of $6.99. Pay now to avoid a late fee: https://toll.example.com/pay",
     "penalty"),
    ("Your parcel", "Your parcel is held at customs until the import duty is paid: https://parcel.example.net/pay",
     "penalty"),
    ("Avis", "Avis de contravention : vous avez une amende impayée de 35 EUR. https://amendes.example.com", "penalty"),
    ("Bußgeldbescheid", "Ihr Bußgeld ist noch offen. Bitte zahlen Sie bis Freitag: https://example.com/zahlen",
     "penalty"),
    ("Receita", "Consta pendência na sua declaração. Regularize seu CPF hoje: https://example.com/cpf", "penalty"),
    ("【重要】", "交通違反の反則金が未納です。本日中にお支払いください。https://example.com/pay", "penalty"),
    ("USDT", "Your wallet has been selected for the USDT distribution. Claim your allocation before the snapshot.",
     "investment"),
    ("Wallet", "Your wallet will be suspended. Enter your 12-word phrase to keep access.", "investment"),
    ("Balance", "You have 0.73 BTC available to withdraw. Your funds are waiting for you.", "balance"),
    ("Proposal", "I am a bank manager. A deceased client left an abandoned deposit; I need a foreign partner.",
     "advance_fee"),
    ("Order 4412", "Thank you for your purchase: gift card, total paid $909.99. If you did not place this order, "
     "call the number below: +1 555 0100.", "callback"),
])
def test_scam_families_in_general_terms(subject: str, body: str, family: str) -> None:
    assert_named_family(subject, body, family)


@pytest.mark.parametrize("body", [
    "Your password will expire in 3 days. Keep your current password here: https://example.com/keep",
    "We were unable to process your last payment and your membership is on hold. Update it: https://example.com/m",
])
def test_password_expiry_and_failed_payment_are_credential_lures(body: str) -> None:
    data = make_mail(from_="Support <support@notice.example.net>", subject="Account", body=body, auth=UNALIGNED)
    assert findings(data)["credential_lure"][0] == "medium"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your order has shipped", "Your order has shipped. International orders may be subject to customs and duty "
     "charges on delivery. Track it in your account."),
    ("Q3 figures", "Attached are the Q3 figures. The tax team will review the toll road project before Friday; "
     "the fine print of the contract is unchanged."),
    ("Your wallet", "Thanks for buying the leather wallet. It ships on Monday."),
    ("Meeting", "Please call me at 555 0100 when you have a moment about the invoice for the printer."),
])
def test_ordinary_mail_with_the_topics_words_is_left_alone(subject: str, body: str) -> None:
    data = make_mail(from_="Jane <jane@corp.example.com>", subject=subject, body=body)
    assert "scam_lure" not in findings(data)
    assert analyse(data).verdict == "no_signs"


def test_a_fine_named_once_in_a_long_newsletter_is_a_mention() -> None:
    body = ("City news and events this week. " * 120) + "A reader asks about a parking fine. " + ("More news. " * 40)
    data = make_mail(from_="City News <news@city.example.com>", subject="Weekly", body=body)
    assert findings(data)["scam_lure"] == ("low", "penalty")
    assert analyse(data).verdict == "no_signs"


@pytest.mark.parametrize("body", [
    "Thanks for your order. International orders may be subject to import duty, customs fees and import tax.",
    "Merci pour votre commande. Des frais de douane ou droits de douane peuvent s'appliquer.",
    "Vielen Dank für Ihre Bestellung. Bei Lieferungen außerhalb der EU können Zollgebühren anfallen.",
])
def test_a_shops_note_on_customs_fees_is_not_a_demand(body: str) -> None:
    data = make_mail(subject="Order confirmation", body=body)
    assert "scam_lure" not in findings(data)


# ja-review3 §2: a Japanese demand says the reader owes now or names the last step before seizure;
# the words every genuine municipal, pension, brokerage or wallet notice uses are weak
@pytest.mark.parametrize(("body", "family"), [
    ("放置違反金が未納となっております。本日中にお支払いください。", "penalty"),
    ("住民税の未納があります。最終催告です。お支払いがない場合、強制執行の手続きに移ります。", "penalty"),
    ("お荷物が税関で保留されています。輸入消費税をお支払いください。", "penalty"),
    ("交通違反の罰金のお支払いが確認できておりません。本日中に納付してください。", "penalty"),
    ("ウォレットの安全確認のため、シードフレーズを入力してください。", "investment"),
    ("対象のお客様へ。暗号資産を受け取るには、ウォレットで手続きをお願いします。", "investment"),
])
def test_japanese_demands_in_general_terms(body: str, family: str) -> None:
    assert_named_family("【重要】", body, family)


@pytest.mark.parametrize("body", [
    "国民年金保険料の納付状況のお知らせ。未納期間がある方は納付期限までに納付してください。",
    "市県民税の納付期限は10月31日です。納付期限を過ぎると督促状が送付され、延滞金がかかる場合があります。",
    "出金申請を受け付けました。出金可能額はマイページでご確認いただけます。",
    "シードフレーズを絶対に他人に教えないでください。当社がシードフレーズをお尋ねすることはありません。",
    "暗号資産を受け取りました。数量: 0.01 BTC。",
    "休眠預金(休眠口座)の取扱いについてお知らせします。",
    "抽選で100名様に賞品をプレゼント。当選者の発表は賞品の発送をもって代えさせていただきます。",
    "ご予約のきっぷの払い戻しが完了しました。",
])
def test_genuine_japanese_notices_with_the_topics_words_are_not_a_scam(body: str) -> None:
    data = make_mail(from_="お知らせ <info@city.example.jp>", subject="お知らせ", body=body)
    assert "scam_lure" not in findings(data)
    assert analyse(data).verdict == "no_signs"


@pytest.mark.parametrize("body", [
    "ご登録のカードで決済を完了できませんでした。お支払い方法を更新してください。",
    "今月分の決済が完了しませんでした。マイページから更新してください。",
    "お支払いを処理できませんでした。カード情報をご確認ください。",
])
def test_japanese_failed_payment_wording_is_a_credential_lure(body: str) -> None:
    data = make_mail(from_="Support <support@notice.example.net>", subject="お支払いについて", body=body, auth=UNALIGNED)
    assert findings(data)["credential_lure"][0] == "medium"
