"""Round 11 (issue 11, branch links11): a mail's link read as the bare-link judge reads a pasted one, when the
mail's context says it is the one call to action and nobody vouches for the sender; and ordinary modern mail
(newsletters with dozens of tracked links, transactional mail with one link to an ESP's tracker, personal mail
with one link) that must stay clean. Made-up mails with reserved names; ESP tracker hosts are written as such
platforms name them."""

from __future__ import annotations

import pytest

from bot.analysis import rules
from bot.analysis.links import html_facts
from bot.analysis.pipeline import analyse, prepare
from tests.conftest import make_mail

# the receiver wrote its results down: the mail is signed by its ESP only, not by the From domain
UNVOUCHED = "mx.example.jp; spf=pass smtp.mailfrom=mailer.example.net; dkim=pass header.d=esp.example.net; dmarc=none"
ALIGNED = ("mx.example.jp; spf=pass smtp.mailfrom=shop.example.com; dkim=pass header.d=shop.example.com; "
           "dmarc=pass header.from=shop.example.com")


def _mail(html: str | None, body: str = "", *, from_: str = "Sample <info@shop.example.com>",
          auth: str | None = UNVOUCHED, subject: str = "Hello") -> bytes:
    return make_mail(from_=from_, subject=subject, body=body, html=html, auth=auth,
                     return_path="<bounce@mailer.example.net>")


def _newsletter(href: str, n: int = 30) -> str:
    items = "".join(f"<tr><td><a href='{href.format(i=i)}'>Article {i}: winter reading</a></td></tr>" for i in range(n))
    return (f"<html><body><h1>The December letter</h1><table>{items}</table>"
            "<p><a href='https://www.example.com/unsubscribe'>Unsubscribe</a> · "
            "<a href='https://www.example.net/privacy'>Privacy</a></p></body></html>")


def _one_link(href: str, text: str, lead: str) -> str:
    return f"<html><body><p>{lead}</p><p><a href='{href}'>{text}</a></p><p>Thank you.</p></body></html>"


ORDINARY: list[tuple[str, bytes]] = [
    ("newsletter-sendgrid", _mail(_newsletter("https://u1234567.ct.sendgrid.net/ls/click?upn=u001.AbC{i}dEf9876543210"))),
    ("newsletter-own-tracker", _mail(_newsletter("https://click.news.example.com/?qs=8f3a2b1c9d7e6f5a4b3c2d1e0f9a{i:04d}"))),
    ("newsletter-token-paths", _mail(_newsletter("https://email.example.net/c/eJxVkMtuwyAQRb9GLB0wfuAFiyhtpS6yq{i}"))),
    ("newsletter-list-manage", _mail(_newsletter(
        "https://example.us12.list-manage.com/track/click?u=0123456789abcdef0123456&id=ab{i:04d}&e=0123456789"))),
    ("newsletter-job-alert", _mail(_newsletter("https://jobs.example.net/view/{i}12345?trk=mail_alert&refId=Zx{i}Qw", 12))),
    ("newsletter-ja", _mail(_newsletter("https://mail.example.jp/c/{i}/a1b2c3d4e5f6", 20), subject="今月のおすすめ")),
    ("reset-sendgrid", _mail(_one_link("https://u7654321.ct.sendgrid.net/ls/click?upn=u001.xYz0123456789AbCdEf",
                                       "Reset your password", "You asked to reset your password."))),
    ("order-click-mail", _mail(_one_link("https://click.mail.example.net/?qs=8f3a2b1c9d7e6f5a4b3c2d1e0f9a8b7c",
                                         "View your order", "Your order 20261203-0042 has shipped."))),
    ("receipt", _mail(_one_link("https://pay.example.net/receipts/acct_1AbCdEf/rcpt_2GhIjKl", "View receipt",
                                "Receipt for your payment of $12.00 to Sample Studio."))),
    ("shipping-tracking", _mail(_one_link("https://track.example.net/t/1Z999AA10123456784", "Track your parcel",
                                          "Your parcel is on its way."))),
    ("meeting-invite", _mail(_one_link("https://meet.example.net/j/81234567890?pwd=abcDEF123", "Join the meeting",
                                       "Team sync, Thursday 10:00."))),
    ("event-ticket", _mail(_one_link("https://tickets.example.net/e/2026-winter-concert?ref=mail", "Your tickets",
                                     "See you at the winter concert."))),
    ("survey", _mail(_one_link("https://survey.example.net/s/3F7K9Q", "Take the survey",
                               "How was your visit? Two minutes of your time helps us."))),
    ("forum-reply", _mail(_one_link("https://forum.example.net/t/winter-tyres-which-brand/1234/7", "Read the reply",
                                    "Someone replied to your topic."))),
    ("saas-log-in-to-reply", _mail(_one_link("https://app.example.net/login", "Log in to reply",
                                             "You have a new message from your landlord."))),
    ("image-button", _mail("<html><body><a href='https://click.example.net/track/winter-sale?c=1203'>"
                           "<img src='https://img.example.net/banner.png' alt='Winter sale'></a></body></html>")),
    ("cdn-page", _mail(_one_link("https://d111111abcdef8.cloudfront.net/news/2026-12.html", "Read online",
                                 "Our December letter is online."))),
    ("personal-photos", _mail(None, "Hi Taro, the photos from Saturday: https://photos.example.net/album/abc123 — Hanako",
                              from_="Hanako <hanako@example.net>")),
    ("personal-doc", _mail(None, "Here is the draft we talked about: "
                                 "https://docs.example.net/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit",
                           from_="Jiro <jiro@example.net>")),
    ("personal-ja", _mail(None, "土曜日の写真をアップしました。https://photos.example.jp/s/AbC123 よかったら見てね。",
                          from_="花子 <hanako@example.jp>", subject="写真")),
    ("school-ja", _mail(None, "保護者の皆様へ。12月の行事予定を掲載しました。https://school.example.jp/news/2026/12/",
                        from_="サンプル小学校 <info@school.example.jp>", subject="12月の行事予定")),
    ("no-results-written", _mail(_one_link("https://xkcd9z7q.example.net/gallery", "Gallery", "Our new gallery."),
                                 auth=None)),
]


