"""Issue 11: every kind of unwanted mail named (phishing, scam, malware, spam), the new signals,
and genuine brand mail never flagged. Fixtures use reserved names; brands' own domains are theirs."""

from __future__ import annotations

import base64
import io

import pytest

from bot.analysis.models import Finding
from bot.analysis.pipeline import analyse
from bot.analysis.scoring import advice, score
from tests.conftest import make_mail

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"


def found(data: bytes) -> dict[str, str]:
    return {f.rule: f.severity for f in analyse(data).findings}


def test_verdict_names_the_kind_from_its_own_evidence() -> None:
    assert score((Finding("dangerous_attachment", "high"),))[1] == "malware"
    assert score((Finding("scam_lure", "high"), Finding("envelope_mismatch", "medium")))[1] == "scam"
    assert score((Finding("lookalike_domain", "high"), Finding("credential_lure", "medium")))[1] == "phishing"
    assert score((Finding("spam_content", "high"), Finding("sender_format", "medium")))[1] == "spam"
    # signs without a kind: suspicious, never "phishing" by default
    assert score((Finding("envelope_mismatch", "high"), Finding("dmarc_fail", "high")))[1] == "suspicious"
    assert score((Finding("self_sent", "low"),))[1] == "no_signs"
    # each kind has its own advice
    assert "scam" in advice("scam", ()) and "malware" in advice("malware", ()) and "spam" in advice("spam", ())
    assert "if_password" not in advice("spam", ())


def test_advance_fee_without_a_link_is_a_scam() -> None:
    data = make_mail(
        from_="Barrister John Doe <j.doe.chambers@gmail.com>", subject="Private and confidential",
        body=("I am contacting you about an unclaimed inheritance fund of 4.5 million US dollars left by my late client. "
              "As his next of kin you are the beneficiary of the fund. Kindly reply with your full name and bank account "
              "so the transfer can proceed."),
        auth="mx.example.jp; spf=pass smtp.mailfrom=gmail.com; dkim=pass header.d=gmail.com; dmarc=pass",
        return_path="<j.doe.chambers@gmail.com>",
    )
    report = analyse(data)
    assert report.verdict == "scam", report.findings
    assert {f.rule: dict(f.params).get("how") for f in report.findings}["scam_lure"] == "advance_fee"
    assert "scam" in report.advice and "if_paid" in report.advice


def test_an_executable_attachment_is_malware() -> None:
    payload = base64.b64encode(b"MZ" + b"\0" * 64).decode()
    data = (make_mail(subject="Invoice", body="See the attached invoice.", auth=UNALIGNED).replace(
        b'Content-Type: text/plain; charset="utf-8"\n\nSee the attached invoice.',
        ('Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nSee the attached invoice.\n'
         f'--b\nContent-Type: application/octet-stream; name="invoice.pdf.exe"\nContent-Transfer-Encoding: base64\n\n{payload}\n--b--\n').encode()))
    report = analyse(data)
    assert report.verdict == "malware" and "malware" in report.advice


def test_casino_bulk_mail_from_a_machine_made_sender_is_spam() -> None:
    data = make_mail(
        from_="Lucky Casino <xkqzvbnt@promo.example.net>", subject="250 free spins, no deposit!",
        body="Welcome bonus: 250 free spins with no deposit at our online casino. Claim your jackpot today! Unsubscribe",
        auth=UNALIGNED, return_path="<b@promo.example.net>",
    )
    report = analyse(data)
    assert report.verdict == "spam", report.findings
    assert {"spam_content", "sender_format"} <= {f.rule for f in report.findings}
    assert report.advice[0] == "spam"


@pytest.mark.parametrize(("from_", "how"), [
    ("Billing <billing@detran>", "single_label"),
    ("Support <a%b@example.net>", "odd_characters"),
    ("Promo <noreply@promo-7f3a.firebaseapp.com>", "platform"),
    ("Tenant <admin@contoso7.onmicrosoft.com>", "platform"),
])
def test_sender_format(from_: str, how: str) -> None:
    report = analyse(make_mail(from_=from_, auth=None, return_path=None))
    assert {f.rule: dict(f.params).get("how") for f in report.findings}.get("sender_format") == how


