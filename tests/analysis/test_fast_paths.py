"""The reading paths written for speed (issue 11) read what the stdlib reads: checked against it on
generated input (hypothesis) and on the awkward cases by hand."""

from __future__ import annotations

import email.header
import email.parser
import email.policy
import email.utils
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.brands import _NEEDS_TABLE, _NORMALISE_TABLE, TextIndex, squeeze
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


# --- issue 11, sixth round (speed6): each fast path against the plain form it replaced -----------

HOST_PARTS = st.sampled_from([
    "amazon", "amaz", "paypay", "pay", "jcb", "-", ".", "co", "jp", "x7q", "rakuten", "card", "apple", "e", "a",
    "mufg", "smbc", "aeon", "login", "0", "1", "cn", "www", "nomura-securities", "jc", "b", "\u00e9",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(HOST_PARTS, max_size=10))
def test_the_token_index_finds_what_the_loop_over_every_token_finds(parts: list[str]) -> None:
    from bot.analysis.brands import catalogue, tokens_in

    host = "".join(parts)
    assert tokens_in(host) == [(t, b) for t, b in catalogue().tokens if t in host]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["ab", "abc", "b", "bc", "c", "a", "cab", "x"]), max_size=8))
def test_the_token_index_keeps_order_duplicates_and_one_letter_tokens(parts: list[str]) -> None:
    from bot.analysis.brands import TokenIndex

    # longest first as the catalogue sorts them; a token twice (two brands); one-letter tokens
    tokens = (("cab", "1"), ("abc", "2"), ("abc", "3"), ("ab", "4"), ("bc", "5"), ("a", "6"), ("c", "7"))
    text = "".join(parts)
    assert [tokens[i] for i in TokenIndex(tokens).positions(text)] == [(t, b) for t, b in tokens if t in text]


def test_the_rules_token_lists_are_the_catalogue_s_filtered() -> None:
    from bot.analysis.brands import catalogue
    from bot.analysis.rules import _VOWELS, _three_letter_names, _tokens_in_any

    cat = catalogue()
    assert _three_letter_names() == tuple(
        (t, b) for t, b in cat.tokens if len(t) == 3 and not _VOWELS.intersection(t) and t not in cat.bare_ordinary)
    joined = ["paypaylogin", "x7qjcbcard", "amazonco", ""]
    assert _tokens_in_any(joined) == [(t, b) for t, b in cat.tokens if any(t in j for j in joined)]
    assert _tokens_in_any([]) == []


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="0123456789.:abcdefABCDEF%[]xg \u0660\uff11", max_size=24))
def test_may_be_ip_says_no_only_where_the_parser_says_no(text: str) -> None:
    import ipaddress

    from bot.analysis.domains import is_ip, may_be_ip

    try:
        ipaddress.ip_address(text)
        parsed = True
    except ValueError:
        parsed = False
    assert may_be_ip(text) or not parsed
    try:
        ipaddress.ip_address(text.strip("[]"))
        plain = True
    except ValueError:
        plain = False
    assert is_ip(text) == plain


def test_may_be_ip_on_the_awkward_addresses() -> None:
    from bot.analysis.domains import is_ip, may_be_ip

    for address in ("192.0.2.1", "[2001:db8::1]", "::1", "fe80::1%eth0", "::ffff:192.0.2.1", "0.0.0.0"):
        assert is_ip(address), address
    for text in ("", ".", "192.0.2", "192.0.2.1.", "example.com", "192.0.2.1a", "\u0661.2.3.4", "1.2.3.256"):
        assert not is_ip(text), text
    assert not may_be_ip("example.com") and not may_be_ip("") and may_be_ip("1.2.3.256")


def test_the_cli_reads_a_file_as_reading_the_cap_plus_one_did(tmp_path: Path) -> None:
    import os
    import threading

    from bot.cli._common import read_input

    limit = 100
    for size in (0, 1, 50, limit - 1, limit, limit + 1, limit + 40):
        path = tmp_path / f"m{size}.eml"
        data = os.urandom(size)
        path.write_bytes(data)
        assert read_input(str(path), limit) == data[: limit + 1], size
    # a pipe has no size: what comes is read up to the cap plus one, as before
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    payload = b"x" * (limit + 30)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(payload)

    writer = threading.Thread(target=write)
    writer.start()
    assert read_input(str(fifo), limit) == payload[: limit + 1]
    writer.join()


def test_plain_text_is_what_the_control_table_leaves_it_for_every_code_point() -> None:
    from bot.analysis.privacy import _MULTILINE, _ONE_LINE, clean_controls

    for code in range(0x110000):
        char = chr(code)
        assert clean_controls(char) == char.translate(_ONE_LINE), hex(code)
        assert clean_controls(char, True) == char.translate(_MULTILINE), hex(code)
    # the check holds for the whole string, not one character: one control anywhere is cleaned
    assert clean_controls("plain text\x1b[31m red") == "plain text\u241b[31m red"
    assert clean_controls("日本語\ufe0f") == "日本語" and clean_controls("日本語") == "日本語"


AT_PARTS = st.sampled_from([
    "a", "b.c", "@", "%40", "%2540", "%252540", "\uff20", "%", "example", ".jp", "-", " ", "\n", "x" * 63, "y" * 70,
    "z." * 12, "/", "=", "%4", "0", "%25", "あ",
])