@pytest.mark.parametrize(("name", "data"), ORDINARY, ids=[name for name, _ in ORDINARY])
def test_ordinary_modern_mail_with_links_stays_clean(name: str, data: bytes) -> None:
    analysis = analyse(data)
    assert analysis.verdict == "no_signs", (name, [(f.rule, f.severity) for f in analysis.findings])
    assert "kit_like_link" not in {f.rule for f in analysis.findings if f.severity == "high"}


LURES: list[tuple[str, str, str]] = [
    ("kit-subdomain", "https://account-verify.example.net/", "Your mailbox is full. Verify your account to keep receiving mail."),
    ("token-path", "https://example.net/1K2efjwHhJj49pU13k", "Please find your invoice attached below."),
    ("stacked-domain", "https://www.example.jp.secure.example.net/", "お支払い情報の確認をお願いします。"),
    ("machine-subdomain", "https://6441056b613c32a9.example.net/", "A document was shared with you."),
    ("token-query", "https://example.net/?HxVoT", "You have 3 pending messages."),
    ("random-label-login", "https://xkcd9z7q.example.net/login", "Your password expires today."),
]


@pytest.mark.parametrize(("name", "href", "lead"), LURES, ids=[name for name, _, _ in LURES])
def test_an_unvouched_mails_one_kit_like_link_is_a_finding_of_the_mail(name: str, href: str, lead: str) -> None:
    analysis = analyse(_mail(_one_link(href, "Click here", lead)))
    assert analysis.verdict != "no_signs", name
    assert [f.severity for f in analysis.findings if f.rule == "kit_like_link"] == ["high"]


def test_the_link_hidden_behind_an_image_is_read_too() -> None:
    html = "<html><body><a href='https://account-verify.example.net/'><img src='https://img.example.net/b.png'></a></body></html>"
    assert [f.severity for f in analyse(_mail(html)).findings if f.rule == "kit_like_link"] == ["high"]


def test_a_signed_senders_link_is_not_read_as_pasted() -> None:
    """The sender's own signature vouches for it: the link is weighed with the mail, as before (two signs: low)."""
    data = make_mail(html=_one_link("https://account-verify.example.net/", "Click here", "Verify your account."),
                     auth=ALIGNED)
    assert "high" not in [f.severity for f in analyse(data).findings if f.rule == "kit_like_link"]


def test_an_aligned_spf_pass_vouches_as_a_signature_does() -> None:
    auth = "mx.example.jp; spf=pass smtp.mailfrom=shop.example.com; dkim=none; dmarc=none"
    data = make_mail(html=_one_link("https://account-verify.example.net/", "Click here", "Verify your account."),
                     auth=auth, return_path="<bounce@shop.example.com>")
    assert "high" not in [f.severity for f in analyse(data).findings if f.rule == "kit_like_link"]


def test_a_kit_like_link_among_a_digests_many_sites_is_not_read_as_pasted(monkeypatch: pytest.MonkeyPatch) -> None:
    """(Reserved names give three sites only: the limit is lowered to show the gate.)"""
    monkeypatch.setattr(rules, "MAIL_CTA_DOMAINS", 1)
    html = ("<html><body><p><a href='https://news.example.jp/article'>Story</a></p>"
            "<p><a href='https://account-verify.example.net/'>More</a></p></body></html>")
    assert "high" not in [f.severity for f in analyse(_mail(html)).findings if f.rule == "kit_like_link"]
    monkeypatch.setattr(rules, "MAIL_CTA_DOMAINS", 2)
    assert "high" in [f.severity for f in analyse(_mail(html)).findings if f.rule == "kit_like_link"]


