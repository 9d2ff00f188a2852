"""A display name's one- or two-letter word names no brand by its look (round 8): "ID" folds to the same
skeleton as the bank name "LCL" ("cl" looks like "d"), so "サンプルID" from its own domain read as BNP Paribas /
LCL impersonated. A three-letter look-alike still counts. Reserved names only."""

from __future__ import annotations

from bot.analysis.brands import TextIndex, brands_named_in
from bot.analysis.pipeline import analyse


def test_a_two_letter_word_names_no_brand_by_look() -> None:
    assert "bnp" not in brands_named_in(TextIndex("example id"))
    assert "bnp" in brands_named_in(TextIndex("lcl"))


def test_a_services_own_id_sign_in_alert_is_not_a_brand_in_the_display_name() -> None:
    auth = "mx.example.jp; spf=pass smtp.mailfrom=example.jp; dkim=pass header.d=example.jp; dmarc=pass header.from=example.jp"
    data = (f"Authentication-Results: {auth}\nFrom: Example ID <info@account.example.jp>\nTo: taro.yamada@example.jp\n"
            "Subject: New sign-in\nMessage-ID: <r8@example.jp>\n\nA new sign-in to your account from Chrome on "
            "Windows. If this was you, no action is needed.\n").encode()
    report = analyse(data)
    assert "display_name_brand" not in {f.rule for f in report.findings}
    assert report.verdict == "no_signs"
