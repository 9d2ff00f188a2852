"""The brand catalogue and the phrase lists (data files), and brand detection."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from bot.analysis.datafiles import load_toml
from bot.analysis.domains import ACCENT_TABLE, fold_text, skeleton
from bot.analysis.models import Brand
from bot.analysis.privacy import strip_invisible

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SPACE = re.compile(r"\s+")
_NO_ASCII_WORD = re.compile(r"[^A-Za-z0-9]+")


# word_set's table: the word characters kept, "\x01" standing for "’", every other byte a space
_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789'\x01"
_WORD_TABLE = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))


def word_set(text: str) -> frozenset[str]:
    """``frozenset(_WORD.findall(text))``, found by C string methods instead of the pattern: what
    lies between characters no word holds (anything but ``a-z0-9'’``), read again by the pattern
    only when it holds an apostrophe (a word takes one, followed by letters: ``don't``). A match
    never holds such a character, so each piece is read as the whole text reads it there."""
    if not text:
        return frozenset()
    if "\x01" in text:  # the stand-in is there already: the pattern reads it
        return frozenset(_WORD.findall(text))
    if "’" in text:
        text = text.replace("’", "\x01")
    words = set(text.encode("ascii", "replace").translate(_WORD_TABLE).decode("ascii").split())
    if "'" in text or "\x01" in text:
        for piece in [w for w in words if "'" in w or "\x01" in w]:
            words.discard(piece)
            words.update(_WORD.findall(piece.replace("\x01", "’")))
    return frozenset(words)


def squeeze(text: str) -> str:
    """Words separated by one space, however the HTML or the mailer spaced them ("Claim_your_Reward"
    is three words). ``str.split`` knows every Unicode space (U+00A0, U+3000 …)."""
    if "_" in text:
        text = text.replace("_", " ")
    return " ".join(text.split())


_DATA = os.path.join(os.path.dirname(__file__), "data")


def _load(name: str) -> dict[str, Any]:
    # a plain path, not importlib.resources: the package ships as files, and start-up matters
    return load_toml(os.path.join(_DATA, name))


# invisible characters beyond privacy.strip_invisible's: tag characters and the variation
# selectors supplement ("Tr\U000e0139ust"), the combining grapheme joiner, Hangul fillers
_MORE_INVISIBLE = dict.fromkeys([*range(0xE0000, 0xE0080), *range(0xE0100, 0xE01F0), 0x034F, 0x115F, 0x1160,
                                 0x3164, 0xFFA0, 0x2800])


_NORMALISE_TABLE: dict[int, int | str | None] = {
    # privacy.strip_invisible's characters: zero-width and direction marks, variation selectors
    **dict.fromkeys((*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
                     *range(0x2066, 0x206A), 0xFEFF, 0x00AD, 0x180E, *range(0xFE00, 0xFE10))),
    **_MORE_INVISIBLE,
    **ACCENT_TABLE,
    # round 11 (world11): Russian writes "е" for "ё" as often as not («учётная», «учетная»): one spelling for the phrases
    0x0401: "Е", 0x0451: "е",
}


# every character the table changes lies in these ranges (a test keeps them in step)
_NEEDS_TABLE = re.compile("[\u00ad\u00c0-\u024f\u0300-\u036f\u0401\u0451\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
                          "\u2060-\u2069\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f\U000e0100-\U000e01ef]")


_NEEDS_TABLE_RUN = re.compile(_NEEDS_TABLE.pattern + "+")


# the runs, written as one character of the class and then more of it (the same language as
# _NEEDS_TABLE_RUN): a pattern that starts with a single class is searched by a tight class test in
# C, where a repeated class first was tried as a whole pattern at every character
_NEEDS_TABLE_RUN_FROM_ONE = re.compile(_NEEDS_TABLE.pattern + _NEEDS_TABLE.pattern + "*")


def _translate_run(m: re.Match[str]) -> str:
    return m.group().translate(_NORMALISE_TABLE)


def translate_runs(text: str) -> str:
    """``_NEEDS_TABLE_RUN.sub(lambda m: m.group().translate(_NORMALISE_TABLE), text)``: only the
    runs the table changes are translated, each found from its first character."""
    return _NEEDS_TABLE_RUN_FROM_ONE.sub(_translate_run, text)


# round 10: one spelling for the Japanese words a phrase list names, whatever the writer (or a machine
# translation) chose: 「下さい」「ください」, 「致します」「いたします」, 「頂きます」「いただきます」, 「振り込み」
# 「振込み」, 「受け取り」「受取り」 (phrases and text are normalised alike, so either spelling matches both)
_JA_SPELLINGS = {"下さい": "ください", "致し": "いたし", "頂き": "いただき", "頂け": "いただけ", "頂く": "いただく",
                 "振り込": "振込", "受け取": "受取"}
# (review 10: one str.replace a spelling, not a regex with a Python call a match: a text of 「下さい」 repeated took
# 1 s a 5 MB, seven times an ordinary Japanese text's normalise; no spelling's result holds another's start, and
# no two spellings overlap, so the replacements in turn give what one pass gives)


def _ja_spelling(text: str) -> str:
    for old, new in _JA_SPELLINGS.items():
        if old in text:
            text = text.replace(old, new)
    return text


def normalise(text: str) -> str:
    """NFKC + lower case, invisible characters out, look-alike letters of other scripts inside
    Latin words folded and accents dropped: full-width letters, half-width kana, case, "Itaú"
    and "Itau", "A\u200bmazon" and "Мetаmаsk" (Cyrillic) all read as what they show."""
    if not text.isascii():
        # one pass after NFKC: invisible characters out, accents off Latin letters (only when the
        # text holds any: a scan is cheaper than translating every character of a Japanese mail)
        if "\u00a0" in text:
            # NFKC makes a no-break space (the HTML's &nbsp;) a space, a character NFKC keeps; written so first, the
            # text passes normalize's quick check whole instead of being decomposed and composed again character
            # by character (most European mails' only such character; the same result, a test says so)
            text = text.replace("\u00a0", " ")
        text = unicodedata.normalize("NFKC", text)
        # only the runs the table changes are translated: str.translate looks every character
        # of a long Japanese or European mail up in the dict (four times the cost)
        text = translate_runs(text)
        text = fold_text(text, accents=False)
        text = _ja_spelling(text)  # (seven `in` tests: a text without a Japanese character answers each at once)
    elif "I" in text:
        text = fold_text(text)
    return text.lower()


@dataclass(frozen=True, slots=True)
class _Keyword:
    text: str
    single_word: bool  # ASCII one-word keywords are matched on word boundaries via a word set


@dataclass(frozen=True, slots=True)
class PhraseList:
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    topic: tuple[str, ...] = ()  # strong phrases that only name a scam family's topic (round 8)
    deadline: tuple[str, ...] = ()  # urgency's deadlines: strong beside a credential ask only (round 9)
    # round 9: a benefit named (scam families) and the asks that only apply for something ([scam_ask]): an
    # authority's announcement says both, so a benefit alone beside an application is no lure
    benefit: tuple[str, ...] = ()
    returns: tuple[str, ...] = ()  # a shop's return of goods named (the refund family): its asks are a return's
    apply: tuple[str, ...] = ()
    hook: tuple[str, ...] = ()  # [scam_ask]: the reader told a benefit is theirs, an ask beside a benefit only
    service: tuple[str, ...] = ()  # [scam_ask]: a receive ask whose object is a shop's document (an invoice)
    return_asks: tuple[str, ...] = ()  # [scam_ask]: the asks a shop's returns instruction makes too
    optout: tuple[str, ...] = ()  # [spam] (round 10): how a marketing mail lets its reader out of the list
    offer: tuple[str, ...] = ()  # [spam] (round 10): a seller's call (we offer, order now, a quote, a discount)
    grave: tuple[str, ...] = ()  # [spam] (round 10): the strong phrases of classes no lawful sender mails
    # round 10: a bill said unpaid (scam families) and the plain asks to pay it ([scam_ask]): a utility's reminder
    # says both (「未払いとなっております。払込票にてお支払いください」); a lure asks to pay by its link
    bill: tuple[str, ...] = ()
    pay: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    brands: tuple[Brand, ...]
    by_id: dict[str, Brand]
    official: dict[str, tuple[str, ...]]  # registrable domain -> brand ids
    redirectors: frozenset[str]
    keywords: dict[str, tuple[_Keyword, ...]]
    freemail: frozenset[str]
    shorteners: frozenset[str]
    benign: frozenset[str]
    free_hosting: frozenset[str]
    trackers: frozenset[str]
    phrases: dict[str, PhraseList]
    tokens: tuple[tuple[str, str], ...]  # (token, brand id), longest first
    infrastructure: frozenset[str]
    cdn_hosts: frozenset[str]  # networks that name customers' hosts by a machine id (lists.toml)
    token_brand: dict[str, str]  # token -> brand id (the longest token's first brand)
    name_ambiguous: frozenset[str]  # brand words that are also ordinary words or names (lists.toml)
    suffix_brands: tuple[tuple[str, str], ...]  # (official public suffix, brand id)
    scam_families: dict[str, PhraseList]
    dynamic_dns: frozenset[str]
    risky_tlds: frozenset[str]
    platform_senders: frozenset[str]
    name_words: dict[str, tuple[str, ...]]  # brand id -> words that name it in a display name
    name_word_brands: dict[str, tuple[str, ...]]  # such a word -> brand ids (the index of the above)
    # indexes built once, so a text is matched against every brand in one pass
    word_brands: dict[str, tuple[str, ...]]  # one-word ASCII keyword -> brand ids
    phrase_brands: dict[str, tuple[tuple[str, str], ...]]  # first character -> (non-ASCII keyword, brand id)
    word_phrase_brands: dict[str, tuple[tuple[str, str], ...]]  # longest word -> (ASCII multi-word keyword, brand id)
    name_skeletons: dict[str, tuple[str, ...]]  # skeleton of a name word -> brand ids
    tag_services: dict[str, str]  # sub-address tag -> service slug
    # words that name a brand only in a link pasted alone that already looks made by a kit
    # (brands.toml ``bare_words``: ``orico.x7q.cn``, ``eki-co-jp.x7q.cn``); word -> brand id
    bare_words: dict[str, str] = field(default_factory=dict)
    # those of them, and the brand words of ``name_ambiguous``, that are ordinary words or names
    bare_ordinary: frozenset[str] = frozenset()
    # well-known Latin abbreviations of the web and of broadcasting (lists.toml): a site's name made
    # of them (npm+js, ms+nbc) is no string of pinyin initials
    abbreviations: frozenset[str] = frozenset()
    _suffix_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)  # official_for, by domain (pure)

    def official_for(self, domain: str | None) -> tuple[str, ...]:
        found = self.official.get(domain or "", ())
        if domain and self.suffix_brands:
            cached = self._suffix_cache.get(domain)
            if cached is None:
                extra = tuple(bid for s, bid in self.suffix_brands if domain == s or domain.endswith("." + s))
                cached = tuple(dict.fromkeys(found + extra))
                if len(self._suffix_cache) < 50_000:
                    self._suffix_cache[domain] = cached
            found = cached
        return found

    def is_official(self, domain: str | None) -> bool:
        return bool(self.official_for(domain))


def official_for_brand(brand: Brand | None, domain: str | None) -> bool:
    """Whether a link's registrable domain is official: the brand's own when the mail names a brand,
    else any catalogue brand's (a bank's link in a mail that names no brand is still the bank's)."""
    if not domain:
        return False
    return brand.owns(domain) if brand is not None else catalogue().is_official(domain)


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str) and v.strip())


