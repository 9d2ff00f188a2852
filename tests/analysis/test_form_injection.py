"""Issue 11, round 10: a website's own mail carrying an offer someone typed into its form (sign-up,
contact, order) — a link and a sum of money where a name belongs — and the ordinary mail that greets
people, echoes forms or prices goods beside a link."""

from __future__ import annotations

from typing import Any

import pytest

from bot.analysis.pipeline import analyse
from bot.presentation.sentences import finding_detail
from tests.conftest import make_mail

SITE: dict[str, Any] = {"from_": "Example Jobs <jobs@jobs.example.com>", "to": "taro.yamada@example.jp",
        "auth": "mx.example.jp; spf=pass smtp.mailfrom=jobs.example.com; dkim=pass header.d=jobs.example.com; "
                "dmarc=pass header.from=jobs.example.com",
        "return_path": "<bounce@jobs.example.com>"}


def rules_of(data: bytes) -> set[str]:
    return {f.rule for f in analyse(data).findings}


SIGN_UP = ("Hello \u2705   +$1,989 \u27a1\ufe0f https://forms.example.net/cloud/6578893743f74f42/?j04mua1j,\n\n"
           "Thanks for applying to Example Jobs. To get started, please confirm your email address:\n"
           "https://jobs.example.com/verify?code=abc\n\n\u2014 Example Jobs Team\n")
FORM_ECHO = ("<html><body><h1>Contact Us</h1><p>Date: 1/26/25, 9:55 AM</p><table>"
             "<tr><td>First Name</td><td>Could it be true? Yes! You earned 1.3 Bitcoin! Click to explore:: "
             "https://t.example.net/+_KYbd1SWj</td></tr>"
             "<tr><td>E-mail Address</td><td>taro.yamada@example.jp</td></tr>"
             "<tr><td>Comment</td><td>Could it be true? https://t.example.net/+_KYbd1SWj</td></tr>"
             "</table><p>Thank you, Example Prints!</p></body></html>")
JA_FORM = ("お問い合わせありがとうございます。以下の内容で受け付けました。\n\n"
           "お名前：【当選】100万円を受け取る https://gift.example.net/r/8fk2\n"
           "メールアドレス：taro.yamada@example.jp\n\nExample ショップ\n")


@pytest.mark.parametrize("kwargs", [
    {"body": SIGN_UP, "subject": "Confirm your email"},
    {"html": FORM_ECHO, "subject": "You have submitted [Contact Us] form"},
    {"body": JA_FORM, "subject": "お問い合わせを受け付けました"},
], ids=["greeting", "form-echo", "ja-form"])
def test_an_offer_typed_into_a_sites_form_is_a_scam_even_from_the_genuine_site(kwargs: dict[str, Any]) -> None:
    analysis = analyse(make_mail(**SITE, **kwargs))
    assert "form_injection" in {f.rule for f in analysis.findings}
    assert analysis.verdict == "scam"


def test_the_sentence_shows_the_injected_text_defanged_in_both_languages() -> None:
    analysis = analyse(make_mail(**SITE, body=SIGN_UP))
    finding = next(f for f in analysis.findings if f.rule == "form_injection")
    shown = dict(finding.params)["text"]
    assert "+$1,989" in shown and "forms[.]example[.]net" in shown and "https://" not in shown
    en, ja = finding_detail(finding, "en"), finding_detail(finding, "ja")
    assert "where your name belongs" in en and "forms[.]example[.]net" in en
    assert "本来お名前が入る箇所" in ja and "forms[.]example[.]net" in ja


@pytest.mark.parametrize("body", [
    "Hi Dermot, if you have a look at one of the dists like www.example.org, it ships $5 builds.\n",
    "Hi there! Get $10 off your next order: https://shop.example.com/sale\n",
    "Hey, check this out https://video.example.com/watch?v=1 — it cost me $3 to rent\n",
    "Your order\nProduct name: Gift card $50\nTrack it at https://shop.example.com/orders/123\n",
    "Dear customer,\nYour plan renews at $9.99/month. Manage it at https://account.example.com\n",
    "First Name: Taro\nLast Name: Yamada\nMessage: the quote of $1,200 at https://quote.example.com is fine\n",
    "Name: Taro Yamada\nE-mail: taro.yamada@example.jp\nBudget: $5,000 https://brief.example.com/42\n",
    "山田 太郎 様\n\nご注文ありがとうございます。合計 3,980円\nhttps://shop.example.jp/mypage\n",
], ids=["comma-ends-name", "newsletter-hi-there", "personal-hey", "product-name", "renewal",
        "form-message-field", "form-budget-field", "ja-order"])
def test_greetings_forms_and_prices_beside_links_in_ordinary_mail_are_not_injection(body: str) -> None:
    assert "form_injection" not in rules_of(make_mail(body=body))


def test_a_link_alone_in_a_name_without_money_is_not_injection() -> None:
    """A name field holding a link (a company's site) but no sum is not the spammers' offer."""
    assert "form_injection" not in rules_of(make_mail(body="First Name: https://www.example.com/about\nThanks!\n"))


