"""Issue 11's precision target, round 8: a scam family's topic named (a refund issued, a benefit's date,
a gift card, the shop's own winners) is not a lure; a lure asks for something (claim, apply, enter data,
pay a fee, reply, a deadline with a loss). And mail its own organisation's domain authenticated, with no
other sign and no ask, is not flagged by one scam wording sign alone. Made-up mail, reserved names only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.analysis.brands import catalogue
from bot.analysis.pipeline import analyse

ALIGNED = ("mx.example.jp; spf=pass smtp.mailfrom={d}; dkim=pass header.d={d}; dmarc=pass header.from={d}")
UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"


def _mail(sender: str, subject: str, body: str, auth: str) -> bytes:
    return (f"Authentication-Results: {auth}\nFrom: Shop <{sender}>\nTo: taro.yamada@example.jp\n"
            f"Subject: {subject}\nDate: Thu, 03 Dec 2026 10:02:05 +0900\nMessage-ID: <t8@example.com>\n"
            'MIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n'
            f"{body}\n").encode()


ORDINARY = [
    ("Refund issued", "Your refund of 18.50 EUR for order 3302 has been issued to your card. It can take a few "
     "days to show on your statement."),
    ("Retour ontvangen", "Gefeliciteerd met je nieuwe fiets! Je cadeaukaart van € 20 voor de volgende aankoop zit "
     "in je account."),
    ("返金のご連絡", "ご注文番号 5521 の返金手続きが完了しました。ご利用のカード会社を通じて返金されます。"),
    ("給付金のお知らせ", "臨時給付金は12月25日にご登録の口座へ振り込みます。手続きは不要です。"),
    ("Remboursement", "Le remboursement de votre commande 7710 a été effectué ce matin."),
    ("Gewinner", "Wir gratulieren allen Gewinnern unseres Gewinnspiels im November! Die Preise sind unterwegs."),
]

LURES = [
    ("Refund pending", "Your refund of 89.50 EUR could not be sent. To receive it, enter your card number and "
     "security code at https://refund.example.net/form within 24 hours."),
    ("Ihr Gutschein", "Sie haben einen Einkaufsgutschein über 300 € erhalten! Zahlen Sie nur 1,99 € Versand, um "
     "ihn zu aktivieren."),
    ("給付金", "給付金の受給資格が確認されました。受け取るには下記URLから口座情報を入力してください。"
     "https://kyufu.example.net/"),
    ("Reembolso", "Tiene un reembolso pendiente. Para recibirlo, introduzca los datos de su tarjeta en "
     "https://reembolso.example.net"),
]


@pytest.mark.parametrize(("subject", "body"), ORDINARY)
def test_a_topic_named_without_an_ask_is_not_flagged(subject: str, body: str) -> None:
    for data in (f"{subject}\n\n{body}".encode(),
                 _mail("info@shop.example.com", subject, body, ALIGNED.format(d="shop.example.com"))):
        report = analyse(data)
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]
        assert all(f.severity == "low" for f in report.findings if f.rule == "scam_lure")


@pytest.mark.parametrize(("subject", "body"), LURES)
def test_the_same_topic_with_an_ask_stays_caught(subject: str, body: str) -> None:
    for data in (f"{subject}\n\n{body}".encode(),
                 _mail("info@notice.example.net", subject, body, UNALIGNED)):
        report = analyse(data)
        assert report.verdict != "no_signs"
        assert any(f.rule == "scam_lure" and f.severity != "low" for f in report.findings)


PAYOUT = ("Ihre Auszahlung", "Ihre Auszahlung von 120 € für die Verkäufe im November wurde heute auf Ihr "
          "Bankkonto veranlasst.")


def test_one_wording_sign_in_a_domains_own_authenticated_mail_still_counts() -> None:
    # a throwaway domain passes DMARC as easily as a shop (a third of the tune honeypot's mail does):
    # an authenticated sender makes no lure's wording weigh less (an earlier floor did, measured to
    # change no figure, and was taken out)
    subject, body = PAYOUT
    pasted = analyse(f"{subject}\n\n{body}".encode())
    assert pasted.verdict != "no_signs"  # a stranger's "payout" is the balance lure
    signed = analyse(_mail("billing@club.example.com", subject, body, ALIGNED.format(d="club.example.com")))
    assert signed.verdict != "no_signs"
    assert [f.severity for f in signed.findings if f.rule == "scam_lure"] == ["medium"]
    assert all(dict(f.params).get("note") != "own_domain" for f in signed.findings)


def test_topic_phrases_are_their_familys_strong_phrases() -> None:
    families = catalogue().scam_families
    assert any(f.topic for f in families.values())
    for name, family in families.items():
        assert set(family.topic) <= set(family.strong), name
    assert catalogue().phrases["scam_ask"].strong


def test_a_shops_refund_notice_in_a_brands_real_format_is_not_flagged() -> None:
    """The genuine Amazon refund fixture (tests/fixtures/brand_mail), sent by a shop the catalogue does not
    know from its own aligned domain: multipart HTML, tracking link, 「返金手続きが完了しました」."""
    data = (Path(__file__).resolve().parents[1] / "fixtures" / "brand_mail" / "amazon_jp_refund.eml").read_bytes()
    head, sep, body = data.partition(b"\n\n")
    text = re.sub(r"amazon(ses)?\.(co\.jp|com)", "shop.example.jp", head.decode("ascii"))
    text = re.sub(r"(?m)^From: .*$", "From: =?UTF-8?B?44K144Oz44OX44Or44K544OI44Ki?= <return@shop.example.jp>", text)
    text = re.sub(r"(?m)^Subject: .*$", "Subject: =?UTF-8?B?6L+U6YeR44Gu44GK55+l44KJ44Gb?=", text)  # 返金のお知らせ
    body = re.sub(rb"(?i)amazon(\.co\.jp|\.com)?", b"shop.example.jp", body)
    report = analyse(text.encode("ascii") + sep + body)
    assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]
    assert report.brand is None
    assert [f.severity for f in report.findings if f.rule == "scam_lure"] == ["low"]


def test_the_sentences_say_what_was_not_asked_in_both_languages() -> None:
    from bot.presentation.sentences import finding_detail

    topic = next(f for f in analyse(b"Remboursement\n\nLe remboursement de votre commande 7710 a \xc3\xa9t\xc3\xa9 "
                                     b"effectu\xc3\xa9.\n").findings if f.rule == "scam_lure")
    assert dict(topic.params)["note"] == "topic_only"
    assert "asks you for nothing" in finding_detail(topic, "en")
    assert "the recipient" in finding_detail(topic, "en", section="desk_rule")
    assert "何も求めていない" in finding_detail(topic, "ja")


def test_a_shops_service_line_and_a_fee_named_are_no_ask() -> None:
    # every shop's mail ends with "questions? call us"; a refund of a fee names the fee
    for text in (
        "Order 4471\n\nYour refund of the shipping fee (4.99 EUR) has been issued to your card. It may take 3 to 5 days.\n",
        "Bestellung 4471\n\nDie Rückerstattung für Ihre Rücksendung wurde veranlasst. Bei Fragen rufen Sie uns an: 0800 123 456.\n",
        "Order 4471\n\nYour refund request was received. Questions? Call us at 0800 123 456.\n",
        "ご注文番号 4471\n\n返金手続きが完了しました。ご不明な点はお電話ください(0120-000-000)。\n",
    ):
        report = analyse(text.encode())
        assert report.verdict == "no_signs", (text, [(f.rule, f.severity) for f in report.findings])


def test_a_refund_the_reader_is_told_to_get_is_a_lure() -> None:
    # the textbook refund lures, pasted: eligibility claimed, or the refund to be released by logging in
    for text in (
        "Tax Refund Notification\n\nAfter the last annual calculation of your fiscal activity we have determined "
        "that you are eligible to receive a tax refund of 468.50 USD.\n\nhttps://refund.example.com/claim\n",
        "Your refund of 49.99 EUR could not be delivered. Log in to release your refund.\n\n"
        "https://secure-refunds.example.org/login\n",
    ):
        report = analyse(text.encode())
        assert report.verdict == "scam", (text, [(f.rule, f.severity) for f in report.findings])


def test_a_topic_beside_another_sign_of_fraud_names_the_scam() -> None:
    # alone, a prize draw's words are a shop's raffle; from a sender whose own domain's policy says
    # the mail is forged, they are what the lure is about, and the mail is named a scam
    subject, body = "Gewinnspiel", ("Wir gratulieren! Sie sind einer der Finalisten unseres Gewinnspiels um einen "
                                    "Einkaufsgutschein im Wert von 500 Euro.")
    forged = analyse(_mail("gewinn@shop.example.com", subject, body,
                           "mx.example.jp; spf=fail smtp.mailfrom=shop.example.com; dkim=none; dmarc=fail header.from=shop.example.com"))
    lure = [f for f in forged.findings if f.rule == "scam_lure"]
    assert lure and lure[0].severity != "low" and dict(lure[0].params).get("note") is None
    assert forged.verdict == "scam"
    # the same words pasted alone, or beside only other wording, stay a topic
    pasted = analyse(f"{subject}\n\n{body}".encode())
    assert [dict(f.params).get("note") for f in pasted.findings if f.rule == "scam_lure"] == ["topic_only"]
    assert pasted.verdict == "no_signs"


def test_a_weak_sign_beside_a_topic_does_not_make_a_notice_a_scam() -> None:
    # a pasted refund notice naming the wallet twice: the body presents PayPal and its link goes to the
    # shop (brand_link_mismatch low); that weak sign does not turn the refund's topic into a lure
    text = ("Refund issued\n\nWe sent your refund of 24.99 EUR for order 5521 to your PayPal account. PayPal usually "
            "shows it within a few days. Log in to your account to see your order history.\n\n"
            "https://shop.example.com/orders/5521\n")
    report = analyse(text.encode())
    assert report.verdict == "no_signs", [(f.rule, f.severity) for f in report.findings]


def test_a_lists_topic_beside_another_sign_keeps_the_lists_weight() -> None:
    # a mailing list's discussion quoting such words counts them low; a topic restored beside another
    # sign gets the weight the list would have given it, not more
    subject, body = "Monatsrunde", "Sie sind einer der Finalisten der Monatsrunde."
    data = _mail("gewinn@shop.example.com", subject, body,
                 "mx.example.jp; spf=fail smtp.mailfrom=shop.example.com; dkim=none; dmarc=fail header.from=shop.example.com")
    listed = data.replace(b"MIME-Version: 1.0\n", b"MIME-Version: 1.0\nList-Id: <talk.lists.example.com>\n", 1)
    lure = [f for f in analyse(listed).findings if f.rule == "scam_lure"]
    assert [f.severity for f in lure] == ["low"]
