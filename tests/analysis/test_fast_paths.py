"""The reading paths written for speed (issue 11) read what the stdlib reads: checked against it on
generated input (hypothesis) and on the awkward cases by hand."""

from __future__ import annotations

import email.header
import email.parser
import email.policy
import email.utils
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.brands import _NEEDS_TABLE, _NORMALISE_TABLE, squeeze
from bot.analysis.charsets import _encoded_words, decode_bytes, decode_header_value, unfold
from bot.analysis.headers import _SIMPLE_LIST, _simple_pairs
from bot.analysis.mime import header_block
from bot.analysis.pipeline import without_addresses

STDLIB_HEADERS = email.parser.BytesHeaderParser(policy=email.policy.compat32)
LINE_PARTS = st.sampled_from([
    "From: a@example.com", "Subject: hello", "Subject: =?UTF-8?B?44GC?=", " folded", "\tfolded", "X-Odd:", ":no name",
    "From someone else", "no colon here", "To: \"Doe, J\" <j@example.com>", "Received: from x\n\tby y", "",
    "Content-Type: text/plain;\n charset=utf-8", "X-8bit: caf\xe9", "Sub ject: space",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_PARTS, max_size=12))
def test_header_block_reads_what_the_stdlib_header_parser_reads(lines: list[str]) -> None:
    head = ("\n".join(lines) + "\n").encode("latin-1")
    assert list(header_block(head).raw_items()) == list(STDLIB_HEADERS.parsebytes(head + b"\n").raw_items())


WORDS = st.sampled_from([
    "=?UTF-8?B?44GC44GE?=", "=?utf-8?q?caf=C3=A9_au_lait?=", "=?ISO-2022-JP?B?GyRCJCIbKEI=?=", " ", "  ", "plain",
    "=?UTF-8?B?44?=", "=?UTF-8?B?GC?=", "=?bogus?Q?x?=", "\n ", "=?UTF-8?Q?a b?=", "=?", "?=",
])


def _stdlib(raw: str) -> list[tuple[bytes, str | None]]:
    return [(b if isinstance(b, bytes) else b.encode("raw-unicode-escape"), c) for b, c in email.header.decode_header(raw)]


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=8))
def test_encoded_words_are_the_stdlib_s(parts: list[str]) -> None:
    raw = "".join(parts)
    if "=?" not in raw:
        return
    mine = _encoded_words(raw)
    try:
        theirs = _stdlib(raw)
    except email.errors.HeaderParseError:
        assert mine is None
        return
    assert mine is not None

    def text(runs: list[tuple[bytes, str | None]]) -> str:
        # the stdlib keeps a "*language" suffix on the charset (and so splits a run there); we drop it
        return "".join(decode_bytes(b, c.partition("*")[0] if c else None)[0] for b, c in runs)

    assert text(mine) == text(theirs)


def test_header_decoding_of_the_awkward_cases() -> None:
    assert decode_header_value("=?UTF-8?B?44GC?= =?UTF-8?B?44GE?=") == "あい"
    # one character split across two words (a long subject, wrapped by the mailer)
    utf8 = "あ".encode()
    import base64
    split = f"=?UTF-8?B?{base64.b64encode(utf8[:2]).decode()}?=\n =?UTF-8?B?{base64.b64encode(utf8[2:]).decode()}?="
    assert decode_header_value(split) == "あ"
    assert decode_header_value("=?utf-8*ja?B?44GC?=") == "あ"  # a language after the charset (RFC 2231)
    assert decode_header_value('"=?ASCII?Q?_ _?=" AAA') == '"   " AAA'  # spaces inside a word, as spammers write
    assert unfold("a\n\tb\n c") == "a b c" and unfold("x\r\n y") == "x y"


ADDRESS_PARTS = st.sampled_from([
    "a@example.com", "Jane Doe <jane@example.com>", "  x@example.org ", "Name  With   Spaces <n@example.net>",
    "<only@example.com>", "Bob<bob@example.com>", "caf\xe9 <c@example.com>", "mailing list list@example.com",
    "n\xa0m <n@example.com>", "",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(ADDRESS_PARTS, min_size=1, max_size=5))
def test_plain_address_lists_read_as_the_stdlib_reads_them(parts: list[str]) -> None:
    value = ", ".join(parts)
    if not _SIMPLE_LIST.fullmatch(value):
        return
    mine = _simple_pairs(value)
    if mine is None:
        return  # left to the stdlib
    theirs = [(n, a) for n, a in email.utils.getaddresses([value]) if n or a]
    assert [(n, a.strip()) for n, a in mine] == [(n, a) for n, a in theirs]


_ADDRESS_TEXT = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab.@-_%+ xy1\n", max_size=80))
def test_address_free_text_is_what_the_pattern_gives(text: str) -> None:
    assert without_addresses(text) == _ADDRESS_TEXT.sub(" ", text)


def test_every_character_the_normalising_table_changes_is_looked_for() -> None:
    assert all(_NEEDS_TABLE.match(chr(c)) for c in _NORMALISE_TABLE)


def test_squeeze_reads_every_unicode_space_and_underscores_as_one_space() -> None:
    assert squeeze("a\u3000\u00a0b\t\n c__d") == "a b c d"
