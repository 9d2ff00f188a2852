"""Round 9 (issue 11 §3, intake faults) — three readings of address fields that were wrong on main:
a display name that lost its own closing quote, a "via" read inside a quoted display name, and an
address written only inside a quoted display name sent as is (not encoded) that was listed as an
address of To, Cc or Reply-To. Each in a mail's header, in a pasted header block and, where it
applies, in an Outlook sender's name. Reserved names only."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.budget import Budget
from bot.analysis.charsets import decode_address_value, quote_phrase
from bot.analysis.headers import analyse_headers, parse_address, parse_addresses, split_via, unquote_phrase
from bot.analysis.mime import Walk
from bot.analysis.models import Limits, Sender
from bot.analysis.outlook import _DISPLAY_TO, _SENDER_NAME, _SENDER_SMTP, _read_message
from bot.analysis.pipeline import analyse
from tests.conftest import make_mail


def encoded(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


# --- 1. a display name keeps its own quotes ---------------------------------------------------------

NAMES = ['say "hi"', '"Amazon"', 'Shop "Support', '"', 'a\\b "c"', 'Doe, "John"']


@pytest.mark.parametrize("name", NAMES)
def test_a_decoded_display_name_round_trips(name: str) -> None:
    # an encoded name is quoted where it needs to be (decode_address_value); the reading removes
    # that quoting and nothing else: a strip('"') had cut the name's own closing quote
    value = f"{encoded(name)} <news@shop.example.com>"
    decoded = decode_address_value(value)
    mailbox = parse_address(decoded)
    assert mailbox is not None and mailbox.display_name == name
    assert [a.display_name for a in parse_addresses(decoded)] == [name]
    listed = f"{value}, {encoded(name)} <hanako@example.jp>"
    report = analyse(make_mail(from_=value, to=listed, headers=[("Reply-To", value)]))
    sender = report.sender
    assert sender.from_addr is not None and sender.from_addr.display_name == name
    assert [a.display_name for a in sender.recipients] == [name, name]
    assert [a.display_name for a in sender.reply_to] == [name]


def test_a_quoted_name_sent_as_is_loses_only_its_delimiting_quotes() -> None:
    for value, name in (('"say \\"hi\\"" <a@example.jp>', 'say "hi"'),
                        ('"\\"Amazon\\"" <a@example.jp>', '"Amazon"'),
                        ('"Shop" Support <a@example.jp>', "Shop Support")):  # as the stdlib reads a phrase
        mailbox = parse_address(value)
        assert mailbox is not None and mailbox.display_name == name, value
        assert [a.display_name for a in parse_addresses(value)] == [name], value
    # the bounded parser (a field nested deeper than real mail, beyond the stdlib's recursion)
    deep = "(" * 20 + ")" * 20 + ' "say \\"hi\\"" <a@example.jp>'
    assert [a.display_name for a in parse_addresses(deep)] == ['say "hi"']


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_quoted_phrase_round_trips(name: str) -> None:
    # what an Outlook sender's name and a decoded word go through: quote_phrase, then the reading
    mailbox = parse_address(f"{quote_phrase(name)} <a@example.jp>")
    assert mailbox is not None and mailbox.address == "a@example.jp"
    if '"' in name or "\\" in name:
        assert mailbox.display_name == (name.strip() or None)
    assert unquote_phrase(quote_phrase(name)) == name.strip()


class _FakeMsg:
    """An Outlook message with no transport headers: the sender and recipients read from its
    properties (recipient rows: (PR_DISPLAY_NAME, PR_SMTP_ADDRESS or None, PR_EMAIL_ADDRESS))."""

    def __init__(self, name: str, display_to: str | None = None,
                 rows: tuple[tuple[str, str | None, str], ...] = ()) -> None:
        self.props = {"": {_SENDER_NAME: name, _SENDER_SMTP: "news@shop.example.com", _DISPLAY_TO: display_to}}
        for n, (row_name, smtp, email) in enumerate(rows):
            self.props[f"__recip_version1.0_#{n:08X}"] = {"3001": row_name, "39FE": smtp, "3003": email}

    def text(self, prop: str, storage: str) -> str | None:
        return self.props.get(storage, {}).get(prop)

    def binary(self, prop: str, storage: str) -> bytes | None:
        return None

    def attachment_storages(self, prefix: str = "") -> list[str]:
        return []

    def recipient_storages(self, prefix: str = "") -> list[str]:
        return sorted(k for k in self.props if k) if not prefix else []


def _msg_sender(msg: _FakeMsg) -> Sender:
    limits = Limits()
    items = _read_message(msg, "", Walk(limits, Budget(limits)), limits)  # type: ignore[arg-type]
    return analyse_headers(items)[0]


def _from(name: str) -> tuple[tuple[str, str | None] | None, str | None]:
    sender = _msg_sender(_FakeMsg(name))
    frm = sender.from_addr
    return (frm.address, frm.display_name) if frm else None, sender.via_domain


def test_an_outlook_sender_s_name_round_trips_and_names_no_via() -> None:
    assert _from('say "hi"') == (("news@shop.example.com", 'say "hi"'), None)
    # a name holding Gmail's "via" text is the name: it names no envelope domain
    assert _from("Shop (brand.example 経由)") == (("news@shop.example.com", "Shop (brand.example 経由)"), None)
    assert _from("Shop via brand.example") == (("news@shop.example.com", "Shop via brand.example"), None)


def test_an_outlook_message_s_recipients_come_from_its_recipient_table() -> None:
    # PR_DISPLAY_TO holds display names only: a name that is an address ("ceo@brand.example", sent
    # as the name of <evil@evil.example>) is no recipient; the table's rows give the addresses
    msg = _FakeMsg("Shop", display_to="ceo@brand.example; 山田 太郎", rows=(
        ("ceo@brand.example", "evil@evil.example", "evil@evil.example"),
        ('say "hi", <x@example.net>', None, "taro.yamada@example.jp"),
        ("Exchange user", None, "/O=EXAMPLE/OU=FIRST/CN=RECIPIENTS/CN=USER"),  # no internet address
        ("hanako@example.jp", None, "hanako@example.jp"),  # a row with no name: Outlook shows the address
    ))
    recipients = _msg_sender(msg).recipients
    assert [(a.address, a.display_name) for a in recipients] == [
        ("evil@evil.example", "ceo@brand.example"), ("taro.yamada@example.jp", 'say "hi", <x@example.net>'),
        ("hanako@example.jp", None)]
    # no row with an internet address: PR_DISPLAY_TO as before
    only_names = _FakeMsg("Shop", display_to="taro.yamada@example.jp", rows=(("Exchange user", None, "/O=EXAMPLE"),))
    assert [a.address for a in _msg_sender(only_names).recipients] == ["taro.yamada@example.jp"]


# --- 2. "via" only outside quoted strings ----------------------------------------------------------

@pytest.mark.parametrize("value", [
    '"Shop (brand.example 経由)" <news@brand.example>',
    '"Shop （brand.example 経由）" <news@brand.example>',
    '"Shop brand.example 経由"',
    '"Shop via brand.example"',
    'news@brand.example "(brand.example 経由)"',  # a quoted tail: no mailer writes it
    '"Shop \\" (brand.example 経由)" <news@brand.example>',  # a quoted pair does not end the quotes
    '"Shop <news@brand.example> (brand.example 経由)',  # a quote never closed
])
def test_a_via_inside_a_quoted_name_is_no_via(value: str) -> None:
    assert split_via(value) == (value, None)


@pytest.mark.parametrize(("value", "rest"), [
    ("news@shop.example.com (ntc-cs.example 経由)", "news@shop.example.com"),
    ('"Shop" <news@shop.example.com> (ntc-cs.example 経由)', '"Shop" <news@shop.example.com>'),
    ('"Shop, Inc." <news@shop.example.com> via ntc-cs.example', '"Shop, Inc." <news@shop.example.com>'),
    ("Shop <news@shop.example.com> ntc-cs.example 経由", "Shop <news@shop.example.com>"),
])
def test_gmail_s_via_after_a_quoted_name_is_still_read(value: str, rest: str) -> None:
    assert split_via(value) == (rest, "ntc-cs.example")


def test_a_quoted_via_names_no_envelope_in_a_mail_or_a_pasted_block() -> None:
    # no Return-Path: the "via" would have become the envelope domain, aligned with the From
    # domain the sender chose, and envelope_mismatch would have stayed silent
    value = '"Support (brand.example 経由)" <support@brand.example>'
    report = analyse(make_mail(from_=value, return_path=None, auth=None))
    assert report.sender.via_domain is None and report.sender.envelope_domain is None
    assert report.sender.from_addr is not None
    assert report.sender.from_addr.display_name == "Support (brand.example 経由)"
    pasted = analyse(f"送信元: {value}\n件名: テスト\n\n本文".encode())
    assert pasted.sender.via_domain is None and pasted.sender.envelope_domain is None
    assert pasted.sender.from_addr is not None
    assert pasted.sender.from_addr.display_name == "Support (brand.example 経由)"
    # Gmail's own line, the name quoted as it may be pasted: still read
    gmail = analyse('送信元: "三井住友カード" <info@example.com> (ntc-cs.example 経由)\n件名: テスト\n\n本文'.encode())
    assert gmail.sender.envelope_domain == "ntc-cs.example"


# --- 3. an address written only inside a quoted name, sent as is ----------------------------------

QUOTED_ONLY = [
    '"ceo@brand.example", <evil@evil.example>',  # a kit's stray comma after its quoted name
    '"ceo@brand.example" , evil@evil.example',
    '"ceo@brand.example" evil@evil.example',
    '<evil@evil.example>, "ceo@brand.example"',
    '"ceo@brand.example", Evil <evil@evil.example>',
]


@pytest.mark.parametrize("value", QUOTED_ONLY)
def test_an_address_only_in_a_quoted_name_is_no_address_of_the_field(value: str) -> None:
    assert [a.address for a in parse_addresses(value)] == ["evil@evil.example"]
    mailbox = parse_address(value)
    assert mailbox is not None and mailbox.address == "evil@evil.example"
    report = analyse(make_mail(from_=value, to=value, headers=[("Reply-To", value), ("Cc", value)]))
    sender = report.sender
    assert sender.from_addr is not None and sender.from_addr.address == "evil@evil.example"
    assert [a.address for a in sender.reply_to] == ["evil@evil.example"]
    assert "ceo@brand.example" not in [a.address for a in sender.recipients]


@pytest.mark.parametrize("value", ['"ceo@brand.example" <>', '"ceo@brand.example" <not an address>'])
def test_an_address_in_a_quoted_name_before_an_empty_addr_is_no_mailbox(value: str) -> None:
    # the quoted string comes before <…>: a display name by the grammar, whatever the <…> holds
    assert parse_addresses(value) == ()
    assert parse_address(value) is None


def test_a_quoted_name_is_no_recipient_for_self_sent_nor_a_free_mail_reply_to() -> None:
    own = "taro.yamada@example.jp"
    report = analyse(make_mail(from_=own, to=f'"{own}", <list@example.net>', return_path="<b@evil.example>"))
    assert [a.address for a in report.sender.recipients] == ["list@example.net"]
    assert "self_sent" not in {f.rule for f in report.findings}
    sent = analyse(make_mail(from_=own, to=f"<{own}>", return_path="<b@evil.example>"))
    assert "self_sent" in {f.rule for f in sent.findings}  # what the name-only one would have raised
    reply = '"shop.help@gmail.com", <support@shop.example.com>'
    report = analyse(make_mail(headers=[("Reply-To", reply)]))
    assert [a.address for a in report.sender.reply_to] == ["support@shop.example.com"]
    assert "freemail_reply_to" not in {f.rule for f in report.findings}


def test_a_pasted_block_reads_quoted_names_as_names() -> None:
    text = ('送信元: Shop <news@shop.example.com>\n宛先: "taro.yamada@example.jp", <list@example.net>\n'
            '返信先: "shop.help@gmail.com", <support@shop.example.com>\n件名: テスト\n\n本文')
    sender = analyse(text.encode()).sender
    assert [a.address for a in sender.recipients] == ["list@example.net"]
    assert [a.address for a in sender.reply_to] == ["support@shop.example.com"]


@pytest.mark.parametrize(("value", "addresses"), [
    ('"a@example.jp"', ["a@example.jp"]),  # written quoted and nothing else: some mailers do
    ('"a@example.jp", "b@example.jp"', ["a@example.jp", "b@example.jp"]),
    ('<"a@example.jp">', ["a@example.jp"]),
    ('"Shop" <"info@shop.example.com">', ["info@shop.example.com"]),
    ('"taro yamada"@example.jp, <b@example.jp>', ['"taro yamada"@example.jp', "b@example.jp"]),
    ('"a@example.jp" <a@example.jp>, "Hanako" <b@example.jp>', ["a@example.jp", "b@example.jp"]),
])
def test_quotes_that_are_the_address_s_own_still_give_the_address(value: str, addresses: list[str]) -> None:
    assert [a.address for a in parse_addresses(value)] == addresses