def test_display_name_that_is_an_address_of_another_domain() -> None:
    data = make_mail(from_='"security@amazon.co.jp" <alerts@evil.example.net>', auth=None, return_path=None)
    assert found(data)["display_name_address"] == "high"
    same = make_mail(from_='"news@shop.example.com" <news@shop.example.com>')
    assert "display_name_address" not in found(same)


def test_compauth_fail_counts_once_beside_dmarc() -> None:
    ms = "spf=pass smtp.mailfrom=example.net; dkim=none; dmarc=none action=none header.from=example.com; compauth=fail reason=001"
    assert found(make_mail(auth=f"mx.example.jp; {ms}"))["compauth_fail"] == "medium"
    both = ms.replace("dmarc=none", "dmarc=fail")
    assert "compauth_fail" not in found(make_mail(auth=f"mx.example.jp; {both}"))


def test_address_greeting_and_undisclosed_recipients() -> None:
    data = make_mail(to="undisclosed-recipients:;", subject="taro.yamada@example.jp, your parcel is waiting")
    assert "undisclosed_recipients" in found(data)
    greeted = make_mail(subject="taro.yamada@example.jp, your parcel is waiting")
    assert found(greeted)["address_greeting"] == "medium"


def test_confusables_and_tag_characters_in_a_brand_name_are_read_as_the_brand() -> None:
    data = make_mail(from_="Мetаmаsk <alerts@wallet-alerts.example.net>", subject="Your wallet may get suspended",
                     auth=None, return_path=None)
    report = analyse(data)
    rules = {f.rule for f in report.findings}
    assert "display_name_brand" in rules and "disguised_text" in rules
    tagged = make_mail(from_="Tr\U000e0139ust Wal\U000e0139let <x@wallet.example.net>", auth=None, return_path=None)
    assert {f.rule: dict(f.params).get("how") for f in analyse(tagged).findings}["disguised_text"] == "invisible"


def test_authorities_are_official_by_suffix() -> None:
    fake = make_mail(from_="Receita Federal <avisos@receita-regular.example.net>", subject="Receita Federal: CPF irregular",
                     body="Regularize seu CPF: https://receita-regular.example.net/cpf", auth=None, return_path=None)
    report = analyse(fake)
    assert report.brand is not None and report.brand.id == "gov-br"
    assert "display_name_brand" in {f.rule for f in report.findings}
    real = make_mail(from_="Receita Federal <naoresponda@rfb.gov.br>", subject="Receita Federal: aviso",
                     body="Consulte https://www.gov.br/receitafederal",
                     auth="mx.example.jp; spf=pass smtp.mailfrom=rfb.gov.br; dkim=pass header.d=rfb.gov.br; dmarc=pass",
                     return_path="<b@rfb.gov.br>")
    assert analyse(real).verdict == "no_signs"


@pytest.mark.parametrize(("brand_from", "subject", "body", "auth_domain"), [
    ("Amazon.co.jp <auto-confirm@amazon.co.jp>", "Amazon.co.jp ご注文の確認",
     "taro.yamada@example.jp 様 ご注文ありがとうございます。注文内容は https://www.amazon.co.jp/gp/css/order-history で確認できます。",
     "amazon.co.jp"),
    ("ヤマト運輸 <mail@kuronekoyamato.co.jp>", "お荷物お届けのお知らせ",
     "お荷物のお届け予定です。再配達のご依頼は https://www.kuronekoyamato.co.jp/ から。", "kuronekoyamato.co.jp"),
    ("Google <no-reply@accounts.google.com>", "Security alert: new sign-in",
     "Unusual sign-in activity: a new sign-in on Windows. If this was not you, check activity immediately at "
     "https://myaccount.google.com/notifications", "google.com"),
])
def test_genuine_brand_mail_is_never_flagged(brand_from: str, subject: str, body: str, auth_domain: str) -> None:
    auth = f"mx.example.jp; spf=pass smtp.mailfrom={auth_domain}; dkim=pass header.d={auth_domain}; dmarc=pass header.from={auth_domain}"
    report = analyse(make_mail(from_=brand_from, subject=subject, body=body, auth=auth, return_path=f"<b@{auth_domain}>"))
    assert report.brand_official, report.brand
    assert report.verdict == "no_signs", report.findings