@settings(max_examples=800, deadline=None)
@given(st.lists(AT_PARTS, max_size=40))
def test_addresses_are_found_where_the_pattern_finds_them(parts: list[str]) -> None:
    from bot.analysis.privacy import _ADDRESS, _mask_keyed, address_matches, mask_text

    text = "".join(parts)
    assert [m.span() for m in address_matches(text)] == [m.span() for m in _ADDRESS.finditer(text)]
    assert mask_text(text) == _ADDRESS.sub(lambda m: _mask_keyed(m.group(0)), text)


def test_addresses_far_apart_in_a_long_text_and_at_the_window_s_edge() -> None:
    from bot.analysis.privacy import _ADDRESS, _ADDRESS_READS, address_matches

    labels = ".".join(["l" * 63] * 9)  # the longest domain the pattern reads
    texts = [
        "x" * 5000 + "a@example.com" + " " * 3000 + "b%40example.jp",
        "%" * 2000 + "c@" + labels,
        "a" * 64 + "%" + "b" * (_ADDRESS_READS + 64) + "@example.com",
        "p" * 100 + "@" + "q" * 200 + "@" + labels + "@x",
        "%40" * 500,
    ]
    for text in texts:
        assert [m.span() for m in address_matches(text)] == [m.span() for m in _ADDRESS.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="abz09 '\u2019\x01AZ-_.\u00e9\u65e5\n?", max_size=40))
def test_a_text_s_word_set_is_what_the_word_pattern_finds(text: str) -> None:
    from bot.analysis.brands import _WORD, word_set

    assert word_set(text) == frozenset(_WORD.findall(text))


LOWER_WORDS = ("<form", "<input", "http-equiv", "frame", "onclick", "<img", "data:image", "download", "k", "i", "ki")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="<formINPUTkKiI\u212a\u0130\u0307\u00df\u65e5\u00e9?:-", max_size=30))
def test_the_ascii_lowered_page_holds_the_words_the_lowered_page_holds(text: str) -> None:
    from bot.analysis.links import ascii_lowered

    for word in LOWER_WORDS:
        assert ascii_lowered(text).count(word) == text.lower().count(word), word


def test_only_two_characters_lower_to_ascii() -> None:
    # ascii_lowered writes these two out first; every other non-ASCII character stays non-ASCII lowered
    assert [c for c in range(0x80, 0x110000) if any(ord(x) < 0x80 for x in chr(c).lower())] == [0x130, 0x212A]


def _count_phrases_as_written(index: TextIndex, phrases: tuple[str, ...]) -> list[str]:
    from bot.analysis.brands import _phrase_parts

    hits: set[str] = set()
    for phrase in phrases:
        words, compact = _phrase_parts(phrase)
        if words:
            if words <= index.words and phrase in index.text:
                hits.add(phrase)
        elif compact in index.compact:
            hits.add(phrase)
    return [p for p in phrases if p in hits]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["verify", "your", "account", "アカウント", "確認", "please", "now", " ", "\n",
                                 "your account", "限定", "prize"]), max_size=12))
def test_phrase_counting_finds_each_phrase_the_plain_search_finds(parts: list[str]) -> None:
    from bot.analysis.brands import TextIndex, catalogue

    index = TextIndex(" ".join(parts))
    for table in list(catalogue().phrases.values())[:6]:
        for phrases in (table.strong, table.weak):
            assert index.count_phrases(phrases) == _count_phrases_as_written(index, phrases)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["to", "cc", "delivered-to", "x-original-to", "envelope-to",
                                            "x-delivered-to", "from", "subject"]),
                          st.sampled_from(["a@example.com", "b@example.jp", "C <c@example.net>", "d@example.com, e@example.com"])),
                max_size=10))
def test_recipients_come_in_the_order_six_passes_gave(headers: list[tuple[str, str]]) -> None:
    from bot.analysis.headers import _unique_addresses, analyse_headers, parse_addresses
    from bot.analysis.models import Address

    expected: list[Address] = []
    for name in ("to", "cc", "delivered-to", "x-original-to", "envelope-to", "x-delivered-to"):
        for key, value in headers:
            if key == name:
                expected.extend(parse_addresses(value))
    sender, _ = analyse_headers(tuple(headers))
    assert sender.recipients == tuple(_unique_addresses(expected))


def test_a_piece_with_any_unicode_space_is_left_to_the_stdlib() -> None:
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    for space in spaces:
        assert _simple_pairs(f"x{space}y@example.com") is None, hex(ord(space))
    assert _simple_pairs("y@example.com") == [("", "y@example.com")]


def _looks_like_header_block_line_by_line(head: bytes) -> bool:
    """intake.looks_like_header_block as written before its field lines were found by a pattern."""
    from bot.analysis import intake
    from bot.analysis.mime import FIELD_NAME

    fields = known = bad = plain = 0
    for line in head.split(b"\n"):
        if not line or line[:1] in (b" ", b"\t"):
            continue
        if fields + bad >= intake.MAX_FIELDS_LOOKED_AT:
            break
        if intake._HEADER_LINE.match(line) is None:
            bad += 1
            continue
        fields += 1
        name = line[: line.index(b":")].strip().lower()
        known += name in intake._KNOWN_HEADERS
        plain += FIELD_NAME.fullmatch(name) is not None
    if fields == 0 or not intake._HEADER_LINE.match(head.lstrip(b"\n")):
        return False
    if known >= 2 or (known >= 1 and fields >= 3) or (fields >= 10 and bad == 0 and plain == fields):
        return bad <= max(1, fields // 10)
    return False


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["From: a@example.com", "To: b", "Subject: x", " cont", "\tcont", "", "junk line",
                                 "X-A: 1", "\r", "Received: from", "a:b", "http://x", "\n"]), max_size=30),
       st.integers(min_value=0, max_value=230))