def _normalised(raw: object) -> tuple[str, ...]:
    """A phrase list as matched: normalised, each phrase once (round 9: "pagá" and "paga", "crédit" and "credit"
    are one phrase after accents are folded, and a weak word listed twice counted twice)."""
    return tuple(dict.fromkeys(normalise(p) for p in _strings(raw)))


def _phrase_list(table: dict[str, object]) -> PhraseList:
    """A ``phrases.toml`` table as matched: each list the table names, normalised (a list it does not name is
    empty). One reading for every table, so a new kind of list is a field of ``PhraseList`` and nothing more."""
    return PhraseList(**{f.name: _normalised(table.get(f.name)) for f in fields(PhraseList)})


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    raw_brands = _load("brands.toml").get("brand", [])
    lists = _load("lists.toml")
    phrases_raw = _load("phrases.toml")
    brands: list[Brand] = []
    official: dict[str, list[str]] = {}
    redirectors: set[str] = set()
    keywords: dict[str, tuple[_Keyword, ...]] = {}
    tokens: list[tuple[str, str]] = []
    bare_words: dict[str, str] = {}
    ambiguous = frozenset(_strings(lists.get("ambiguous_names")))
    assert isinstance(raw_brands, list)
    for entry in raw_brands:
        brand = Brand(
            id=str(entry["id"]),
            name_ja=str(entry["name_ja"]),
            name_en=str(entry["name_en"]),
            official_domains=tuple(d.lower() for d in _strings(entry.get("official_domains"))),
            redirectors=tuple(d.lower() for d in _strings(entry.get("redirectors"))),
            keywords=_strings(entry.get("keywords")),
            tokens=tuple(t.lower() for t in _strings(entry.get("tokens"))),
            services=_strings(entry.get("services")),
            official_suffixes=tuple(d.lower() for d in _strings(entry.get("official_suffixes"))),
        )
        brands.append(brand)
        for domain in brand.official_domains:
            official.setdefault(domain, []).append(brand.id)
        redirectors.update(brand.redirectors)
        kws = []
        # the names count as keywords, unless a name is also a common word or person's name
        names = {normalise(n) for n in (brand.name_ja, brand.name_en)} - ambiguous
        for text in sorted({normalise(k) for k in brand.keywords} | names):
            single = text.isascii() and _WORD.fullmatch(text) is not None
            kws.append(_Keyword(text, single))
        keywords[brand.id] = tuple(kws)
        tokens.extend((t, brand.id) for t in brand.tokens)
        for word in _strings(entry.get("bare_words")):
            bare_words.setdefault(word.lower(), brand.id)
    tokens.sort(key=lambda tb: -len(tb[0]))
    phrases_by_first: dict[str, tuple[tuple[str, str], ...]] = {}
    word_brands: dict[str, list[str]] = {}
    phrase_brands: list[tuple[str, str]] = []
    name_words: dict[str, tuple[str, ...]] = {}
    name_skeletons: dict[str, list[str]] = {}
    tag_services: dict[str, str] = {}
    for b in brands:
        for kw in keywords[b.id]:
            if kw.single_word:
                word_brands.setdefault(kw.text, []).append(b.id)
            else:
                phrase_brands.append((kw.text, b.id))
        # words that name the brand in a display name or subject: its one-word keywords and its
        # long tokens — not its id, and not words that are also people's names (Mizuho, Yamato)
        words = {t for t in b.tokens if t.isalnum() and len(t) >= 5}
        words |= {k.text for k in keywords[b.id] if k.single_word and len(k.text) >= 3}
        words -= ambiguous
        name_words[b.id] = tuple(sorted(words))
        for w in words:
            name_skeletons.setdefault(skeleton(w), []).append(b.id)
        slug = b.services[0] if b.services else b.id
        for name in (b.id, *b.services, *b.tokens, *(k.text for k in keywords[b.id] if k.single_word)):
            tag_services.setdefault(name, slug)
    grouped: dict[str, list[tuple[str, str]]] = {}
    by_word: dict[str, list[tuple[str, str]]] = {}
    for phrase, bid in phrase_brands:
        phrase_words, _ = _phrase_parts(phrase)
        if phrase_words:  # looked up by its longest word: only texts holding that word are searched
            by_word.setdefault(max(phrase_words, key=len), []).append((phrase, bid))
        else:
            grouped.setdefault(phrase[0], []).append((phrase, bid))
    phrases_by_first.update({k: tuple(v) for k, v in grouped.items()})
    phrases = {
        name: _phrase_list(table)
        for name, table in phrases_raw.items()
        if isinstance(table, dict) and name != "scam"
    }
    scam_raw = phrases_raw.get("scam", {})
    scam_families = {
        name: _phrase_list(table)
        for name, table in (scam_raw.items() if isinstance(scam_raw, dict) else ())
        if isinstance(table, dict)
    }
    suffix_brands = tuple((s, b.id) for b in brands for s in b.official_suffixes)
    return Catalogue(
        brands=tuple(brands),
        by_id={b.id: b for b in brands},
        official={k: tuple(v) for k, v in official.items()},
        redirectors=frozenset(redirectors),
        keywords=keywords,
        freemail=frozenset(_strings(lists.get("freemail"))),
        shorteners=frozenset(_strings(lists.get("shorteners"))),
        benign=frozenset(_strings(lists.get("benign_link_domains"))),
        # pages anyone can publish: our hosting list and the community's platforms (not dynamic DNS,
        # which has its own rule)
        free_hosting=(frozenset(_strings(lists.get("free_hosting"))) | frozenset(_strings(lists.get("platform_subdomains")))
                      | frozenset(_strings(lists.get("platform_paths")))) - frozenset(_strings(lists.get("dynamic_dns"))),
        trackers=frozenset(_strings(lists.get("esp_trackers"))),
        phrases=phrases,
        tokens=tuple(tokens),
        infrastructure=frozenset(_strings(lists.get("infrastructure"))),
        cdn_hosts=frozenset(_strings(lists.get("cdn_hosts"))),
        token_brand=dict(reversed(tokens)),
        name_ambiguous=ambiguous,
        suffix_brands=suffix_brands,
        scam_families=scam_families,
        dynamic_dns=frozenset(_strings(lists.get("dynamic_dns"))),
        risky_tlds=frozenset(_strings(lists.get("risky_tlds"))),
        platform_senders=frozenset(_strings(lists.get("free_hosting"))) | frozenset(_strings(lists.get("forms")))
        | frozenset(_strings(lists.get("throwaway_senders"))),
        name_words=name_words,
        name_word_brands=_invert(name_words),
        word_brands={k: tuple(v) for k, v in word_brands.items()},
        phrase_brands=phrases_by_first,
        word_phrase_brands={k: tuple(v) for k, v in by_word.items()},
        name_skeletons={k: tuple(v) for k, v in name_skeletons.items()},
        tag_services=tag_services,
        bare_words=bare_words,
        bare_ordinary=frozenset(_strings(lists.get("ordinary_bare_words"))) | ambiguous,
        abbreviations=frozenset(_strings(lists.get("latin_abbreviations"))),
    )