def test_hidden_text_blocks_but_not_a_preheader() -> None:
    filler = "lorem ipsum dolor " * 60
    hidden = make_mail(html=f'<p>Hi</p><div style="display: none">{filler}</div><a href="https://x.example.net/">go</a>')
    assert "hidden_text" in found(hidden)
    preheader = make_mail(html='<span style="display:none">Your weekly news</span><p>' + "News. " * 50 + "</p>")
    assert "hidden_text" not in found(preheader)


def test_html_smuggling_is_malware() -> None:
    page = ("<html><script>var d=atob('UEsDBA==');var b=new Blob([d]);var a=document.createElement('a');"
            "a.href=URL.createObjectURL(b);a.download='invoice.zip';a.click();</script></html>")
    assert found(make_mail(html=page))["html_smuggling"] == "high"


def test_image_only_mail_with_a_short_link() -> None:
    data = make_mail(html='<a href="https://bit.ly/3abcde"><img src="https://cdn.example.net/offer.png"></a>',
                     auth=UNALIGNED)
    assert found(data)["image_only"] == "medium"


def _qr_png(text: str) -> bytes:
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    code = memoryview(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=6))
    assert code.shape is not None
    pic = image.frombytes("L", (code.shape[1], code.shape[0]), code.tobytes())
    buf = io.BytesIO()
    pic.save(buf, "PNG")
    return buf.getvalue()


def test_qr_code_in_an_attached_image_is_a_link_of_the_mail() -> None:
    png = base64.encodebytes(_qr_png("https://mailbox-renew.example.net/jp/verification")).decode()
    data = make_mail(subject="Mailbox storage is full", body="", auth=UNALIGNED).replace(
        b'Content-Type: text/plain; charset="utf-8"\n\n',
        ('Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nScan to keep your mailbox.\n'
         f'--b\nContent-Type: image/png; name="scan.png"\nContent-Transfer-Encoding: base64\n\n{png}\n--b--\n').encode())
    report = analyse(data)
    qr = [link for link in report.links if link.source == "qr"]
    assert [link.host for link in qr] == ["mailbox-renew.example.net"]
    assert {f.rule: f.severity for f in report.findings}["qr_code"] == "high"
    assert report.verdict != "no_signs"


def test_qr_code_in_an_inline_data_image() -> None:
    png = base64.b64encode(_qr_png("https://pay-fine.example.net/")).decode()
    data = make_mail(html=f'<p>Pay your parking fine</p><img src="data:image/png;base64,{png}">')
    assert [link.host for link in analyse(data).links if link.source == "qr"] == ["pay-fine.example.net"]


def test_broken_images_are_skipped_not_fatal() -> None:
    junk = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + b"\xff" * 500).decode()
    data = make_mail(body="", auth=UNALIGNED).replace(
        b'Content-Type: text/plain; charset="utf-8"\n\n',
        ('Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n'
         f'--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n{junk}\n--b--\n').encode())
    report = analyse(data)
    assert report.readable and not [link for link in report.links if link.source == "qr"]


@pytest.mark.parametrize("url", [
    "https://www.qyzx.cn/",  # kit TLD and a random name
    "http://k5eqm5b.duckdns.org/",  # dynamic DNS
    "https://aeon.jp.tok252.example/Aaeon",  # stacked sub-domains
    "https://smbc.servicecc-jp.cc/vpass/login.php",  # the seed's link: brand named
])
def test_a_phishing_link_pasted_alone_is_flagged(url: str) -> None:
    report = analyse(f"{url}\nis this phishing?".encode())
    assert report.verdict != "no_signs", report.findings


@pytest.mark.parametrize("url", [
    "https://www.example.com/news/2024/article.html",
    "https://github.com/example/project/issues/12",
    "https://www.nhk.or.jp/news/",
    "https://lists.example.org/archives/dev/2016-November/050658.html",
])
def test_an_ordinary_link_pasted_alone_stays_no_signs(url: str) -> None:
    assert analyse(url.encode()).verdict == "no_signs"


def test_a_bare_brand_link_names_the_brand() -> None:
    report = analyse(b"https://smbc.servicecc-jp.cc/vpass/login.php")
    assert report.brand is not None and report.brand.id in ("smbc-card", "smbc")