def test_a_header_block_is_judged_as_line_by_line(lines: list[str], padding: int) -> None:
    from bot.analysis.intake import looks_like_header_block

    head = "\n".join(lines).encode()
    assert looks_like_header_block(head) == _looks_like_header_block_line_by_line(head)
    many = b"X-Pad: 1\n" * padding + b" folded\n" * padding + head  # past the 200 fields looked at
    assert looks_like_header_block(many) == _looks_like_header_block_line_by_line(many)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="あア漢字abc 。\u30ff\u3040\u4e00\u9fff\u3000é", max_size=40))
def test_japanese_characters_counted_run_by_run(text: str) -> None:
    from bot.analysis.pipeline import _JAPANESE, _JAPANESE_RUN

    assert sum(map(len, _JAPANESE_RUN.findall(text))) == len(text) - len(_JAPANESE.sub("", text))


def _brand_keywords_over_every_phrase(index: TextIndex) -> dict[str, list[str]]:
    """TextIndex.brand_keywords as written before an ASCII text skipped the non-ASCII phrases and the
    keyword sets were prebuilt."""
    from bot.analysis.brands import catalogue

    cat = catalogue()
    found: dict[str, list[str]] = {}
    for word in sorted(index.words & cat.word_brands.keys()):
        for bid in cat.word_brands[word]:
            found.setdefault(bid, []).append(word)
    for word in sorted(index.words & cat.word_phrase_brands.keys()):
        for phrase, bid in cat.word_phrase_brands[word]:
            if index.has_phrase(phrase):
                found.setdefault(bid, []).append(phrase)
    for first in cat.phrase_brands:
        for phrase, bid in cat.phrase_brands[first]:
            if index.has_char(first) and index.has_char(phrase[-1]) and index.has_phrase(phrase):
                found.setdefault(bid, []).append(phrase)
    return found


BRAND_TEXT = st.sampled_from([
    "disney+", "ripple (xrp)", "movistar (telefonica)", "amazon", "paypay", "au pay", " ", "-", "三井住友", "三 井 住 友",
    "カード", "vivo / claro / tim (brazil)", "north pacific bank (hokuyo)", "x", "楽天", "e", "(", ")", "+",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(BRAND_TEXT, max_size=10))
def test_brand_keywords_of_a_text_are_those_every_phrase_finds(parts: list[str]) -> None:
    from bot.analysis.brands import TextIndex

    index = TextIndex(" ".join(parts))
    assert index.brand_keywords() == _brand_keywords_over_every_phrase(index)
    index = TextIndex("".join(parts))
    assert index.brand_keywords() == _brand_keywords_over_every_phrase(index)


def test_a_sentence_without_parameters_or_braces_is_the_catalogue_s_text() -> None:
    from bot.i18n import LANGS, _Safe, catalogue, t

    for lang in LANGS:
        for section, entries in catalogue(lang).items():
            for key, text in entries.items():
                try:
                    expected = text.format_map(_Safe({}))
                except (ValueError, IndexError):
                    expected = text
                assert t(lang, section, key) == expected, (lang, section, key)


def _find_header_start_with_copies(data: bytes) -> int:
    """intake._find_header_start as written before it read offsets instead of copies."""
    from bot.analysis.intake import looks_like_header_block, split_head

    pos = 0
    for _ in range(8):
        stripped = data[pos:].lstrip(b" \t\n")
        start = len(data) - len(stripped)
        if stripped.startswith(b"From ") and b"\n" in stripped[:400]:
            start = data.index(b"\n", start) + 1
        head, _ = split_head(data[start:])
        if looks_like_header_block(head):
            return start
        nl = data.find(b"\n", start)
        if nl < 0:
            return -1
        pos = nl + 1
    return -1


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["From someone@example.com Mon Jan 1", "From: a@example.com", "To: b@example.jp",
                                 "Subject: x", "", " ", "\t", "chatter", "Received: from x", " folded", "From ",
                                 "body text", "\n", "x" * 450]), max_size=16))
def test_the_header_block_starts_where_it_started_with_copies(lines: list[str]) -> None:
    from bot.analysis.intake import _find_header_start

    data = "\n".join(lines).encode()
    assert _find_header_start(data) == _find_header_start_with_copies(data)


# --- round 7 ------------------------------------------------------------------------------------

STYLE_PARTS = st.sampled_from([
    "display", "DISPLAY", "Display", "none", "NONE", "visibility", "hidden", "font-size", "FONT-SIZE", "opacity",
    "Opacity", "-opacity", "_opacity", "xopacity", "max-height", "MAX-HEIGHT", ":", " ", "\t", "\n", "0", ".0", ".00",
    "px", "PT", "em", "REM", "%", ";", "!", "x", "1", "14px", "\u212a", "\u017f", "\u00e9",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(STYLE_PARTS, max_size=10))
def test_a_style_hides_where_the_case_blind_pattern_says_it_does(parts: list[str]) -> None:
    from bot.analysis.links import _HIDING, hides

    style = "".join(parts)
    assert hides(style) == (_HIDING.search(style) is not None)


def test_the_hiding_styles_by_hand() -> None:
    from bot.analysis.links import hides

    for style in ("opacity:0", "color:red;Opacity : 0.00 ;", "font-size:0px!important", "DISPLAY:NONE",
                  "max-height:0", "visibility : hidden"):
        assert hides(style), style
    for style in ("x-opacity:0", "_opacity:0", "font-size:14px", "font-size:0.5em", "max-height:0em", "display:block"):
        assert not hides(style), style


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=120)
       | st.lists(st.sampled_from(["a", "Z", "x" * 19, "y" * 20, "Q" * 21, "w" * 45, " ", "_", "1", "'", "\n", "-"]),
                  max_size=12).map("".join))