class TextIndex:
    """One normalised text with its ASCII word set, so hundreds of keywords cost one pass."""

    __slots__ = ("_chars", "_compact", "text", "words")

    def __init__(self, text: str, *, normalised: bool = False, words: frozenset[str] | None = None) -> None:
        # one space between words, however the HTML or the mailer spaced them: phrases match
        self.text = text if normalised else squeeze(normalise(text))
        if words is None:
            words = word_set(self.text)
        self.words = words
        self._compact: str | None = None
        self._chars: frozenset[str] | None = None

    def prefixed(self, head: str) -> TextIndex:
        """This text with ``head`` in front, without normalising the body again."""
        head_index = TextIndex(head)
        return TextIndex(f"{head_index.text} {self.text}", normalised=True, words=head_index.words | self.words)

    @property
    def compact(self) -> str:
        """The text without white space: Japanese phrases match however the mail spaced them."""
        if self._compact is None:
            self._compact = self.text.replace(" ", "")  # squeezed: single spaces are all the white space
        return self._compact

    def has(self, keyword: _Keyword) -> bool:
        if keyword.single_word:
            return keyword.text in self.words
        return self.has_phrase(keyword.text)

    def has_phrase(self, phrase: str) -> bool:
        words, _ = _phrase_parts(phrase)
        if words and not words <= self.words:
            return False
        if not phrase.isascii():
            if phrase in self.text:
                return True
            # a Japanese name spaced out in the text ("三 井 住 友 カード") reads as written; only
            # names without ASCII letters, which could join with a neighbouring word ("sen d カード")
            return " " in self.text and _NO_ASCII_WORD.fullmatch(phrase) is not None and _SPACE.sub("", phrase) in self.compact
        idx = self.text.find(phrase)
        while idx >= 0:  # ASCII phrases only on word boundaries
            before = self.text[idx - 1] if idx else " "
            end = idx + len(phrase)
            after = self.text[end] if end < len(self.text) else " "
            if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
                return True
            idx = self.text.find(phrase, idx + 1)
        return False

    def occurrences(self, phrase: str, cap: int) -> int:
        """How many times ``phrase`` stands in the text (ASCII ones on word boundaries), up to ``cap``."""
        count = 0
        idx = self.text.find(phrase)
        while idx >= 0 and count < cap:
            end = idx + len(phrase)
            if phrase.isascii():
                before = self.text[idx - 1] if idx else " "
                after = self.text[end] if end < len(self.text) else " "
                if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
                    count += 1
            else:
                count += 1
            idx = self.text.find(phrase, end)
        return count

    def brand_keywords(self) -> dict[str, list[str]]:
        """Brand id -> the keywords of it found in this text (one pass over the catalogue)."""
        cat = catalogue()
        found: dict[str, list[str]] = {}
        # sorted: a set's order changes from run to run; two sets, so the intersection walks the
        # smaller (a long mail's words, or the catalogue's few hundred)
        word_keys, phrase_keys = _keyword_keys()
        for word in sorted(self.words & word_keys):
            for bid in cat.word_brands[word]:
                found.setdefault(bid, []).append(word)
        for word in sorted(self.words & phrase_keys):
            for phrase, bid in cat.word_phrase_brands[word]:
                if self.has_phrase(phrase):
                    found.setdefault(bid, []).append(phrase)
        has = self._char_test()
        # an ASCII text holds none of the phrases that keep a non-ASCII character once unspaced
        by_first = _ascii_phrase_brands() if self.text.isascii() else cat.phrase_brands
        words = self.words
        for first in filter(has, by_first):
            for phrase, bid in by_first[first]:
                # the words inside the phrase first (a set test): most texts hold neither "vivo / claro / tim
                # (brazil)" nor "geek squad (best buy)", and each was a search of the whole text
                if has(phrase[-1]) and _inner_words(phrase) <= words and self.has_phrase(phrase):
                    found.setdefault(bid, []).append(phrase)
        return found

    def brands_by_look(self) -> set[str]:
        """Brands named by a word here, or by a word that looks the same (lRS → IRS). A word of one or
        two letters names none (name words have three or more; "ID" folds to the skeleton of "LCL")."""
        cat = catalogue()
        out: set[str] = set()
        for word in self.words:
            if len(word) >= 3:
                out.update(cat.name_skeletons.get(skeleton(word), ()))
        return out

    def count_phrases(self, phrases: tuple[str, ...]) -> list[str]:
        """The phrases of the list found here, in the list's order. Only phrases whose longest word
        (ASCII) or first character (others) is in the text are searched."""
        by_word, by_char, keys, ascii_by_char = _phrase_index(phrases)
        hits: set[str] = set()
        mine = self.words
        # the set intersection walks the smaller side (a long mail has thousands of words, a list a
        # few hundred keys); its order does not matter: the hits are returned in the list's order
        for word in mine & keys:
            for phrase, words in by_word[word]:
                if words <= mine and phrase in self.text:
                    hits.add(phrase)
        has = self._char_test()
        # an ASCII text holds none of the phrases that keep a non-ASCII character: each first character
        # was a search of the whole text (round 11's phrases in eight more scripts made them many)
        chars = ascii_by_char if self.text.isascii() else by_char
        for first in filter(has, chars):
            for phrase, compact in chars[first]:
                if has(compact[-1]) and compact in self.compact:
                    hits.add(phrase)
        return [p for p in phrases if p in hits] if hits else []

    @property
    def chars(self) -> frozenset[str]:
        if self._chars is None:
            self._chars = frozenset(self.text)
        return self._chars

    def has_char(self, char: str) -> bool:
        """Whether the text holds ``char``. An ASCII text answers for any other character at once
        (no set of a long mail's characters is built for the Japanese keywords it cannot hold)."""
        return self._char_test()(char)

    def _char_test(self) -> Callable[[str], bool]:
        """``has_char`` as one bound method, for the loops over a catalogue's first characters
        (a Python call per character, a hundred per text, was a few per cent of an analysis)."""
        return self.text.__contains__ if self.text.isascii() else self.chars.__contains__