def test_a_host_behind_many_of_the_mails_links_is_its_tracker_not_its_call_to_action() -> None:
    html = _newsletter("https://mail.example.jp/c/{i}/a1b2c3d4e5f6", 4)
    assert "high" in [f.severity for f in analyse(_mail(html)).findings if f.rule == "kit_like_link"]
    html = _newsletter("https://mail.example.jp/c/{i}/a1b2c3d4e5f6", 5)
    assert "kit_like_link" not in {f.rule for f in analyse(_mail(html)).findings}


def test_a_path_that_only_says_log_in_is_not_enough() -> None:
    data = _mail(_one_link("https://app.example.net/login", "Log in", "You have a new message."))
    assert "kit_like_link" not in {f.rule for f in analyse(data).findings}


def test_a_relative_link_under_base_href_is_the_bases() -> None:
    facts = html_facts("<html><head><base href='https://kit.example.net/m/'></head>"
                       "<body><a href='login.php'>Sign in</a><a href='#top'>Top</a>"
                       "<a href='mailto:a@example.jp'>Mail</a></body></html>")
    assert [href for href, _ in facts.anchors] == ["https://kit.example.net/m/login.php", "#top", "mailto:a@example.jp"]


def test_a_relative_link_under_base_href_is_a_link_of_the_mail() -> None:
    html = ("<html><head><base href='https://6441056b613c32a9.example.net/'></head>"
            "<body><p>A document was shared with you.</p><a href='view'>Open</a></body></html>")
    prepared = prepare(_mail(html))
    assert [link.url for link in prepared.links] == ["https://6441056b613c32a9.example.net/view"]
    assert "kit_like_link" in {f.rule for f in analyse(_mail(html)).findings}


def test_the_target_of_an_open_redirect_is_read_as_the_call_to_action() -> None:
    html = ("<p>Your mailbox is full.</p>"
            "<a href='https://www.google.com/url?q=https://account-verify.example.net/'>Click here</a>")
    findings = analyse(_mail(html)).findings
    assert [f.severity for f in findings if f.rule == "kit_like_link"] == ["high"]
    assert "account-verify" in dict(next(f for f in findings if f.rule == "kit_like_link").params)["hosts"]


def _with_attachment(part_head: str, payload: str) -> bytes:
    head = ("From: Sample <info@shop.example.com>\r\nTo: taro.yamada@example.jp\r\nSubject: Invitation\r\n"
            f"Authentication-Results: {UNVOUCHED}\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=XX\r\n\r\n")
    return (head + "--XX\r\nContent-Type: text/plain\r\n\r\nSee the attachment.\r\n--XX\r\n" + part_head + "\r\n\r\n"
            + payload + "\r\n--XX--\r\n").encode()


def test_a_calendar_invites_link_is_read_as_the_mails_call_to_action() -> None:
    """(main reads the invitation's text, ``bot/analysis/ics.py``; its link is then one of the mail's.)"""
    ics = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Payroll review\r\n"
           "DESCRIPTION:Review your payroll before Friday: https://account-verify.exa\r\n mple.net/p\r\n"
           "END:VEVENT\r\nEND:VCALENDAR")
    analysis = analyse(_with_attachment("Content-Type: text/calendar; method=REQUEST; name=invite.ics", ics))
    assert "https://account-verify.example.net/p" in [link.url for link in analysis.links]
    assert [f.severity for f in analysis.findings if f.rule == "kit_like_link"] == ["high"]


def test_an_internet_shortcuts_address_is_a_link_of_the_mail() -> None:
    data = _with_attachment("Content-Type: application/octet-stream; name=Invoice.url\r\n"
                            "Content-Disposition: attachment; filename=Invoice.url",
                            "[InternetShortcut]\r\nURL=https://files.example.net/invoice.exe")
    analysis = analyse(data)
    assert [link.url for link in analysis.links] == ["https://files.example.net/invoice.exe"]
    assert "malware_link" in {f.rule for f in analysis.findings}


def test_a_shortener_as_an_unvouched_mails_call_to_action_stays_medium() -> None:
    """Tried and dropped in round 11: a self-hosted server's ordinary mail (results written, nothing passing) with
    one short link read as a lure (``bench/probe_weak11.py``). A shortener alone says less than a kit's host."""
    html = "<html><body><a href='https://t.co/AbCdEf123'><img src='https://img.example.net/b.png'></a></body></html>"
    assert [f.severity for f in analyse(_mail(html)).findings if f.rule == "shortener_link"] == ["medium"]


def test_a_shortener_in_signed_mail_or_as_a_newsletters_tracker_stays_medium() -> None:
    html = _one_link("https://bit.ly/3xYz12", "Our winter menu", "Our winter menu is out.")
    assert [f.severity for f in analyse(make_mail(html=html, auth=ALIGNED)).findings
            if f.rule == "shortener_link"] == ["medium"]
    newsletter = _newsletter("https://bit.ly/3xYz1{i}", 6)
    analysis = analyse(_mail(newsletter))
    assert [f.severity for f in analysis.findings if f.rule == "shortener_link"] == ["medium"]
