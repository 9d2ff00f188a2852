"""Round 8 attacker's review of the address decoding (ee4a6e4) and of output safety: each case
here was read wrongly, leaked or stalled on main before its fix. Reserved names only."""

from __future__ import annotations

import pytest

from bot.analysis.charsets import decode_address_value
from bot.analysis.headers import parse_address, parse_addresses
from bot.analysis.pipeline import analyse
from tests.conftest import make_mail

BRAND = "=?utf-8?q?=22,_<ceo@brand.example>,_?="  # decodes to: ", <ceo@brand.example>, "


# --- a backslash sent just before an encoded word -------------------------------------------------


@pytest.mark.parametrize("value", [
    # inside a quoted string: the sent backslash escaped the first backslash of the escaped '"'
    f'"Shop \\{BRAND} " <evil@evil.example>',
    # inside a comment: the same with an escaped ')'
    "(Shop \\=?utf-8?q?=29_<ceo@brand.example>,?=) <evil@evil.example>",
])
def test_a_backslash_before_an_encoded_word_does_not_unquote_its_text(value: str) -> None:
    decoded = decode_address_value(value)
    assert [a.address for a in parse_addresses(decoded)] == ["evil@evil.example"]
    mailbox = parse_address(decoded)
    assert mailbox is not None and mailbox.address == "evil@evil.example"
    for field in ("From", "Reply-To", "To"):
        report = analyse(make_mail(headers=[(field, value)]) if field != "From" else make_mail(from_=value))
        sender = report.sender
        read = {"From": [sender.from_addr.address] if sender.from_addr else [],
                "Reply-To": [a.address for a in sender.reply_to],
                "To": [a.address for a in sender.recipients]}[field]
        assert "ceo@brand.example" not in read, (field, read)


# --- a line break decoded from an encoded word ------------------------------------------------------


@pytest.mark.parametrize("value", [
    "=?utf-8?q?Shop=0D,_<ceo@brand.example>,?= <evil@evil.example>",
    '"=?utf-8?q?Shop=0D,_<ceo@brand.example>,?=" <evil@evil.example>',
    "(=?utf-8?q?Shop=0D_<ceo@brand.example>,?=) <evil@evil.example>",
    "=?utf-8?q?Shop=0A,_<ceo@brand.example>,?= <evil@evil.example>",
])
def test_a_decoded_carriage_return_does_not_end_the_quoted_name(value: str) -> None:
    # the stdlib list parser ends a quoted string and a comment at a bare CR
    decoded = decode_address_value(value)
    assert "\r" not in decoded and "\n" not in decoded
    assert [a.address for a in parse_addresses(decoded)] == ["evil@evil.example"]
    report = analyse(make_mail(from_=value))
    assert report.sender.from_addr is not None
    assert report.sender.from_addr.address == "evil@evil.example"


# --- a quoted display name that no <addr> follows ----------------------------------------------------

NAME = "=?utf-8?q?Amazon_=3Cceo=40brand=2Eexample=3E?="  # decodes to: Amazon <ceo@brand.example>


@pytest.mark.parametrize("tail", [", <evil@evil.example>", "; <evil@evil.example>", "> <evil@evil.example>",
                                  "] <evil@evil.example>", " evil@evil.example", " <>, evil@evil.example", ""])
def test_an_address_inside_a_quoted_name_is_never_a_mailbox(tail: str) -> None:
    # the decoded name arrives quoted ("Amazon <ceo@brand.example>"): whatever raw text follows
    # it, the address inside the quotes is part of the name, not the sender nor a recipient
    value = NAME + tail
    decoded = decode_address_value(value)
    assert decoded.startswith('"Amazon <ceo')  # quoted (its @ full-width where no <addr> follows it)
    assert "ceo@brand.example" not in [a.address for a in parse_addresses(decoded)]
    mailbox = parse_address(decoded)
    assert mailbox is None or mailbox.address == "evil@evil.example"
    report = analyse(make_mail(from_=value, headers=[("Reply-To", value)], to=value))
    sender = report.sender
    assert sender.from_addr is None or sender.from_addr.address == "evil@evil.example"
    assert "ceo@brand.example" not in [a.address for a in (*sender.reply_to, *sender.recipients)]


def test_a_quoted_local_part_is_still_an_address() -> None:
    # what the guard above must keep: quotes that are the address's own
    assert [a.address for a in parse_addresses('"Shop" <"info@shop.example.com">')] == ["info@shop.example.com"]
    assert [a.address for a in parse_addresses('"taro yamada"@example.jp')] == ['"taro yamada"@example.jp']
    assert [a.address for a in parse_addresses('"info@shop.example.com" <info@shop.example.com>')] == [
        "info@shop.example.com"]
    # an address written quoted, a comment after it: the quoted one is the mailbox, not the comment's
    mailbox = parse_address('"info@shop.example.com"  (<noreply@brand.example>)')
    assert mailbox is not None and mailbox.address == "info@shop.example.com"
    # a kit's stray comma after its quoted name (sent as is): the name is still read as the name
    kit = parse_address('"Amazon <ceo@brand.example>", <evil@evil.example>')
    assert kit is not None and (kit.address, kit.display_name) == ("evil@evil.example", "Amazon <ceo@brand.example>")
    assert [a.address for a in parse_addresses('"Amazon <ceo@brand.example>", <evil@evil.example>')] == [
        "evil@evil.example"]


