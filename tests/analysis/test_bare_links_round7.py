"""Issue 11 §4, seventh round: the precision of a link pasted alone. A link from ordinary mail
pasted alone stays ``no_signs``, and a brand is named only when the link's own shape says so
(docs/RULES.md, "Seventh round"). Each class has its false reading fixed and its kit reading kept.
Reserved names only (the dynamic-DNS providers are the platforms themselves, as in round 6)."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.rules import _abbreviated, _kit_made_name, _link_signs, _scrambled


def named(url: str) -> set[str]:
    report = analyse(url.encode())
    out = {report.brand.id} if report.brand else set()
    return out | {dict(f.params)["brand"] for f in report.findings if "brand" in dict(f.params)}


def signs(url: str) -> tuple[str, ...]:
    return _link_signs(analyse(url.encode()).links[0], True)


# --- a site named by well-known abbreviations is no string of pinyin initials --------------------


@pytest.mark.parametrize("url", [
    "https://www.npmjs.test/",
    "https://cdnjs.test/libraries",
    "https://www.msnbc.test/",
    "https://www.msnbc.test/politics",
    "https://www.pdfjs.example/viewer",
])
def test_a_name_built_of_abbreviations_stays_no_signs(url: str) -> None:
    assert "initials_name" not in signs(url)
    assert analyse(url.encode()).verdict == "no_signs"


@pytest.mark.parametrize("url", ["https://hkgqs.test/", "https://nbxljs.test/oshirase", "https://www.whdgcb.example/jj"])
def test_pinyin_initials_still_read(url: str) -> None:
    assert "initials_name" in signs(url)
    assert analyse(url.encode()).verdict == "suspicious"


def test_abbreviated_splits_whole_names_only() -> None:
    assert _abbreviated("npmjs") and _abbreviated("cdnjs") and _abbreviated("msnbc")
    assert not _abbreviated("nbxljs")  # nbxl is no abbreviation
    assert not _abbreviated("jsjs")  # two-letter pieces alone are no name
    assert not _abbreviated("cdn")  # one abbreviation is no split


# --- a publication's page named for a brand is an article -----------------------------------------


@pytest.mark.parametrize("url", [
    "https://blog.example.com/rakuten-card",
    "https://blog.example.com/aeon",
    "https://news.example.jp/mercari",
    "https://media.example.net/paypay/",
])
def test_a_blogs_page_named_for_a_brand_stays_no_signs(url: str) -> None:
    assert "brand_page" not in signs(url)
    assert analyse(url.encode()).verdict == "no_signs"
    assert not named(url)


def test_a_kits_page_on_a_borrowed_site_is_still_read() -> None:
    assert "brand_page" in signs("https://www.example.com/aeon")
    assert "aeon" in named("https://www.example.com/aeon")
    assert "aeon" in named("https://shop.example.com/aeon")


# --- a shuffled name brings no letters of its own ---------------------------------------------------


@pytest.mark.parametrize(("name", "piece"), [("mercari", "mercurial"), ("monero", "moderation"),
                                             ("openai", "operation"), ("adacde", "advanced")])
def test_a_word_holding_a_names_letters_is_not_a_shuffle(name: str, piece: str) -> None:
    assert not _scrambled(name, piece)


@pytest.mark.parametrize(("name", "piece"), [("rakuten", "raukuetanu"), ("mercari", "mericar"),
                                             ("jibunbank", "jibnubacnk"), ("mercari", "mercairjp")])
def test_a_kits_shuffle_is_still_read(name: str, piece: str) -> None:
    assert _scrambled(name, piece)


@pytest.mark.parametrize("url", ["http://mercurial.duckdns.org/", "https://moderation.ddns.net/login"])
def test_a_home_server_named_by_a_word_names_no_brand(url: str) -> None:
    report = analyse(url.encode())
    assert report.verdict == "suspicious"  # a dynamic-DNS host, by its own rule
    assert not named(url)


# --- a path of ordinary words on an address or a chosen dynamic-DNS name names no brand ------------


@pytest.mark.parametrize("url", [
    "http://192.0.2.10/ja/main",
    "http://192.0.2.20/memberservice/",
    "http://198.51.100.2/tetsuzuki/login.htm",
    "http://myhome.duckdns.org/ja/main",
    "http://mynas.ddns.net/memberservice/",
    "https://myserver.no-ip.org/tetsuzuki/login.htm",
])
def test_a_devices_page_of_ordinary_words_is_suspicious_not_named(url: str) -> None:
    report = analyse(url.encode())
    assert report.verdict == "suspicious", report.findings
    assert not named(url)


@pytest.mark.parametrize(("url", "brand"), [
    ("http://qxvbzkwtrp.duckdns.org/ja/main", "apple"),  # a name the kit made
    ("https://www.example.com/tetsuzuki/login.htm", "jcb"),  # a borrowed site: its own signs flag it
    ("http://192.0.2.10/?xputr", "apple"),  # a kit's random key is no word of a device's page
])
def test_a_kits_fingerprint_still_names_its_brand(url: str, brand: str) -> None:
    assert brand in named(url)
    assert analyse(url.encode()).verdict == "phishing"


def test_kit_made_names_on_dynamic_dns() -> None:
    assert _kit_made_name("qxvbzkwtrp.duckdns.org")
    assert not _kit_made_name("myhome.duckdns.org")
    assert _kit_made_name("www.example.com")  # not on a provider: judged by its other signs


# --- a JavaScript library's release is no dropper ---------------------------------------------------


@pytest.mark.parametrize("url", [
    "https://code.example.com/jquery-3.7.1.min.js",
    "https://cdn.example.net/npm/vue@3/dist/vue.global.js",
    "https://cdn.example.com/ajax/libs/lodash.js/4.17.21/lodash.min.js",
])
def test_a_library_build_stays_no_signs(url: str) -> None:
    assert analyse(url.encode()).verdict == "no_signs"


@pytest.mark.parametrize("url", [
    "https://files.example.com/invoice.js",
    "http://192.0.2.10/jquery-3.7.1.min.js",  # on an address: no library is served so
    "https://files.example.com/Setup.exe",
])
def test_a_dropper_is_still_malware(url: str) -> None:
    assert analyse(url.encode()).verdict == "malware"


# --- a four-letter name inside a word names nothing on a host that looks ordinary -----------------


@pytest.mark.parametrize("url", ["https://www.bluebayresort.example/", "https://www.beforewemeet.example/"])
def test_a_short_name_inside_a_word_names_nothing(url: str) -> None:
    assert analyse(url.encode()).verdict == "no_signs"
    assert not named(url)


@pytest.mark.parametrize(("url", "brand"), [
    ("https://aeonfgse.test/", "aeon"),  # starting the name
    ("https://ebay-verify.example.com/", "ebay"),  # a piece of its own
    ("https://www.xkqzvebayq.example/", "ebay"),  # inside a name a kit made
])
def test_a_short_name_is_still_read_where_a_kit_writes_it(url: str, brand: str) -> None:
    assert brand in named(url)


def test_an_abbreviated_name_is_not_random_looking_either() -> None:
    # after initials_name stopped reading npmjs as pinyin, kit_like_link still called it a
    # random-looking label in a medium finding under a no_signs verdict
    for url in ("https://www.npmjs.com/package/x", "https://cdnjs.com/libraries", "https://www.msnbc.com/"):
        report = analyse((url + "\n").encode())
        assert report.verdict == "no_signs" and not report.findings, url
    assert analyse(b"http://ktqfqzno.com/\n").verdict != "no_signs"  # a label no one reads still is


def test_a_four_letter_brand_after_my_is_still_named() -> None:
    # the round's review: myebayshop.com went from phishing to no_signs with the inside-a-word rule;
    # "my" + the brand is how services name a member's pages (My eBay, MyAEON), so kits copy it
    for url, brand in (("http://myebayshop.com/", "ebay"), ("http://myaeon-card.com/", "aeon")):
        report = analyse((url + "\n").encode())
        assert report.verdict == "phishing" and report.brand is not None and report.brand.id == brand, url
    assert analyse(b"http://bluebayantigua.com/\n").verdict == "no_signs"  # still nothing inside a word