def test_ascii_words_are_what_the_word_pattern_finds_in_the_lowered_text(text: str) -> None:
    from bot.analysis.pipeline import _WORDS, ascii_words

    assert ascii_words(text) == _WORDS.findall(text.lower())


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="ab \t\n\u3000\u00a0", max_size=60), st.integers(min_value=0, max_value=12))
def test_more_words_than_counts_as_splitting_the_whole_text(text: str, n: int) -> None:
    from bot.analysis.rules import more_words_than

    assert more_words_than(text, n) == (len(text.split()) > n)


DOMAIN_TEXT_PARTS = st.sampled_from([
    "a", "Z", "9", "-", "_", ".", "．", "。", "*", "***", "@", "%40", "＠", "example", "com", "jp", "xn--p1ai", " ",
    "\n", "t***@example.jp", "ｅｘａｍｐｌｅ", "ｃｏｍ", "日本", "é", "www", "/", ":", "=", "(", "header.from=",
    "192.0.2.7", "198.51.100.255", "256", "1.2.3", ".4", "0", "x-", "_",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(DOMAIN_TEXT_PARTS, max_size=14))
def test_the_domain_pattern_with_its_shared_look_behind_matches_as_written(parts: list[str]) -> None:
    from bot.analysis.safe_text import _MASKED_OR_DOMAIN, _MASKED_OR_DOMAIN_AS_WRITTEN

    text = "".join(parts)
    as_written = re.compile(_MASKED_OR_DOMAIN_AS_WRITTEN)
    assert [(m.span(), m.group("masked"), m.group("ip")) for m in _MASKED_OR_DOMAIN.finditer(text)] == [
        (m.span(), m.group("masked"), m.group("ip")) for m in as_written.finditer(text)]


def _token_pieces() -> list[str]:
    from bot.analysis.brands import catalogue

    tokens = sorted(catalogue().token_brand)
    pieces = tokens[::7] + [t[:-1] for t in tokens[::11]] + [t[1:] for t in tokens[::13]]
    return [*pieces, "-", ".", "x", "a", "co", "jp", "example", "login", "0"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_token_pieces()), max_size=6))
def test_the_first_token_is_the_token_pattern_s(parts: list[str]) -> None:
    from bot.analysis.brands import first_token, token_pattern

    text = "".join(parts)
    m = token_pattern().search(text)
    assert first_token(text) == (m.group(0) if m is not None else None)


def test_the_first_token_on_every_catalogue_token_and_nested_ones() -> None:
    from bot.analysis.brands import catalogue, first_token, token_pattern

    tokens = list(catalogue().token_brand)
    for i, token in enumerate(tokens):
        for text in (token, f"x-{token}.example", token + tokens[(i + 1) % len(tokens)], token[1:], f"{token[:1]}{token}"):
            m = token_pattern().search(text)
            assert first_token(text) == (m.group(0) if m is not None else None), text


def _official_labels() -> list[str]:
    from bot.analysis.rules import _official_index

    return sorted(label for label, _, _ in _official_index()[0].values())[::5]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_official_labels()), st.lists(st.tuples(st.integers(0, 30), st.sampled_from("aeilo01-x")),
                                                      max_size=3))
def test_near_officials_are_those_every_deletion_variant_looked_up_finds(label: str, edits: list[tuple[int, str]]
                                                                         ) -> None:
    from bot.analysis.domains import edit_distance, skeleton
    from bot.analysis.rules import _deletions, _near_officials, _official_index

    for where, char in edits:  # a few letters changed or added
        at = where % (len(label) + 1)
        label = label[:at] + char + label[at + 1:] if at % 3 else label[:at] + char + label[at:]
    skel = skeleton(label)
    _, deletions = _official_index()
    as_written = sorted((distance, off_skel, bid)
                        for variant in _deletions(skel, 2 if len(skel) >= 9 else 1)
                        for off_label, off_skel, bid, cap in deletions.get(variant, ())
                        if off_label != label and (distance := edit_distance(skel, off_skel, cap)) <= cap)
    assert _near_officials(skel, label, deletions) == as_written