@pytest.mark.parametrize("opener", ["(", '"', "(x (y) "])
def test_a_quote_or_comment_never_closed_does_not_free_the_words_text(opener: str) -> None:
    # the parsers read on past an unclosed "(" (ours drop it as a character): the word's text,
    # escaped for a comment, would be read as a list of mailboxes
    value = opener + "=?utf-8?q?Amazon_<ceo=40brand.example>,?= <evil@evil.example>"
    decoded = decode_address_value(value)
    assert "ceo@brand.example" not in [a.address for a in parse_addresses(decoded)]
    mailbox = parse_address(decoded)
    assert mailbox is not None and mailbox.address == "evil@evil.example"
    assert "Amazon" in (mailbox.display_name or "")


def test_a_quote_inside_a_comment_opens_no_quoted_name() -> None:
    # a '"' in a comment is a character of the comment: the address after it is still the mailbox
    value = "(=?utf-8?q?x_<ceo=40brand.example>?==?utf-8?q?=22=5Dxx?=) <evil@evil.example>"
    decoded = decode_address_value(value)
    assert [a.address for a in parse_addresses(decoded)] == ["evil@evil.example"]
    mailbox = parse_address(decoded)
    assert mailbox is not None and mailbox.address == "evil@evil.example"


@pytest.mark.parametrize("value", [
    "=?utf-8?q?ceo=40brand.example?=, <evil@evil.example>",  # a kit's stray comma after the name
    "=?utf-8?q?ceo=40brand.example?=",  # a name and no address at all
    "=?utf-8?q?ceo=40brand.example?= evil@evil.example",
])
def test_an_encoded_address_with_no_addr_after_it_is_no_mailbox(value: str) -> None:
    # an encoded word is a display name (RFC 2047 never encodes an addr-spec): the address in it
    # is no sender and no second recipient or Reply-To, even where no <addr> follows it
    decoded = decode_address_value(value)
    assert "ceo@brand.example" not in [a.address for a in parse_addresses(decoded)]
    mailbox = parse_address(decoded)
    assert mailbox is None or mailbox.address == "evil@evil.example"
    report = analyse(make_mail(from_=value, headers=[("Reply-To", value)]))
    assert report.sender.from_addr is None or report.sender.from_addr.address == "evil@evil.example"
    assert "ceo@brand.example" not in [a.address for a in report.sender.reply_to]


def test_an_encoded_address_before_its_addr_is_still_shown_as_the_name() -> None:
    for value in ("=?utf-8?q?ceo=40brand.example?= <evil@evil.example>",
                  "=?utf-8?q?ceo=40brand.example?= (via) <evil@evil.example>"):
        mailbox = parse_address(decode_address_value(value))
        assert mailbox is not None and mailbox.address == "evil@evil.example"
        assert (mailbox.display_name or "").startswith("ceo@brand.example")


@pytest.mark.parametrize("value", [  # found by a fuzzer over well-formed fields
    '(\\))=?shift_jis?b?DTuOUpNjeJVc?==?UTF-8?B?OiI=?="\\"(山田=?shift_jis?b?O10iO3hjZW9AYnJhbmQuZXhhbXBsZQ==?="(bb'
    '=?UTF-8?B?Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6XCgs?==?ISO-2022-JP?B?IDxjZW9AYnJhbmQuZXhhbXBsZT49Pzsi?=) <evil@evil.example>',
    '"\\"=?ISO-2022-JP?B?GyRCOzNFRDszRUQ7M0VEGyhCLF0=?=("\r\n ()\r\n (=?utf-8?q?=3F=3D=E8=A1=A8=20=3Cceo=40brand=2Eexample'
    '=3E=22?=a,)\r\n =?utf-8?q?=2C=22=22=3F=3Dceo=40brand=2Eexample=3B?= <evil@evil.example>',
    '",\\x)" (\\() =?ISO-2022-JP?B?IDsgPGNlb0BicmFuZC5leGFtcGxlPiA8Y2VvQGJyYW5kLmV4YW1wbGU+LA==?= =?UTF-8?B?PiA8Y2VvQGJyYW5kLm'
    'V4YW1wbGU+eA==?= "=?ISO-2022-JP?B?Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6ICld?=山田=?shift_jis?b?Oz0/Y2VvQGJyYW5kLmV4YW1wbGUsWw==?=" '
    '<evil@evil.example>',
])
def test_the_bounded_parser_reads_quoted_pairs(value: str) -> None:
    # an escaped "(", ")" or '"' (a quoted pair) opens and closes nothing: the nesting count that
    # chooses the parser and the bounded parser's comment removal had read them as structure
    decoded = decode_address_value(value)
    assert [a.address for a in parse_addresses(decoded)] == ["evil@evil.example"]
    mailbox = parse_address(decoded)
    assert mailbox is not None and mailbox.address == "evil@evil.example"
