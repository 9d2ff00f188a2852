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


# --- issue 11, fourth round: each fast path against the plain form it replaced ------------------

URL_PARTS = st.sampled_from([
    "http", "https", "HTTPS", "ftp", "Ftp", "://", ":/", "x", "a.example", ".", "/", " ", "\u00e9", "_", "-", "@",
    "[", "]", "1", "s", "www", "WwW", "w", ".jp", "?q=1", "\n", "(", ")",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(URL_PARTS, max_size=16))
def test_links_in_text_are_found_where_finditer_finds_them(parts: list[str]) -> None:
    from bot.analysis.links import _URL, _WWW, _url_matches, _www_matches

    text = "".join(parts)
    assert [m.span() for m in _url_matches(text)] == [m.span() for m in _URL.finditer(text)]
    assert [m.span() for m in _www_matches(text)] == [m.span() for m in _WWW.finditer(text)]


# refang's hint as it was written before its branches were split per first character
_HINT_AS_WRITTEN = re.compile(
    r"[\[({<] ?(?:\.|[dD][oO][tT]|:|@|[aA][tT])|[hH](?:[xX][xX]|\*\*|__|[xX][tT]|[tT][xX])[pP]|meow|\[\s\.\s\]"
)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="[](){}<>.:@dotDOTaAtThHxX*_pPmeow \t\n", max_size=14))
def test_the_defang_hint_finds_what_it_found_as_written(text: str) -> None:
    from bot.analysis.links import _DEFANG_HINT

    mine, theirs = _DEFANG_HINT.search(text), _HINT_AS_WRITTEN.search(text)
    assert (mine and mine.start()) == (theirs and theirs.start())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t\r\n:", max_size=30))
def test_unfolding_is_the_one_pattern_s(value: str) -> None:
    assert unfold(value) == (re.sub(r"\r?\n[ \t]+", " ", value) if "\n" in value else value).strip()


def _cap_by_lines(head: bytes, cap: int) -> bytes:
    """Every field cut at ``cap``, line by line (what mime._cap_fields does past its quick check)."""
    out: list[bytes] = []
    size = 0
    for line in head.split(b"\n"):
        if not (line[:1] in (b" ", b"\t") and out):
            size = 0
        room = cap - size
        kept = line if len(line) <= room else line[:max(room, 0)]
        if len(line) > room and room <= 0:
            continue
        size += len(kept) + 1
        out.append(kept)
    return b"\n".join(out)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["A: b", "Subject: xxxxxxxx", " cont", "\tcont", "", "From x", "yyyyyyyyyyyy"]),
                max_size=10), st.integers(min_value=1, max_value=40))
def test_the_field_cap_cuts_what_the_line_walk_cuts(lines: list[str], cap: int) -> None:
    from bot.analysis.budget import Budget
    from bot.analysis.mime import Walk, _cap_fields
    from bot.analysis.models import Limits

    head = "\n".join(lines).encode()
    limits = Limits(max_header_bytes=cap)
    assert _cap_fields(head, Walk(limits, Budget(limits))) == _cap_by_lines(head, cap)


def test_look_alike_letters_and_accents_are_all_non_ascii() -> None:
    # fold_text skips its two scans on an ASCII text: that holds while none of them is ASCII
    from bot.analysis.domains import _HAS_ACCENT, _TEXT_CONFUSABLE, ACCENT_TABLE

    assert not any(c.isascii() for c in _TEXT_CONFUSABLE)
    assert not any(chr(c).isascii() for c in ACCENT_TABLE)
    assert not any(_HAS_ACCENT.search(chr(c)) for c in range(128))