HEADER_BLOCK_LINES = st.sampled_from([
    "From: a@example.com", "To: b@example.jp", "Subject: x", "Received: from x", "X-Odd:", "x-y-z: 1", "X_Under: 1",
    "Name  \t: spaced", ":no name", "https://example.com/x", "hxxps]//example.com", "a:]//b", "no colon here",
    " folded", "\tfolded", "", "\r", "Date:Mon", "n" * 76 + ": long", "n" * 77 + ": too long", "Caf\xe9: x",
    "Message-ID: <1@example.com>", "DKIM-Signature: v=1", "a: b: c",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(HEADER_BLOCK_LINES, max_size=16), st.booleans())
def test_a_header_block_looks_like_one_where_the_line_by_line_reading_said_so(lines: list[str], more: bool) -> None:
    from bot.analysis.intake import looks_like_header_block

    head = "\n".join(lines * (15 if more else 1)).encode("latin-1")
    assert looks_like_header_block(head) == _looks_like_header_block_line_by_line(head)


# --- round 8 -------------------------------------------------------------------------------

# intake's field-line pattern as it was before round 8: "^" in multiline mode, tried at every character
_FIELD_LINE_NAME_MULTILINE = re.compile(rb"^(?:([!-9;-~]{1,76})[ \t]*:(?!\]?//)|(?=[^ \t\n]))[^\n]*", re.MULTILINE)


@settings(max_examples=1500, deadline=None)
@given(st.lists(HEADER_BLOCK_LINES | st.sampled_from(["\n", " ", "\t", "a\tb: c", "é: x", ":", "x :]//"]),
                max_size=16), st.sampled_from(["", "\n", "\n\n", " ", "X: y"]))
def test_field_lines_are_found_as_the_multiline_pattern_found_them(lines: list[str], edge: str) -> None:
    from bot.analysis.intake import field_line_names

    for head in ("\n".join(lines).encode("latin-1"), edge.encode() + "\n".join(lines).encode("latin-1") + edge.encode()):
        assert list(field_line_names(head)) == [m.group(1) for m in _FIELD_LINE_NAME_MULTILINE.finditer(head)]


def _japanese_as_counted_before(text: str) -> int:
    from bot.analysis.pipeline import _JAPANESE_RUN

    return sum(map(len, _JAPANESE_RUN.findall(text)))


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="あア漢字ab 。\u30ff\u3040\u4e00\u9fff\u3000\u309f\u3100é\n", max_size=300))
def test_japanese_is_enough_exactly_where_the_whole_count_said_so(text: str) -> None:
    from bot.analysis.pipeline import has_japanese

    count = _japanese_as_counted_before(text)
    for enough in (1, 2, 3, 10, len(text) // 50 + 1, min(10, len(text) // 50 + 1)):
        assert has_japanese(text, enough) == (count >= enough)
    # _language's rule as written before: 10 characters, or more than one in 50
    assert has_japanese(text, min(10, len(text) // 50 + 1)) == (count >= 10 or count > len(text) // 50)


DEFANG_PIECES = st.sampled_from([
    "[.]", "(.)", "{.}", "<.>", "[dot]", "(DoT)", "{dOt}", "[ . ]", "[\t.\n]", "[@]", "(@)", "[at]", "(AT)", "[:]",
    "[://]", "(:)", "hxxp", "HXXP", "hXtp", "HtXp", "h**p", "H__p", "meow", "MEOW", "Meow", "s", ":", " ", "  ",
    "[", "(", "{", "<", "h", "H", "x", "t", "p", "P", "m", "e", "o", "w", "a", "d", ".", "@", "]", ")", "}", ">",
    "example.com", "(attached)", "[note]", "http://", "é", "例",
])


def _refang_as_written(text: str) -> str:
    """links.refang before round 8: one hint pattern, then the four substitutions unconditionally."""
    from bot.analysis.links import _DEFANG_HINT, _REFANG_AT, _REFANG_COLON, _REFANG_DOT, _REFANG_SCHEME

    if _DEFANG_HINT.search(text) is None:
        return text
    text = _REFANG_SCHEME.sub(lambda m: "http" + m.group(1), text)
    text = _REFANG_COLON.sub(lambda m: m.group(0).strip("[]()"), text)
    text = _REFANG_DOT.sub(".", text)
    return _REFANG_AT.sub("@", text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(DEFANG_PIECES, max_size=14))
def test_refang_reads_what_the_one_hint_and_four_substitutions_read(pieces: list[str]) -> None:
    from bot.analysis.links import _DEFANG_HINT, has_defang_hint, refang

    text = "".join(pieces)
    # short texts go to the one pattern, longer ones branch by branch: both read
    for t in (text, " " * 300 + text, text + "." * 300, "é" * 150 + text + "例" * 150):
        assert has_defang_hint(t) == (_DEFANG_HINT.search(t) is not None)
        assert refang(t) == _refang_as_written(t)


def test_refang_by_hand() -> None:
    from bot.analysis.links import refang

    for text in ("hxxps[:]//example[.]com/a", "MEOW://x(.)example", "user[at]example{dot}com", "a (at) b",
                 "h**ps://x[ . ]example", "see (attached) [note] <.> {.}", "HXXP :// x", "meow [://]", "plain text"):
        assert refang(text) == _refang_as_written(text), text


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=200), st.sampled_from([b"", b"\x0e", b"\x0f\x0e", b"\x1b$B", b"\x00", b"\x1f\x0b", b"\x1b"]))
def test_stray_controls_and_binary_input_as_the_translations_said(data: bytes, extra: bytes) -> None:
    from bot.analysis.intake import _STRAY_CONTROLS, _STRAY_EACH, _is_binary, holds_any

    for sample in (data, data + extra, extra * 30 + data, (b"abc " * 20) + extra * 3):
        stray = len(sample.translate(None, _STRAY_CONTROLS)) != len(sample)
        assert holds_any(sample, _STRAY_EACH) == stray
        if not stray:
            assert _is_binary(sample, stray_free=True) == _is_binary(sample)


def _language_as_written(text: str) -> str:
    """pipeline._language before round 8: every Japanese run counted, every word counted (round 10: Han
    characters without a kana are Chinese)."""
    from collections import Counter

    from bot.analysis import pipeline as p

    sample = text[:5000]
    if not sample.strip():
        return "und"
    plain = sample.isascii()
    japanese = 0 if plain else sum(map(len, p._JAPANESE_RUN.findall(sample)))
    if japanese >= 10 or japanese > len(sample) // 50:
        return "ja" if any("\u3040" <= c <= "\u30ff" or "\uff66" <= c <= "\uff9f" for c in sample) else "zh"
    hangul = sum(1 for c in sample if "\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" or "\u3130" <= c <= "\u318f")
    if not plain and (hangul >= 10 or hangul > len(sample) // 50):
        return "ko"
    head = sample[:1500]
    words = Counter(p.ascii_words(head) if plain else p._WORDS.findall(head.lower()))
    if words:
        present = words.keys()
        hits = {lang: sum(words[w] for w in stop & present) for lang, stop in p._STOPWORDS.items()}
        best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
        if hits[best] >= 3 and hits[best] >= 1.5 * max(v for k, v in hits.items() if k != best):
            return best
    ascii_letters = len(sample.encode("ascii", "ignore").translate(None, p._NOT_ASCII_LETTER))
    others = 0 if plain else len(sample) - len(p._NON_ASCII_LETTER.sub("", sample))
    return "en" if ascii_letters and others / (ascii_letters + others) < 0.03 else "und"


LANGUAGE_WORDS = st.sampled_from([
    "the", "and", "you", "der", "die", "und", "le", "la", "et", "vous", "o", "você", "el", "y", "het", "il", "è",
    "please", "bitte", "café", "お知らせ", "漢字", "ア", " ", "\n", ".", "x" * 25, "Ünïcode", "123", "a",
    "и", "ваш", "що", "się", "için", "yang", "고객님", "i", "w",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(LANGUAGE_WORDS, max_size=60), st.integers(min_value=0, max_value=400))
def test_language_is_the_one_every_word_and_run_counted_gave(words: list[str], padding: int) -> None:
    from bot.analysis.pipeline import _language

    text = " ".join(words)
    for t in (text, "x " * padding + text, "漢" * (padding // 40) + " " + text):
        assert _language(t) == _language_as_written(t)


NORMALISE_CHARS = "aéÀ\u0301\u00ad\u200b\u200d\u202e\u2060\ufeff\ufe0f\U000e0041\U000e0101\u3164\u2800ア漢 .Iı\u0430\u13aaK"


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=NORMALISE_CHARS, max_size=60))
def test_the_table_s_runs_are_translated_as_the_one_substitution_did(text: str) -> None:
    from bot.analysis.brands import _NEEDS_TABLE_RUN, _NORMALISE_TABLE, normalise, translate_runs

    assert translate_runs(text) == _NEEDS_TABLE_RUN.sub(lambda m: m.group().translate(_NORMALISE_TABLE), text)
    assert translate_runs(text) == text.translate(_NORMALISE_TABLE)  # what the runs stand for
    normalise(text)  # reads every kind of run without failing


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aAiIlLxX .-\u0430\u0410\u0456\u13aa\ua4f2\u0131\u03bf\u3042é", max_size=40))
def test_look_alike_letters_are_found_as_the_repeated_class_found_them(text: str) -> None:
    from bot.analysis.domains import _LOOKALIKE_CHAR, _LOOKALIKE_SCRIPT

    assert (_LOOKALIKE_CHAR.search(text) is None) == (_LOOKALIKE_SCRIPT.search(text) is None)


DOMAIN_MATCH_PARTS = DOMAIN_TEXT_PARTS | st.sampled_from([
    "%2F", "%2f", "%3A", "%3a", "%40", "%2540", "%", "2F", "u=http", "ｍ" * 25, "ｘ", "．ｊｐ", "a" * 64, "b" * 63 + ".",
    "x***@", "***", "1" * 4, "192.0.2.", "7", ".example", "-", "\t", "日本.jp", "例え.テスト", "é.com",
])


@settings(max_examples=3000, deadline=None)
@given(st.lists(DOMAIN_MATCH_PARTS, max_size=16))
def test_domain_matches_found_from_the_character_before_are_the_pattern_s(parts: list[str]) -> None:
    from bot.analysis.safe_text import _MASKED_OR_DOMAIN, domain_matches

    text = "".join(parts)
    assert list(domain_matches(text)) == [
        (m.start(), m.end(), m.group("masked") is not None, m.group("ip") is not None)
        for m in _MASKED_OR_DOMAIN.finditer(text)]


def test_domain_matches_by_hand() -> None:
    from bot.analysis.safe_text import _MASKED_OR_DOMAIN, domain_matches

    for text in ("u=http%3A%2F%2F192.0.2.7/x", "%40example.com", "x%2540t***@example.jp", "a.ｂｃ" + "ｍ" * 30 + ".jp",
                 "example.com", ".example.com", "t***@192.0.2.7 and 198.51.100.1.", "header.from=example.jp;",
                 "ｅｘａｍｐｌｅ．ｃｏｍ", "x" * 70 + ".com", "a-b.c-d.example", "例え.テスト example.jp"):
        assert list(domain_matches(text)) == [
            (m.start(), m.end(), m.group("masked") is not None, m.group("ip") is not None)
            for m in _MASKED_OR_DOMAIN.finditer(text)], text


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcXYZ é²½_9١ ア漢-.=;\"\n" + "x" * 5, max_size=80))
def test_patterns_written_with_a_single_class_first_match_as_the_repeated_class(text: str) -> None:
    from bot.analysis.headers import _PROP
    from bot.analysis.pipeline import _WORDS

    assert _WORDS.findall(text) == re.findall(r"[^\W\d_]{1,20}", text)
    assert _PROP.findall(text) == re.findall(r"([A-Za-z]{1,20}\.[A-Za-z0-9_-]{1,30})\s*=\s*([^\s;]{1,320})", text)
    long = "header.d" + "x" * 30 + "=" + text + " smtp.mailfrom=" + "y" * 25 + "@example.com; dkim.b=" + text
    assert _PROP.findall(long) == re.findall(r"([A-Za-z]{1,20}\.[A-Za-z0-9_-]{1,30})\s*=\s*([^\s;]{1,320})", long)


def _strip_comments_by_character(value: str) -> str:
    """headers._strip_comments before round 8: a loop over every character."""
    out: list[str] = []
    depth = 0
    quoted = False
    for ch in value:
        if ch == '"' and depth == 0:
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
            continue
        elif not quoted and ch == ")" and depth:
            depth -= 1
            continue
        if depth == 0:
            out.append(ch)
    return "".join(out)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet='()"ab ;=\\x', max_size=40))
