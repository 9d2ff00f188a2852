"""Decoding bytes of mail into text, Japanese charsets first-class.

Mail labels lie or are missing. We try the declared charset (with the Microsoft superset that
Japanese mailers really use), then the likely ones, and never raise.
"""

from __future__ import annotations

import binascii
import codecs
import contextlib
import re

# Labels whose bytes are, in practice, written by Windows mailers with vendor extensions.
_SUPERSETS = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "csshiftjis": "cp932",
    "euc-jp": "euc_jis_2004",
    "x-euc-jp": "euc_jis_2004",
    "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_ISO2022JP = {"iso-2022-jp", "iso2022jp", "csiso2022jp", "cp50220", "cp50221", "cp50222",
              "iso-2022-jp-ms", "iso-2022-jp-1", "iso-2022-jp-2", "iso-2022-jp-3", "jis"}

_ESC = 0x1B


def _jis_pair_to_sjis(b1: int, b2: int) -> bytes:
    """One JIS X 0208 (row/cell) pair to its Shift_JIS bytes (so CP932 decodes NEC/IBM rows)."""
    if b1 & 1:
        s2 = b2 + (0x1F if b2 < 0x60 else 0x20)
    else:
        s2 = b2 + 0x7E
    s1 = ((b1 + 1) >> 1) + (0x70 if b1 <= 0x5E else 0xB0)
    return bytes((s1, s2))


def iso2022jp_to_text(data: bytes) -> str:
    """Decode ISO-2022-JP including the CP50220 family (NEC special row 13, IBM extensions,
    half-width katakana by ``ESC ( I`` or SO/SI). Linear, never raises: undecodable pairs
    become U+FFFD."""
    out = bytearray()
    mode = "ascii"  # ascii | jis | kana
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c == _ESC and i + 2 < n:
            seq = data[i + 1 : i + 3]
            if seq in (b"$B", b"$@"):
                mode = "jis"
                i += 3
                continue
            if seq == b"$(" and i + 3 < n:  # ESC $ ( D / Q: JIS X 0212/0213: decode as 0208
                mode = "jis"
                i += 4
                continue
            if seq in (b"(B", b"(J", b"(H"):
                mode = "ascii"
                i += 3
                continue
            if seq == b"(I":
                mode = "kana"
                i += 3
                continue
        if c == 0x0E:  # SO
            mode = "kana"
            i += 1
            continue
        if c == 0x0F:  # SI
            mode = "ascii"
            i += 1
            continue
        if c in (0x0A, 0x0D):
            # line breaks reset nothing by the standard, but broken mailers forget ESC ( B
            out.append(c)
            i += 1
            continue
        if mode == "jis" and 0x21 <= c <= 0x7E and i + 1 < n and 0x21 <= data[i + 1] <= 0x7E:
            out += _jis_pair_to_sjis(c, data[i + 1])
            i += 2
            continue
        if mode == "kana" and 0x21 <= c <= 0x5F:
            out.append(c + 0x80)
            i += 1
            continue
        out.append(c)
        i += 1
    return out.decode("cp932", errors="replace")


_LABEL = re.compile(r"[a-z0-9_.:+-]{1,40}")


def _codec_name(label: str) -> str | None:
    label = label.strip().strip('"').lower()
    label = _SUPERSETS.get(label, label)
    if not _LABEL.fullmatch(label):  # attacker text: odd bytes, NULs, absurd lengths
        return None
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError, UnicodeError):
        return None


_KANA = re.compile(r"[\u3000-\u30ff]")
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_HALF_KANA = re.compile(r"[\uff61-\uff9f]")
_JUNK = re.compile(r"[\ue000-\uf8ff\ufffd]")


def _japanese_score(text: str) -> int:
    """Higher for text that reads as Japanese: kana and common kanji, few half-width kana
    (which is what the wrong one of Shift_JIS / EUC-JP usually produces)."""
    return (
        2 * len(_KANA.findall(text)) + len(_KANJI.findall(text))
        - 2 * len(_HALF_KANA.findall(text)) - 5 * len(_JUNK.findall(text))
    )


