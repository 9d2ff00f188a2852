"""Genuine brand mail is never flagged (issue 11): order confirmations, shipping notices, sign-in
alerts, receipts and a subscribed newsletter, built in the brands' real formats
(``tests/fixtures/brand_mail/make.py``: DKIM-aligned, multipart HTML with preheaders, tracking
links, ISO-2022-JP, base64). Each also has a forged twin — the same mail sent from a look-alike
domain, or failing DMARC — which must be flagged: the verdict rests on who sent it, not on the
wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.analysis.pipeline import analyse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "brand_mail"
EXPECTED = {
    "amazon_jp_order": "amazon", "amazon_jp_shipped": "amazon", "amazon_jp_refund": "amazon", "yamato_delivery": "yamato",
    "rakuten_order": "rakuten", "smbc_card_usage": "smbc-card", "google_sign_in": "google",
    "microsoft_unusual_sign_in": "microsoft", "apple_sign_in": "apple", "paypal_receipt": "paypal",
    "netflix_new_device": "netflix", "uniqlo_newsletter": "uniqlo", "mercari_login": "mercari",
}


def test_every_fixture_is_listed() -> None:
    assert {p.stem for p in FIXTURES.glob("*.eml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_genuine_brand_mail_is_never_flagged(name: str) -> None:
    report = analyse((FIXTURES / f"{name}.eml").read_bytes())
    assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]
    assert report.brand is not None and report.brand.id == EXPECTED[name]
    assert report.brand_official
    assert report.readable
    assert report.links or name in ("yamato_delivery", "smbc_card_usage", "mercari_login")


def _forged(data: bytes, from_domain: str) -> bytes:
    """The same mail from a look-alike: From and envelope at ``from_domain``, DMARC failing there."""
    head, sep, body = data.partition(b"\n\n")
    text = head.decode("ascii")
    text = re.sub(r"(?m)^From: (.*)<[^@>]+@[^>]+>", lambda m: f"From: {m.group(1)}<info@{from_domain}>", text)
    text = re.sub(r"(?m)^Return-Path: <[^>]+>", f"Return-Path: <bounce@{from_domain}>", text)
    text = re.sub(r"dkim=pass header\.d=[^ ;]+", f"dkim=pass header.d={from_domain}", text)
    text = re.sub(r"smtp\.mailfrom=[^ ;\n]+", f"smtp.mailfrom={from_domain}", text)
    text = re.sub(r"dmarc=pass \([^)]*\) header\.from=[^ ;\n]+", f"dmarc=pass header.from={from_domain}", text)
    return text.encode("ascii") + sep + body


@pytest.mark.parametrize("name", ["amazon_jp_order", "amazon_jp_refund", "google_sign_in", "smbc_card_usage",
                                  "paypal_receipt", "mercari_login"])
def test_the_same_mail_from_a_look_alike_is_flagged(name: str) -> None:
    data = (FIXTURES / f"{name}.eml").read_bytes()
    brand = EXPECTED[name]
    report = analyse(_forged(data, f"{brand}-account-secure.example.com"))
    assert report.verdict in ("phishing", "suspicious"), report.findings
    assert not report.brand_official
    assert report.brand is not None and report.brand.id == brand


def test_the_same_mail_failing_dmarc_at_the_brand_s_own_domain_is_flagged() -> None:
    data = (FIXTURES / "amazon_jp_order.eml").read_bytes()
    spoofed = data.replace(b"dmarc=pass (p=REJECT sp=REJECT dis=NONE)", b"dmarc=fail (p=REJECT sp=REJECT dis=NONE)")
    spoofed = re.sub(rb"dkim=pass header\.d=amazon\.co\.jp", b"dkim=fail header.d=amazon.co.jp", spoofed)
    report = analyse(spoofed)
    assert not report.brand_official
    assert report.verdict != "no_signs" and "dmarc_fail" in {f.rule for f in report.findings}