def test_comments_are_stripped_as_the_character_loop_stripped_them(value: str) -> None:
    from bot.analysis.headers import _strip_comments

    assert _strip_comments(value) == _strip_comments_by_character(value)
    spf = 'mx.example.jp; spf=pass (example.jp: domain of "a(b" x@example.jp) smtp.mailfrom=' + value
    assert _strip_comments(spf) == _strip_comments_by_character(spf)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Content-Type: text/html", "content-type: text/plain", "CONTENT-DISPOSITION: attachment",
                                 "Content-Disposition: inline", "X-A: 1", "Content-Transfer-Encoding: base64",
                                 "Content-Type-X: no"]), max_size=8))
def test_content_fields_read_in_one_walk_as_two_look_ups(lines: list[str]) -> None:
    from bot.analysis.mime_params import _content_raws, _raw

    msg = header_block(("\n".join(lines) + "\n").encode())
    assert _content_raws(msg) == (_raw(msg, "content-type"), _raw(msg, "content-disposition"))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["by", "BY", "bY", " ", "\t", "\n ", "x", "ab", "é", "例", "(", ")", ";", "mx.example.jp",
                                 "[192.0.2.1]", "_", "-", "standby", "by\u3000", "\u00a0"]), max_size=12))
def test_the_by_host_is_found_where_the_case_blind_boundary_pattern_found_it(parts: list[str]) -> None:
    from bot.analysis.headers import _BY_HOST

    text = "".join(parts)
    as_written = re.compile(r"\bby\s+([^\s();]{1,255})", re.IGNORECASE)
    assert [(m.span(), m.group(1)) for m in _BY_HOST.finditer(text)] == [
        (m.span(), m.group(1)) for m in as_written.finditer(text)]