def _looks_japanese_mojibake(text: str) -> bool:
    return text.count("\ufffd") > max(2, len(text) // 50)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode body or header bytes. Returns (text, charset actually used)."""
    if not data:
        return "", declared or "us-ascii"
    label = (declared or "").strip().strip('"').lower()[:64]
    has_esc = b"\x1b" in data and (b"\x1b$" in data or b"\x1b(" in data)  # one scan for most text
    if label in _ISO2022JP or (has_esc and not label.startswith("utf")):
        try:  # the C codec when the text holds no vendor characters; ours otherwise
            return data.decode("iso2022_jp_ext"), "iso-2022-jp"
        except UnicodeDecodeError:
            return iso2022jp_to_text(data), "iso-2022-jp"
    if label:
        codec = _codec_name(label)
        if codec is not None:
            try:
                return data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                pass
    if data.isascii():
        return data.decode("ascii"), "us-ascii"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Shift_JIS and EUC-JP both decode many byte strings without error: score a sample.
    candidates = []
    for codec in ("cp932", "euc_jis_2004"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_japanese_score(text[:4096]), codec, text))
    if candidates:
        _, codec, text = max(candidates, key=lambda c: c[0])
        return text, codec
    # Nothing decodes cleanly: take the least damaged of the likely ones.
    best = min(
        ((data.decode(c, errors="replace"), c) for c in ("utf-8", "cp932", "euc_jis_2004")),
        key=lambda tc: tc[0].count("\ufffd"),
    )
    if _looks_japanese_mojibake(best[0]):
        return data.decode("cp1252", errors="replace"), "cp1252"
    return best


_ENCODED_WORD = re.compile(rb"=\?[^?\s]{1,64}\?[bBqQ]\?")


def decode_header_value(raw: str) -> str:
    """Decode a header as read by the compat32 parser (8-bit bytes kept as surrogates).

    RFC 2047 words are decoded with our charset logic (ISO-2022-JP with vendor extensions, wrong
    labels tolerated); raw 8-bit headers (Shift_JIS or UTF-8 sent unencoded) are decoded too.
    """
    if raw.isascii() and "=?" not in raw:  # most header values: nothing to decode
        return _unfold(raw)
    try:
        raw_bytes = raw.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return raw
    if not _ENCODED_WORD.search(raw_bytes):
        if raw_bytes.isascii():
            return _unfold(raw)
        return _unfold(decode_bytes(raw_bytes)[0])
    pieces = _encoded_words(raw)
    if pieces is None:  # a broken base64 word: read what is there
        return _unfold(raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    out: list[str] = []
    for chunk, charset in pieces:
        if charset is None:
            # text between encoded words: raw 8-bit bytes (UTF-8 sent unencoded beside encoded
            # words) are surrogates in it
            text = chunk.decode("utf-8", "surrogateescape")
            if not text.isascii():
                with contextlib.suppress(UnicodeEncodeError):
                    text = decode_bytes(text.encode("utf-8", "surrogateescape"))[0]
            out.append(text)
            continue
        out.append(decode_bytes(chunk, charset)[0])
    return _unfold("".join(out))


# what changes how an address field is read when it appears in a display name outside quotes
_ADDRESS_SPECIALS = frozenset('<>,;:@"()[]\\')


def quote_phrase(text: str) -> str:
    """A display name made safe to put before ``<addr>``: quoted (RFC 5322 quoted-string) when it
    holds a character that would change how the field is read (``Doe, John``, ``Brand <a@b>``)."""
    if _ADDRESS_SPECIALS.isdisjoint(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def decode_address_value(raw: str) -> str:
    """An address field (From, To, Reply-To…) decoded like :func:`decode_header_value`, except that
    the text of each encoded word stays one display name: a decoded name holding a comma, an ``@``
    or an ``<addr>`` is quoted (inside a quoted string or a comment, its quotes or parentheses are
    escaped), so that it is read as the name it was sent as, never as a second mailbox, a group
    or the sender's address. Text sent as is keeps the structure it was sent with. A word's line
    breaks are spaces; its ``@`` is shown full-width where no ``<addr>`` follows its name; where
    the sender left a quote or a comment open, all its specials are (the parsers then read on
    past the opener, so no escaping would hold)."""
    if "=?" not in raw:  # no encoded word: nothing a name could hide
        return decode_header_value(raw)
    try:
        pieces = _encoded_words(raw) if _ENCODED_WORD.search(raw.encode("utf-8", "surrogateescape")) else None
    except UnicodeEncodeError:
        return raw
    if pieces is None:
        return decode_header_value(raw)
    # whether the name an encoded word belongs to is followed by an <addr> (a comment between them
    # skipped): a name that is not may be read as the mailbox itself ("=?…?=, <x@evil>")
    angle_after = [False] * len(pieces)
    following = False
    for k in range(len(pieces) - 1, -1, -1):
        chunk, charset = pieces[k]
        angle_after[k] = following
        if charset is None and chunk.strip():
            following = _COMMENT.sub(b"", chunk).lstrip().startswith(b"<")
    out: list[str] = []
    quoted = escaped = False
    depth = 0
    for k, (chunk, charset) in enumerate(pieces):
        if charset is not None:
            # a line break is no part of a name (the stdlib list parser ends a quoted string or a
            # comment at a bare CR)
            text = decode_bytes(chunk, charset)[0].replace("\r", " ").replace("\n", " ")
            if quoted:
                text = text.replace("\\", "\\\\").replace('"', '\\"')
            elif depth:
                text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            else:
                if "@" in text and not angle_after[k]:  # no <addr> after it: an address here is a name's
                    text = text.replace("@", "\uff20")
                text = quote_phrase(text)
            if escaped:  # a backslash sent just before the word: it escapes one of its own, not the word's
                text = "\\" + text
                escaped = False
            out.append(text)
            continue
        text = _raw_text(chunk)
        for ch in text:  # where the next encoded word will sit: in quotes, in a comment, or neither
            if escaped:
                escaped = False
            elif ch == "\\" and (quoted or depth):
                escaped = True
            elif ch == '"' and not depth:
                quoted = not quoted
            elif ch == "(" and not quoted:
                depth += 1
            elif ch == ")" and not quoted and depth:
                depth -= 1
        out.append(text)
    if quoted or depth:
        # a quote or a comment the sender never closed: the parsers read on past it (ours drop
        # an unclosed "(" as a character), so the words' text was escaped for a context it is
        # not read in; their specials are shown as their full-width forms, which change no reading
        return _unfold("".join(
            decode_bytes(chunk, charset)[0].translate(_NEUTRAL) if charset is not None
            else _raw_text(chunk) for chunk, charset in pieces))
    return _unfold("".join(out))


_COMMENT = re.compile(rb"\([^()]{0,4000}\)")
_NEUTRAL = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in '<>,;:@"()[]\\'} | {"\r": " ", "\n": " "})