@pytest.mark.parametrize("body", [
    "Hello Anna \u2014 your ticket ($15.00) for the jazz night on 12 December is confirmed "
    "https://tickets.example.com/t/55120\nShow the QR code at the door.\n",
    "Hi team \U0001f44b your Pro plan renews on 10 December at $12/month https://app.example.com/billing\n",
    "Ol\u00e1 Ana obrigado pela compra de R$ 59,90 https://loja.example.com/pedido/88\n",
    "\u304a\u7533\u3057\u8fbc\u307f\u3092\u53d7\u3051\u4ed8\u3051\u307e\u3057\u305f\u3002\n"
    "\u304a\u540d\u524d\uff1a\u5c71\u7530 \u592a\u90ce\u3000\u53d7\u8b1b\u6599\uff1a12,000\u5186\u3000"
    "\u8a73\u7d30 https://form.example.jp/r/42\n",
    "\u8a73\u3057\u304f\u306f https://shop.example.jp \u69d8\u3005\u306a\u5546\u54c1\u304c1,000\u5186\u304b\u3089\n",
], ids=["greeting-then-sentence", "greeting-team-renewal", "pt-greeting-receipt", "ja-form-price-field",
        "ja-samazama"])
def test_a_greeting_before_a_sentence_or_a_form_with_a_price_field_is_not_injection(body: str) -> None:
    """Review 10: the site's own sentence after an unpunctuated greeting, and a form's price field after the
    name (a label with its colon), are no name holding an offer."""
    assert "form_injection" not in rules_of(make_mail(**SITE, body=body))


@pytest.mark.parametrize("body", [
    "\u2705 \u53d7\u53d6\u91d1\u984d +198,000\u5186 \u27a1\ufe0f https://pay.example.net/claim \u69d8\n"
    "\u3054\u767b\u9332\u3042\u308a\u304c\u3068\u3046\u3054\u3056\u3044\u307e\u3059\u3002\n",
    "\U0001f381 300,000\u5186 \u53d7\u53d6 https://gift.example.net/r/2\u69d8\n",
    "Username: \U0001f4b0 $2,500 bonus waiting https://pay.example.net/bonus\nYour account has been created.\n",
    "Buenos d\u00edas \U0001f4b0 Ganaste 2.000 USD https://pay.example.net/usd, gracias por registrarte.\n",
    "Guten Tag \U0001f4b0 Sie haben 1.500 EUR erhalten https://pay.example.net/eur, willkommen.\n",
], ids=["ja-sama", "ja-sama-on-the-link", "username", "buenos-dias", "guten-tag"])
def test_the_offer_in_a_japanese_name_a_username_or_a_two_word_greeting_is_injection(body: str) -> None:
    assert "form_injection" in rules_of(make_mail(**SITE, body=body))


def _shown_in_discord(body: str, to: str, lang: str) -> str:
    from bot.discord_ui.embeds import analysis_embed
    from bot.presentation.analysis_view import analysis_view

    report = analyse(make_mail(**{**SITE, "to": to}, body=body))
    assert "form_injection" in {f.rule for f in report.findings}
    data = analysis_embed(analysis_view(report, lang), lang).to_dict()
    return "\n".join([str(data.get("description", "")), *(str(f["value"]) for f in data.get("fields", []))])


@pytest.mark.parametrize("pad", [60, 95, 130])
def test_the_recipients_address_in_a_long_injected_link_is_masked_wherever_the_quote_is_cut(pad: int) -> None:
    """Review 10: the link was cut to 120 characters before it was sanitised, so an address in its path could
    be cut to "/u/hanako.sa" and shown as it stood."""
    body = ("Hello $5 " + "x" * pad + " https://pay.example.net/u/" + "p" * (160 - pad)
            + "/hanako.sato@example.jp/x,\n")
    for lang in ("en", "ja"):
        shown = _shown_in_discord(body, "hanako.sato@example.jp", lang)
        assert "anako" not in shown and "sato" not in shown


def test_the_injected_name_cannot_ping_render_markdown_or_carry_controls_in_discord() -> None:
    body = ("Hello @everyone <@123456789012345678> ||$1,989|| \x1b[2J\u202e "
            "https://pay.example.net/x?e=taro.yamada@example.jp,\nThanks\n")
    for lang in ("en", "ja"):
        shown = _shown_in_discord(body, "Taro Yamada <taro.yamada@example.jp>", lang)
        assert "\\@everyone" in shown and "\\<@123456789012345678>" in shown and "\\|\\|" in shown
        assert "\x1b" not in shown and "\u202e" not in shown and "https://" not in shown
        assert "taro.yamada" not in shown and "pay[.]example[.]net" in shown