_WORD_RUN = re.compile(r"[a-z0-9]+")
_JOINS_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'’")  # what a word_set word holds, or joins across


@lru_cache(maxsize=1024)
def _inner_words(phrase: str) -> frozenset[str]:
    """The words of ``phrase`` that stand inside it between two of its own characters no word holds
    or joins across (not a-z, 0-9 or an apostrophe): ``vivo / claro / tim (brazil)`` → claro, tim,
    brazil. Wherever the phrase stands in a text, these are words of the text's ``word_set`` (the
    words at its ends are not: the text's character beside one may join it to a longer word)."""
    return frozenset(m.group() for m in _WORD_RUN.finditer(phrase)
                     if m.start() > 0 and m.end() < len(phrase)
                     and phrase[m.start() - 1] not in _JOINS_WORD and phrase[m.end()] not in _JOINS_WORD)


@lru_cache(maxsize=1)
def _keyword_keys() -> tuple[frozenset[str], frozenset[str]]:
    """The one-word keywords and the longest words of the multi-word ones, as sets."""
    cat = catalogue()
    return frozenset(cat.word_brands), frozenset(cat.word_phrase_brands)


@lru_cache(maxsize=1)
def _ascii_phrase_brands() -> dict[str, tuple[tuple[str, str], ...]]:
    """``catalogue().phrase_brands`` without the phrases an ASCII text cannot hold: those with a
    non-ASCII character left after their white space is taken out (``has_phrase`` looks for the
    phrase itself, or for it unspaced in the text unspaced). Same order."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for first, entries in catalogue().phrase_brands.items():
        kept = tuple((p, bid) for p, bid in entries if _SPACE.sub("", p).isascii())
        if kept:
            out[first] = kept
    return out


_PhraseIndex = tuple[dict[str, list[tuple[str, frozenset[str]]]], dict[str, list[tuple[str, str]]], frozenset[str],
                     dict[str, list[tuple[str, str]]]]
# the catalogue's phrase lists are long-lived tuples, passed thousands of times a run: found by identity, they are
# not hashed again at each call (an lru_cache key hashes the whole tuple, thousands of phrases, every time); the
# entry holds the tuple, so its id cannot be reused while it is here
_INDEX_BY_ID: dict[int, tuple[tuple[str, ...], _PhraseIndex]] = {}
_INDEX_BY_ID_MAX = 256


def _phrase_index(phrases: tuple[str, ...]) -> _PhraseIndex:
    held = _INDEX_BY_ID.get(id(phrases))
    if held is not None and held[0] is phrases:
        return held[1]
    index = _build_phrase_index(phrases)
    if len(_INDEX_BY_ID) < _INDEX_BY_ID_MAX:
        _INDEX_BY_ID[id(phrases)] = (phrases, index)
    return index


@lru_cache(maxsize=64)
def _build_phrase_index(phrases: tuple[str, ...]) -> _PhraseIndex:
    by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
    by_char: dict[str, list[tuple[str, str]]] = {}
    for phrase in phrases:
        words, compact = _phrase_parts(phrase)
        if words:
            by_word.setdefault(max(words, key=len), []).append((phrase, words))
        else:
            by_char.setdefault(compact[0], []).append((phrase, compact))
    ascii_by_char = {first: kept for first, entries in by_char.items()
                     if (kept := [(p, c) for p, c in entries if c.isascii()])}
    return by_word, by_char, frozenset(by_word), ascii_by_char


@lru_cache(maxsize=8192)  # the catalogue and the phrase lists hold about 4,500 distinct phrases
def _phrase_parts(phrase: str) -> tuple[frozenset[str], str]:
    """(the words of an ASCII phrase that has word characters at both ends, or nothing; the
    phrase without white space). By C string methods, not the patterns (``_SPACE.sub("", phrase)``,
    ``frozenset(_WORD.findall(phrase))``: the same, a test says so): every phrase of every list is
    read here once, at the first mail."""
    compact = "".join(phrase.split()) or " "  # str.split and ``\s`` know the same white space
    if phrase.isascii() and phrase[:1].isalnum() and phrase[-1:].isalnum():
        return word_set(phrase), compact
    return frozenset(), compact


def _invert(by_brand: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for bid, words in by_brand.items():
        for w in words:
            out.setdefault(w, []).append(bid)
    return {w: tuple(bids) for w, bids in out.items()}


class TokenIndex:
    """The catalogue's brand tokens by their first two characters, so a host is matched against all
    of them in one walk over its own characters instead of one ``in`` per token (531 of them).

    ``positions(text)`` names exactly the tokens of ``[(token, bid) for token, bid in tokens if
    token in text]``, in the tokens' order (longest first): a token lies in a text where the text's
    two characters at some position start it, and only the tokens starting with those two are
    compared there."""

    __slots__ = ("_by_pair", "_order", "_short")

    def __init__(self, tokens: tuple[tuple[str, str], ...]) -> None:
        by_pair: dict[str, dict[str, None]] = {}
        order: dict[str, list[int]] = {}
        short: dict[str, None] = {}  # tokens of one character (none today), compared as before
        for i, (token, _) in enumerate(tokens):
            order.setdefault(token, []).append(i)
            if len(token) >= 2:
                by_pair.setdefault(token[:2], {})[token] = None
            elif token:
                short[token] = None
        self._by_pair = {pair: tuple(found) for pair, found in by_pair.items()}
        self._order = {token: tuple(at) for token, at in order.items()}
        self._short = tuple(short)

    def positions(self, text: str) -> list[int]:
        """The catalogue positions (``tokens[i]``) of the tokens found in ``text``, in order."""
        by_pair = self._by_pair
        seen: set[str] = set()
        for i in range(len(text) - 1):
            starting = by_pair.get(text[i : i + 2])
            if starting is not None:
                for token in starting:
                    if token not in seen and text.startswith(token, i):
                        seen.add(token)
        seen.update(t for t in self._short if t in text)
        if not seen:
            return []
        order = self._order
        return sorted(i for token in seen for i in order[token])


@lru_cache(maxsize=1)
def token_index() -> TokenIndex:
    return TokenIndex(catalogue().tokens)


def tokens_in(text: str) -> list[tuple[str, str]]:
    """(token, brand id) of every catalogue token inside ``text``, longest first (the catalogue's
    order): the same list as a loop over ``catalogue().tokens`` testing ``token in text``."""
    tokens = catalogue().tokens
    return [tokens[i] for i in token_index().positions(text)]


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """Every brand token as one pattern, longest first: one scan of a host for all of them."""
    tokens = sorted(catalogue().token_brand, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in tokens) or "(?!)")


@lru_cache(maxsize=1)
def _tokens_by_pair() -> dict[str, tuple[str, ...]] | None:
    """``token_pattern``'s tokens (longest first) by their first two characters; None when a token
    is shorter than two (none today): then the pattern itself is asked."""
    tokens = sorted(catalogue().token_brand, key=len, reverse=True)
    if any(len(token) < 2 for token in tokens):
        return None
    by_pair: dict[str, list[str]] = {}
    for token in tokens:
        by_pair.setdefault(token[:2], []).append(token)
    return {pair: tuple(found) for pair, found in by_pair.items()}


def first_token(text: str) -> str | None:
    """The token ``token_pattern().search(text)`` matches, found as the pattern finds it (the
    leftmost place a token starts, and there the first token of the pattern's order), but with
    only the tokens that start with the text's two characters there compared: the pattern tries
    its 500 alternatives at every letter (20 µs a host, a cold cost of every new host)."""
    by_pair = _tokens_by_pair()
    if by_pair is None:
        m = token_pattern().search(text)
        return m.group(0) if m is not None else None
    for i in range(len(text) - 1):
        for token in by_pair.get(text[i : i + 2], ()):
            if text.startswith(token, i):
                return token
    return None


def brands_named_in(index: TextIndex) -> set[str]:
    return set(index.brand_keywords()) | index.brands_by_look()


@dataclass(frozen=True, slots=True)
class BrandGuess:
    brand: Brand
    score: int
    where: tuple[str, ...]  # display_name | subject | body | from_domain | link_token


def detect_brand(
    display_name: str | None,
    subject: str | None,
    body: TextIndex,
    from_domain: str | None,
    link_token_brands: tuple[str, ...] = (),
    repeats: bool = False,
) -> BrandGuess | None:
    """The brand the mail presents itself as, if any. ``repeats``: text pasted without a header,
    where the body is all there is: a name the body says again in another place counts again."""
    cat = catalogue()
    # spaced-out names ("三 井 住 友", "E T C") are read without their spaces
    name_index = TextIndex(_compact_cjk(display_name or ""))
    subject_index = TextIndex(subject or "")
    scores: dict[str, int] = {}
    where: dict[str, list[str]] = {}

    def add(bid: str, points: int, place: str) -> None:
        scores[bid] = scores.get(bid, 0) + points
        where.setdefault(bid, []).append(place)

    if display_name:
        for bid in brands_named_in(name_index):
            add(bid, 3, "display_name")
    if subject:
        long_names = {w for w in subject_index.words if len(w) >= 5}
        subject_brands = set(subject_index.brand_keywords())
        subject_brands |= {bid for w in long_names & cat.name_word_brands.keys() for bid in cat.name_word_brands[w]}
        for bid in subject_brands:
            add(bid, 3, "subject")
    for bid, matched in body.brand_keywords().items():
        # "ntt docomo" and "docomo" are one mention, not two
        hits = sum(1 for m in matched if not any(m != o and m in o for o in matched))
        if repeats and hits == 1:
            hits = max(body.occurrences(m, 3) for m in matched)
        add(bid, min(hits, 3), "body")
    for bid in cat.official_for(from_domain):
        add(bid, 2, "from_domain")
    for bid in link_token_brands:
        if bid in scores:
            add(bid, 2, "link_token")
    if not scores:
        return None
    # ties go to the brand listed first in the catalogue: the order the names were found in follows
    # a set's, which changes from run to run
    rank = _catalogue_rank()
    best = max(scores, key=lambda b: (scores[b], -len(where[b]), -rank.get(b, 0)))
    if scores[best] < 2:
        return None
    return BrandGuess(cat.by_id[best], scores[best], tuple(where[best]))


@lru_cache(maxsize=1)
def _catalogue_rank() -> dict[str, int]:
    return {bid: i for i, bid in enumerate(catalogue().by_id)}


def service_for_tag(tag: str) -> str | None:
    """The service slug a sub-address tag names (``taro+rakuten@`` → ``rakuten``), if known."""
    return catalogue().tag_services.get(normalise(tag).strip()) if tag else None


_SPACED_LETTER = re.compile(r"\b([A-Za-z]) (?=[A-Za-z](?![A-Za-z]))")
_SPACED_CJK = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def _compact_cjk(text: str) -> str:
    """Join names spaced out to dodge filters: "三 井 住 友" → "三井住友", "E T C" → "ETC"."""
    text = unicodedata.normalize("NFKC", strip_invisible(text))
    if " " not in text:  # both patterns read a space (tried at every character otherwise)
        return text
    return _SPACED_CJK.sub("", _SPACED_LETTER.sub(r"\1", text))