def _raw_text(chunk: bytes) -> str:
    text = chunk.decode("utf-8", "surrogateescape")
    if not text.isascii():
        with contextlib.suppress(UnicodeEncodeError):
            text = decode_bytes(text.encode("utf-8", "surrogateescape"))[0]
    return text


# each part ends at the next "?" (linear on a base64 blob full of "=?"); spaces inside the text,
# as spammers write them, decoded as the stdlib does
_WORD_2047 = re.compile(r"=\?([^?\s]{1,64})\?([qQbB])\?([^?\n]{0,4000})\?=")


def _encoded_words(raw: str) -> list[tuple[bytes, str | None]] | None:
    """RFC 2047: (bytes, charset) runs — adjacent words of one charset joined before decoding (a
    character may be split across two words), white space between encoded words dropped, text
    between them kept (charset None). The stdlib's ``email.header.decode_header``, line by line
    like it, in one regex pass; None for a base64 word that does not decode."""
    if _WORD_2047.search(raw) is None:
        return [(raw.encode("utf-8", "surrogateescape"), None)]
    words: list[tuple[bytes, str | None]] = []
    for line in raw.splitlines():
        pos = 0
        first = True
        for m in _WORD_2047.finditer(line):
            between = line[pos : m.start()]
            if first:
                between = between.lstrip()
            first = False
            if between:
                words.append((between.encode("utf-8", "surrogateescape"), None))
            charset = m.group(1).lower().partition("*")[0][:64]  # "utf-8*ja": a language after the star
            payload = m.group(3)
            if m.group(2) in "qQ":
                data = binascii.a2b_qp(payload.encode("ascii", "replace"), header=True)
            else:
                try:
                    data = binascii.a2b_base64((payload + "===")[: len(payload) + (-len(payload) % 4)].encode("ascii", "replace"))
                except binascii.Error:
                    return None
            words.append((data, charset))
            pos = m.end()
        rest = line[pos:]
        if first:
            rest = rest.lstrip()
        if rest:
            words.append((rest.encode("utf-8", "surrogateescape"), None))
    # white space alone between two encoded words is dropped (RFC 2047 §6.2), across lines too
    words = [w for n, w in enumerate(words) if not (
        w[1] is None and 0 < n < len(words) - 1 and words[n - 1][1] is not None and words[n + 1][1] is not None
        and w[0].isspace()
    )]
    runs: list[tuple[bytes, str | None]] = []
    for data, charset in words:
        if runs and runs[-1][1] == charset:
            joined = runs[-1][0] + (b" " if charset is None else b"") + data
            runs[-1] = (joined, charset)
        else:
            runs.append((data, charset))
    return runs


_FOLD = re.compile(r"\r?\n[ \t]+")
_FOLD_LF = re.compile(r"\n[ \t]+")  # the same without a CR: a literal first, so the engine skips ahead in C


def unfold(value: str) -> str:
    """A header value on one line: folding white space read as one space."""
    if "\n" not in value:
        return value.strip()
    return (_FOLD if "\r" in value else _FOLD_LF).sub(" ", value).strip()


_unfold = unfold
