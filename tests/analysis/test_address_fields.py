"""Address fields are read as sent, then their encoded words decoded as display names.

A display name sent as an RFC 2047 encoded word may decode to text holding a comma, a colon, an
``@`` or an ``<addr>``. It is one display name: it must never become a second recipient, a group, a
Reply-To address or the sender's address."""

from __future__ import annotations

import base64

from bot.analysis.charsets import decode_address_value, quote_phrase
from bot.analysis.headers import parse_address, parse_addresses
from bot.analysis.pipeline import analyse
from tests.conftest import make_mail


def encoded(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def test_an_encoded_name_with_a_comma_and_an_address_is_one_recipient() -> None:
    to = f"{encoded('Sales, help@example.net')} <taro.yamada@example.jp>, {encoded('山田 花子')} <hanako@example.jp>"
    report = analyse(make_mail(to=to))
    assert [a.address for a in report.sender.recipients] == ["taro.yamada@example.jp", "hanako@example.jp"]
    assert [a.display_name for a in report.sender.recipients] == ["Sales, help@example.net", "山田 花子"]


def test_an_address_in_an_encoded_reply_to_name_is_not_the_reply_address() -> None:
    # a free-mail address only in the name: replies go to the shop's own address
    reply_to = f"{encoded('Support, or shop.help@gmail.com')} <support@shop.example.com>"
    report = analyse(make_mail(headers=[("Reply-To", reply_to)]))
    assert [a.address for a in report.sender.reply_to] == ["support@shop.example.com"]
    assert "freemail_reply_to" not in {f.rule for f in report.findings}


def test_an_encoded_name_with_a_colon_is_not_a_group() -> None:
    report = analyse(make_mail(from_=f"{encoded('Bestelling: 98UJ19')} <news@shop.example.com>"))
    assert report.sender.from_addr is not None
    assert (report.sender.from_addr.address, report.sender.from_addr.display_name) == (
        "news@shop.example.com", "Bestelling: 98UJ19")


def test_an_encoded_brand_address_as_the_name_is_still_only_the_name() -> None:
    report = analyse(make_mail(from_=f"{encoded('security@amazon.co.jp')} <x@evil.example>", auth=None))
    assert report.sender.from_addr is not None
    assert report.sender.from_addr.address == "x@evil.example"
    assert report.sender.from_addr.display_name == "security@amazon.co.jp"


def test_decoded_names_are_quoted_only_where_they_would_change_the_reading() -> None:
    # plain names stay as they were decoded before: nothing to quote
    assert decode_address_value(f"{encoded('三井住友カード')} <info@example.jp>") == "三井住友カード <info@example.jp>"
    assert decode_address_value(f"{encoded('Amazon.co.jp')} <a@example.jp>") == "Amazon.co.jp <a@example.jp>"
    assert decode_address_value(f"{encoded('Doe, John')} <j@example.com>") == '"Doe, John" <j@example.com>'
    # inside a quoted string its quotes are escaped; inside a comment its parentheses
    said = encoded('say "hi", a@b.example')
    inside_quotes = decode_address_value(f'"{said}" <a@example.com>')
    assert inside_quotes == '"say \\"hi\\", a@b.example" <a@example.com>'
    assert parse_address(inside_quotes) is not None
    assert parse_address(inside_quotes).address == "a@example.com"  # type: ignore[union-attr]
    commented = decode_address_value(f"a@example.com ({encoded('x) y@z.example (')})")
    assert [a.address for a in parse_addresses(commented)] == ["a@example.com"]
    # text sent as is keeps the structure it was sent with: two mailboxes stay two
    assert len(parse_addresses(decode_address_value("a <a@example.com>, b <b@example.net>"))) == 2


def test_quote_phrase() -> None:
    assert quote_phrase("Example Shop") == "Example Shop"
    assert quote_phrase("Doe, John") == '"Doe, John"'
    assert quote_phrase('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
    assert parse_address(f"{quote_phrase('Brand <a@brand.example>')} <x@evil.example>") is not None