def test_foreign_language_mail_is_reported_in_its_language() -> None:
    data = make_mail(body="Sehr geehrte Kundin, bitte bestätigen Sie Ihre Daten für Ihre Karte und die Zahlung.")
    assert analyse(data).language == "de"


@pytest.mark.parametrize(("subject", "body", "language"), [
    ("【重要】アカウント確認", "お客様のアカウントを一時的に制限しました。以下よりご確認ください。", "ja"),
    ("ｱｶｳﾝﾄ確認のお願い", "本人確認手続", "ja"),  # half-width katakana
    ("账户通知", "尊敬的客户，您的账户已被暂时冻结。请立即点击以下链接验证您的身份信息。", "zh"),
    ("产品介绍", "您好！我们公司专业生产各种LED灯具，价格优惠，欢迎来电咨询。", "zh"),
])
def test_chinese_mail_is_not_reported_as_japanese(subject: str, body: str, language: str) -> None:
    """Round 10: Han characters without a single kana are Chinese; Japanese writes its endings in kana."""
    assert analyse(make_mail(subject=subject, body=body)).language == language


def test_a_japanese_lure_without_a_link_is_caught_by_brand_and_wording() -> None:
    data = make_mail(from_="notice@tax-info.example.org", subject="【国税庁】未払い税金のお知らせ",
                     body="国税庁です。未払いの税金があります。本日中にお支払いがない場合、差し押さえとなります。",
                     auth="mx.example.jp; spf=pass smtp.mailfrom=tax-info.example.org; dkim=none; dmarc=none",
                     return_path="<b@tax-info.example.org>")
    report = analyse(data)
    assert "brand_from_mismatch" in {f.rule for f in report.findings}
    assert report.verdict != "no_signs" and report.brand is not None and report.brand.id == "nta"
    # the same words from the authority's own domain are its own
    real = make_mail(from_="info@nta.go.jp", subject="【国税庁】お知らせ", body="国税庁からのお知らせです。",
                     auth="mx.example.jp; spf=pass smtp.mailfrom=nta.go.jp; dkim=pass header.d=nta.go.jp; dmarc=pass",
                     return_path="<b@nta.go.jp>")
    assert "brand_from_mismatch" not in {f.rule for f in analyse(real).findings}


FILLER = "lorem ipsum dolor sit amet " * 4


def _salted(style: str, tag: str = "q") -> bytes:
    """Words with filler wrapped in ``tag`` between them, and a style sheet ``style``."""
    words = " ".join(f"word{i} <{tag}>{FILLER}</{tag}>" for i in range(30))
    return make_mail(html=f"<html><head><style>{style}</style></head><body><p>{words}</p>"
                          '<a href="https://x.example.net/">go</a></body></html>')


def test_filler_hidden_by_a_style_sheet_rule_on_a_whole_kind_of_element_is_hidden_text() -> None:
    """Round 10: ``q{display:none}`` in the sheet, then filler in <q> between the words."""
    assert "hidden_text" in found(_salted("q{display:none}"))
    assert "hidden_text" in found(_salted("<!-- h4{color:blue} u, s { font-size: 0px; } -->", "u"))
    assert "hidden_text" not in found(_salted("q{color:red}"))


@pytest.mark.parametrize("style", [
    "@media only screen and (max-width: 480px) { q { display: none !important; } }",  # a layout's phone view
    ".preheader{display:none} q.preheader{display:none}",  # classes and compound selectors: a layout's
    "/* q{display:none} */ q{color:red}",  # a comment
    "body q{display:none}",  # a descendant selector
])
def test_layout_rules_of_a_style_sheet_are_not_hidden_text(style: str) -> None:
    assert "hidden_text" not in found(_salted(style))


def test_an_element_matched_by_two_hiding_words_is_counted_once() -> None:
    """An element whose style holds two hiding words (display:none and font-size:0) is one element:
    the selector list found it twice, and its text was counted twice until round 10."""
    from bot.analysis.links import html_facts

    text = "x" * 300
    facts = html_facts(f'<div style="display:none; font-size:0">{text}</div><p>shown</p>')
    assert facts.hidden_chars == 300