def test_only_ascii_b_and_y_match_them_case_blind() -> None:
    for letter in "by":
        assert {c for c in map(chr, range(0x110000)) if re.fullmatch("(?i)" + letter, c)} == {letter, letter.upper()}


def test_the_suffix_lists_a_labels_are_the_codecs_and_a_label_missing_from_the_table_is_encoded() -> None:
    """``data/psl_a_labels.json`` (generated) holds, for every non-ASCII label of the bundled list, what
    the punycode codec gives; the rules built from it are the rules built by the codec alone."""
    from publicsuffixlist import PSLFILE

    from bot.analysis import domains

    table = domains._known_a_labels()
    text = Path(PSLFILE).read_text(encoding="utf-8")
    labels = {label for line in text.splitlines() for label in line.split(" ", 1)[0].lstrip("!").split(".")
              if label and not label.isascii()}
    assert labels and labels <= table.keys()
    assert all(table[label] == domains._punycode_label(label) for label in labels)
    assert domains._a_label("東京") == "xn--1lqs71d"
    assert domains._a_label("ąąą-not-in-the-list") == domains._punycode_label("ąąą-not-in-the-list")
    assert domains._a_label("example") == "example"
    by_codec = [line.split(" ", 1)[0].strip() for line in text.splitlines()]
    by_codec = [r for r in by_codec if r and not r.startswith("//")]
    by_codec += [("!" if r.startswith("!") else "") + ".".join(
        x if x.isascii() else domains._punycode_label(x) for x in r.lstrip("!").split("."))
        for r in by_codec if not r.isascii()]
    assert domains._rules(text) == by_codec


def test_a_hosts_signs_read_once_are_the_signs_read_afresh_for_every_path() -> None:
    """``_host_signs`` caches what the host alone says; every (host, path) then gives the signs it
    gives with both caches empty, in the same order, bare or not."""
    from bot.analysis import rules

    hosts = ["secure-login.account-verify.example.xyz", "a1b2c3d4e5f6a7b8.example.com", "www.example.com",
             "smbc.servicecc-jp.cc", "_dmarc.example.net", "hkgqs.com", "x.y.z.w.example.top", "www.amazon.co.jp",
             "192.0.2.7", "paypay-login-jp.example.cn", "bit.ly", "example.jp"]
    rests = ["", "login", "jp/verification?id=abc", "1K2efjwHhJj49pU13k", "?HxVoT", "plala.or.jp/", "aeon",
             "index.php?a=1#x", "img/logo.png"]
    for bare in (False, True):
        for host in hosts:
            for rest in rests:
                rules._host_signs.cache_clear()
                rules._bare_host_flags.cache_clear()
                rules._link_signs_of_host.cache_clear()
                fresh = rules._link_signs_of_host(host, rest, bare)
                rules._link_signs_of_host.cache_clear()
                for other in rests:  # the host's part now cached from other paths
                    rules._link_signs_of_host(host, other, bare)
                rules._link_signs_of_host.cache_clear()
                assert rules._link_signs_of_host(host, rest, bare) == fresh, (host, rest, bare)
    assert any(rules._link_signs_of_host(h, r, True) for h in hosts for r in rests)


