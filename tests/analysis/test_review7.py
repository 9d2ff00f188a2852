"""Round 7's review of main (514b570..16d51d5): holes the new exemptions and fixes left open."""

from __future__ import annotations

import json

import pytest

from bot.analysis.headers import parse_address
from bot.analysis.pipeline import analyse
from bot.analysis.safe_text import present_text
from tests.presentation_helpers import to_dict, to_text

# --- an address that starts a name is defanged with the name -------------------------------------


@pytest.mark.parametrize("text", ["see 192.0.2.7.nip.io/login", "192.0.2.7.example.com", "(203.0.113.9.sslip.io)"])
def test_an_address_that_starts_a_host_name_leaves_no_live_name(text: str) -> None:
    # 192.0.2.7.nip.io is a wildcard-DNS host: defanging the address alone left "7.nip.io" live
    shown = present_text(text)
    assert ".nip.io" not in shown and ".example.com" not in shown and ".sslip.io" not in shown
    assert "[.]" in shown


def test_an_address_ending_a_sentence_is_still_defanged() -> None:
    assert present_text("203.0.113.9.") == "203[.]0[.]113[.]9."
    assert present_text("(192.0.2.7), next") == "(192[.]0[.]2[.]7), next"


def test_an_address_after_an_escaped_separator_is_defanged() -> None:
    # a redirector's query (u=http%3A%2F%2F192.0.2.7) had its names defanged but not its address
    assert present_text("u=http%3A%2F%2F192.0.2.7%2Fx") == "u=http%3A%2F%2F192[.]0[.]2[.]7%2Fx"


@pytest.mark.parametrize(("text", "shown"), [
    ("taro@198.51.100.4 said", "t***@198[.]51[.]100[.]4 said"),
    ("x%40192.0.2.7", "x***%40192[.]0[.]2[.]7"),
    ("a***＠203.0.113.5", "a***＠203[.]0[.]113[.]5"),
])
def test_a_masked_address_at_an_ip_is_defanged(text: str, shown: str) -> None:
    # a masked address keeps its form (t***@example.jp), but an address at an IP is a live host
    assert present_text(text) == shown
    assert present_text(shown) == shown
    assert present_text("t***@example.jp") == "t***@example.jp"


def test_a_wildcard_dns_host_in_a_mail_is_shown_defanged() -> None:
    report = analyse(b"Subject: s\nFrom: a@example.jp\n\nlog in at 192.0.2.7.nip.io/login now\n")
    shown = to_text(report, "en") + to_text(report, "ja") + json.dumps(to_dict(report, "en"), ensure_ascii=False)
    assert "7.nip.io" not in shown


# --- an <addr> inside a decoded display name is not the sender -----------------------------------


def test_an_address_in_the_name_before_the_mailbox_is_part_of_the_name() -> None:
    # =?utf-8?q?Brand_<account@brand.example>?= <x7q@evil.example>, decoded before it is parsed
    shown = parse_address("Brand <account@brand.example> <x7q@evil.example>")
    assert shown is not None and shown.address == "x7q@evil.example"
    assert shown.display_name == "Brand <account@brand.example>"
    # a list, with its comma, keeps its first mailbox
    listed = parse_address("a <x@example.com>, b <z@example.net>")
    assert listed is not None and listed.address == "x@example.com"
    grouped = parse_address("a <x@example.com>; b <z@example.net>")
    assert grouped is not None and grouped.address == "x@example.com"


def test_an_encoded_name_holding_an_address_does_not_become_the_sender() -> None:
    mail = (b"From: =?utf-8?q?Brand_<account@brand.example>?= <x7q@evil.example>\n"
            b"To: t@example.jp\nSubject: s\n\nbody\n")
    report = analyse(mail)
    assert report.sender.from_addr is not None and report.sender.from_addr.address == "x7q@evil.example"


# --- a dropper named like a build is still a dropper ----------------------------------------------


@pytest.mark.parametrize("url", [
    "https://files.example.com/download/Invoice_8841.min.js",  # ".min.js" is a name anyone gives
    "https://files.example.com/Rechnung-2024.12.03.js",  # a date is no release number
    "https://files.example.com/2024.12/invoice.js",
])
def test_a_dropper_named_like_a_build_is_malware(url: str) -> None:
    assert analyse(url.encode()).verdict == "malware"


@pytest.mark.parametrize("url", [
    "https://cdn.example.net/npm/react@18/umd/react.production.min.js",
    "https://cdn.example.com/ajax/libs/jquery/3.7.1/jquery.min.js",
    "https://cdn.example.com/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js",
])
def test_a_versioned_library_build_stays_no_signs(url: str) -> None:
    assert analyse(url.encode()).verdict == "no_signs"