def test_a_terse_personal_mail_that_greets_a_person_by_name_before_a_sum_and_a_link_is_not_injection() -> None:
    """Review 10: "hey Tom $450 as agreed https://…" names a person first; the offer typed as a name opens with
    its sign or emoji, or the greeting's comma follows the link."""
    assert "form_injection" not in rules_of(make_mail(body="hey Tom $450 as agreed https://pay.example.com/inv/12\n"))


@pytest.mark.parametrize("body", [
    "Name (required): \U0001f4b0 $2,500 bonus https://pay.example.net/b\nE-mail: taro.yamada@example.jp\n",
    "Nome completo: \U0001f4b0 R$ 5.000 https://pay.example.net/b\n",
    "\u3054\u6c0f\u540d\uff1a\u3010\u5f53\u9078\u3011100\u4e07\u5186 https://pay.example.net/b\n",
    "\u304a\u540d\u524d\uff08\u6f22\u5b57\uff09\uff1a\u3010\u5f53\u9078\u3011100\u4e07\u5186 https://pay.example.net/b\n",
    "Hallo \U0001f4b0 500 \u20ac https://pay.example.net/b,\nWillkommen.\n",
    "Hello \U0001f4b0 USD 5,000 https://pay.example.net/b,\nWelcome.\n",
], ids=["name-required", "nome-completo", "go-shimei", "onamae-kanji", "sum-then-euro-sign", "code-then-sum"])
def test_more_name_labels_and_sums_written_the_other_way_round_are_injection(body: str) -> None:
    """Review 10: a label with a note in brackets, 「ご氏名」 with nothing before it, a full-name label, and a sum
    whose sign or code stands on the other side ("500 €", "USD 5,000")."""
    assert "form_injection" in rules_of(make_mail(**SITE, body=body))


def test_a_japanese_instruction_that_opens_with_the_word_for_name_is_no_name_field() -> None:
    """「氏名と住所をご記入の上…」 runs on into prose: a label is followed by its colon or by a cell's space."""
    body = "\u6c0f\u540d\u3068\u4f4f\u6240\u3092\u3054\u8a18\u5165\u306e\u4e0a\u3001\u53c2\u52a0\u8cbb 3,000\u5186\u3092\u304a\u632f\u8fbc\u307f\u304f\u3060\u3055\u3044 https://event.example.jp/pay\n"
    assert "form_injection" not in rules_of(make_mail(**SITE, body=body))


@pytest.mark.parametrize("html", [
    "<html><body><table>\n <tr>\n  <td>Full name</td>\n  <td>Anna Example</td>\n </tr>\n"
    " <tr><td>Donation</td><td>\u20ac25</td></tr><tr><td>Link</td><td>https://charity.example.org/r/1</td></tr>"
    "</table></body></html>",
    "<html><body><div>Hello</div><div>$49.00 refund</div>"
    "<div><a href='https://shop.example.com/o/1'>www.shop.example.com/o/1</a></div></body></html>",
    "<html><body><table><tr><td>Full name</td><td>Anna Example</td></tr><tr><td>Donation</td><td>\u20ac25</td></tr>"
    "<tr><td>Link</td><td>https://charity.example.org/r/1</td></tr></table></body></html>",
], ids=["form-echo-table", "greeting-block-then-amount", "form-echo-table-one-line"])
def test_an_html_mail_whose_cells_hold_a_name_an_amount_and_a_link_apart_is_not_injection(html: str) -> None:
    """Review 10: an HTML part's text joins its cells with spaces, so a form's echo (Full name | Anna | Donation |
    €25 | Link | https://…) read as one name holding a sum and a link; the name and the link must share a cell."""
    assert "form_injection" not in rules_of(make_mail(**SITE, html=html))


def test_an_offer_in_the_name_cell_of_a_pretty_printed_form_echo_is_injection() -> None:
    html = ("<html><body><table>\n <tr>\n  <td>First Name</td>\n  <td>Could it be true? Yes! You earned 1.3 Bitcoin! "
            "Click:: https://t.example.net/x</td>\n </tr>\n <tr><td>E-mail</td><td>taro.yamada@example.jp</td></tr>"
            "</table></body></html>")
    assert "form_injection" in rules_of(make_mail(**SITE, html=html))


@pytest.mark.parametrize("body", [
    "Hey 🎉 $10 off today https://shop.example.com/sale\n\nOur winter sale is on.",
    "Hello 🎁 $50 gift card inside https://shop.example.com/gift,\n\nEnjoy!",
])
def test_the_sites_own_offer_in_its_greeting_is_no_injection(body: str) -> None:
    # round 11: the link goes to the sender's own verified site: the site speaks, no stranger typed it
    report = analyse(make_mail(body=body))
    assert "form_injection" not in {f.rule for f in report.findings}
    assert report.verdict == "no_signs"


def test_a_strangers_link_in_the_sites_verified_mail_is_still_an_injection() -> None:
    report = analyse(make_mail(body="Hello 🎁 $50 gift card inside https://gift-claim.example.net/r,\n\nEnjoy!"))
    assert "form_injection" in {f.rule for f in report.findings}