def _deletions_as_before(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcl1o0-", max_size=14), st.integers(min_value=0, max_value=3))
def test_deletion_variants_are_those_of_every_order_of_deletions(word: str, depth: int) -> None:
    from bot.analysis.rules import _deletions

    assert _deletions(word, depth) == _deletions_as_before(word, depth)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "web", "app", "", "Co", "jp", "x-y"]), min_size=0, max_size=6),
       st.sets(st.sampled_from(["web.app", "app", "b.web.app", "co.jp", ".app", "a..b", "x-y.co.jp", ""]), max_size=4))
def test_a_host_lies_under_the_names_the_label_joins_found(labels: list[str], names: set[str]) -> None:
    from bot.analysis.rules import _under

    host = ".".join(labels)
    joined = host.lower().strip(".").split(".")
    before = next((c for c in (".".join(joined[i:]) for i in range(len(joined))) if c in names), None) if host else None
    assert _under(host, frozenset(names)) == before


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["google", "co", "jp", "com", "bing", "l", "facebook", "t", "umblr", "www", "",
                                 "xgoogle", "vk", "away"]), min_size=0, max_size=5))
def test_a_host_is_at_a_redirect_site_as_the_call_per_site_found(labels: list[str]) -> None:
    from bot.analysis.links import _REDIRECT_SITES, _at_redirect_site, _google_like

    host = ".".join(labels)
    assert _at_redirect_site(host) == any(_google_like(host, suffix) for suffix in _REDIRECT_SITES)


def test_phrase_index_by_identity_equals_the_index_by_value() -> None:
    """Round 9 (lead): the catalogue's phrase lists are found by identity (``brands._phrase_index``); a list
    that is equal but another object, or a new list at a reused address, gets its own index."""
    from bot.analysis import brands

    text = brands.TextIndex("Please claim your prize now. 今すぐご確認ください")
    first = ("claim your prize", "ご確認ください", "absent words")
    assert text.count_phrases(first) == ["claim your prize", "ご確認ください"]
    same_value = tuple(w for w in first)  # a new object of equal value
    assert same_value is not first
    assert text.count_phrases(same_value) == ["claim your prize", "ご確認ください"]
    for _ in range(300):  # more fresh lists than the identity table holds: each still reads its own phrases
        other = tuple(w for w in ("prize now", "nothing here"))  # a new object each time
        assert text.count_phrases(other) == ["prize now"]
    assert len(brands._INDEX_BY_ID) <= brands._INDEX_BY_ID_MAX


# round 11: the words inside a phrase are tested before the phrase is searched for (brand_keywords); the parts
# glue to each other and to apostrophes, which join a word to the next in a word set ("o'brazil")
GLUED_BRAND_TEXT = st.sampled_from([
    "vivo / claro / tim (brazil)", "vivo", " / ", "claro", "tim", " (", "brazil", ")", "'", "\u2019", "o", "s", "x",
    "geek squad (best buy)", "(best buy)", "best", "buy", "disney+", "ripple (xrp)", "xrp", "三井住友", " ", "\x01",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(GLUED_BRAND_TEXT, max_size=12), st.booleans())
def test_brand_keywords_of_glued_text_are_those_every_phrase_finds(parts: list[str], normalised: bool) -> None:
    from bot.analysis.brands import TextIndex

    index = TextIndex("".join(parts), normalised=normalised)
    assert index.brand_keywords() == _brand_keywords_over_every_phrase(index)
    prefixed = TextIndex("".join(parts[:2])).prefixed("".join(parts[2:4]))
    assert prefixed.brand_keywords() == _brand_keywords_over_every_phrase(prefixed)


def test_the_inner_words_of_every_catalogue_phrase_are_words_of_any_text_holding_it() -> None:
    from bot.analysis.brands import TextIndex, _inner_words, catalogue

    phrases = [p for entries in catalogue().phrase_brands.values() for p, _ in entries]
    assert any(_inner_words(p) for p in phrases)  # the test reads something
    assert _inner_words("vivo / claro / tim (brazil)") == {"claro", "tim", "brazil"}
    assert _inner_words("a (b's c) d") == {"c"} and _inner_words("disney+") == frozenset()
    for phrase in phrases:
        for before, after in (("", ""), ("o'", "'s"), ("x", "y"), ("\u2019", "\u2019t"), ("1 ", " 2")):
            index = TextIndex(before + phrase + after, normalised=True)
            assert _inner_words(phrase) <= index.words, phrase


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab09 '\u2019\u3000\t\n-+()カ", max_size=30))
def test_a_phrase_s_parts_are_what_the_patterns_read(phrase: str) -> None:
    from bot.analysis.brands import _SPACE, _WORD, _phrase_parts

    compact = _SPACE.sub("", phrase) or " "
    words = frozenset(_WORD.findall(phrase)) if phrase.isascii() and phrase[:1].isalnum() and phrase[-1:].isalnum() \
        else frozenset()
    assert _phrase_parts(phrase) == (words, compact)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="a \u00a0\u0301\u0308\u3000\uff21\u00e9e\u2002\u1100\u1161\u0338=\ufb01\u00a8", max_size=20))
def test_a_no_break_space_made_a_space_first_changes_no_nfkc(text: str) -> None:
    import unicodedata

    from bot.analysis.brands import normalise

    assert unicodedata.normalize("NFKC", text.replace("\u00a0", " ")) == unicodedata.normalize("NFKC", text)
    assert normalise(text + "あ") == normalise(text.replace("\u00a0", " ") + "あ")
