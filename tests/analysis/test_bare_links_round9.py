"""Issue 11 §4, ninth round: a link pasted alone names the brand its host or page shows, written
loosely the way kits write it (docs/RULES.md, "Ninth round"). Each class has its kit reading and
the ordinary reading it must not take. Reserved names only: brand tokens on example-style and
``.test`` hosts, addresses of 192.0.2.0/24; a host is made a kit's by a login page or a made-up
name (``qxvbzk``), never by a real kit's address."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.rules import (
    _brand_loosely_written_in,
    _capitals_page_brand,
    _digit_split_page_brand,
    _glued_domain_brand,
    _key_page_brand,
    _misspelt_page_brand,
    _name_before_junk,
    _split_page_brand,
    _written_brand,
)


def named(url: str) -> set[str]:
    report = analyse(url.encode())
    out = {report.brand.id} if report.brand else set()
    return out | {dict(f.params)["brand"] for f in report.findings if "brand" in dict(f.params)}


# --- a name split after its first letter, a kit's key glued on (t-catkgmx) -------------------------


@pytest.mark.parametrize("url", [
    "https://osc36.t-catkgmx.example/login",
    "https://t-catkgmx.x7q.example/index.html",
])
def test_a_split_name_with_a_key_glued_on_is_read(url: str) -> None:
    assert "yamato" in named(url)
    assert analyse(url.encode()).verdict == "phishing"


def test_a_split_name_before_a_word_is_not() -> None:
    assert _name_before_junk("tcatkgmx") == "yamato"
    assert _name_before_junk("tcatering") is None  # t-catering: a word goes on after the name
    assert "yamato" not in named("https://t-catering.example.com/login")


# --- a Japanese domain glued into one word (kurashi3tepcocojp, /web.plalaorjp/) --------------------


def test_a_glued_japanese_domain_names_the_brand_before_it() -> None:
    assert _glued_domain_brand("kurashi3tepcocojp") == "tepco"
    assert _glued_domain_brand("plalaorjp") == "plala"
    assert _glued_domain_brand("cojp") is None  # nothing before it
    assert _glued_domain_brand("xtepcocojp") is None  # a letter before the name: not its start
    assert "tepco" in named("https://kurashi3tepcocojp.example.com/login")
    assert "plala" in named("https://qxvbzk.test/web.plalaorjp/")
    assert "plala" in named("https://qxvbzk.test/mailplala.or.jp")  # the official domain after a mail word


def test_an_ordinary_page_named_cojp_names_nothing() -> None:
    assert analyse(b"https://www.example.com/help/cojp").verdict == "no_signs"


# --- a vowel-less three-letter name with one or two letters after it (jcbb, jcbgw) ----------------


@pytest.mark.parametrize("url", ["https://jcbb.example.com/login", "https://jcbgw.test/Myid"])
def test_a_short_name_with_a_letter_or_two_after_it(url: str) -> None:
    assert "jcb" in named(url)


def test_a_short_name_inside_a_random_name_still_names_nothing() -> None:
    assert not named("https://jcbnqnx.test/login")  # longer than two letters after it: chance


# --- a whole name numbered as a kit numbers its hosts (yamaha01) ----------------------------------


def test_a_numbered_name_is_read() -> None:
    assert _written_brand("yamaha01", False) == "yamaha"
    assert "yamaha" in named("https://www.yamaha01.test/login")


def test_a_word_with_a_number_is_not_a_name() -> None:
    assert _written_brand("login01", False) is None  # a kit's own word
    assert _written_brand("shop24", False) is None


# --- a page named by a brand's name and a campaign key (applesca21xcza, amazoWQYJK...) ------------


@pytest.mark.parametrize(("segment", "brand"), [
    ("applesca21xcza", "apple"),  # letters, digits, letters
    ("sagawacsa31exp", "sagawa"),
    ("amazowqyjkeuqwe3424DASJHDA", "amazon"),  # the name without its last letter, a key in capitals
    ("wAmazoenKLDHKQWewLJE342", "amazon"),
])
def test_a_name_before_a_campaign_key(segment: str, brand: str) -> None:
    assert _key_page_brand(segment) == brand
    assert brand in named(f"http://192.0.2.10/{segment}/")


@pytest.mark.parametrize("segment", ["amazon2024sale", "apple2go", "amazonian2024", "amazonia2024x",
                                     "amazonia2024tour", "amazoniatour2024"])
def test_a_page_of_words_and_a_year_is_no_key(segment: str) -> None:
    assert _key_page_brand(segment) is None


# --- a short page name before a kit's step (smbct-login) ------------------------------------------


def test_a_short_page_name_before_a_step() -> None:
    assert "smbc-card" in named("https://www.example.com/smbct-login")


def test_a_blogs_page_about_a_login_names_nothing() -> None:
    assert not named("https://blog.example.com/howto-login")


# --- a customer's bucket on infrastructure that is also a free host -------------------------------


def test_a_brand_in_a_buckets_name_is_read_and_the_platform_is_not() -> None:
    assert "smbc-card" in named("https://smbc-x7q.s3.ap-northeast-1.amazonaws.com/3.html")
    assert not named("https://x7q-0710.s3.ap-northeast-1.amazonaws.com/3.html")  # amazonaws is no Amazon page
    assert not named("https://mybucket.s3.ap-northeast-1.amazonaws.com/index.html")


# --- a page whose letters of one case spell the name (SMzBeuCs, jZcEbUs), or its letters between
# digits (m11j22c33b44) -----------------------------------------------------------------------------


@pytest.mark.parametrize(("segment", "brand"), [("SMzBeuCs", "smbc-card"), ("jZcEbUs", "jcb")])
def test_letters_of_one_case_that_spell_a_name(segment: str, brand: str) -> None:
    assert _capitals_page_brand(segment) == brand
    assert brand in named(f"http://192.0.2.10/{segment}/")


@pytest.mark.parametrize("segment", ["SignMeBack", "SMBC", "smzbeucs", "ReadMe", "AboutUsJapanCompanyProfile",
                                     "GetJcbCard", "iPhone", "myPage"])
def test_a_camel_case_page_or_a_name_in_one_case_is_not_read_so(segment: str) -> None:
    assert _capitals_page_brand(segment) is None  # (SMBC in capitals is read by the page's name rules)


def test_letters_between_digits_that_spell_a_name() -> None:
    assert _digit_split_page_brand("m11j22c33b44") == "jcb"
    assert "jcb" in named("http://192.0.2.10/m11j22c33b44/")
    assert _digit_split_page_brand("a1b2c3") is None  # letters that spell no name
    assert _digit_split_page_brand("v1r2") is None  # a version, not three letters


# --- a page that is a long name misspelt (japeanposder) --------------------------------------------


def test_a_misspelt_long_name_as_the_page() -> None:
    assert _misspelt_page_brand("japeanposder") == "japanpost"
    assert "japanpost" in named("http://192.0.2.10/japeanposder/")


@pytest.mark.parametrize("segment", ["japanese", "japanpost", "documentation", "jpnews"])
def test_a_word_or_the_name_itself_is_no_misspelt_page(segment: str) -> None:
    assert _misspelt_page_brand(segment) is None  # (the name itself is read by the page's name rules)


# --- a four-letter name without vowels split by one or two letters before a key (smywbc641…) ------


def test_a_split_short_name_before_a_key() -> None:
    assert _split_page_brand("smywbc641yr1da9c88") == "smbc-card"
    assert "smbc-card" in named("http://192.0.2.10/smywbc641yr1da9c88")


@pytest.mark.parametrize("segment", ["smallbc2024", "smywbc", "smbc641", "sabc12"])
def test_a_word_or_the_whole_name_is_not_a_split_name(segment: str) -> None:
    assert _split_page_brand(segment) is None  # a word, no key, the name whole, another name


# --- a long name misspelt and cut short (ameriacnexpre) --------------------------------------------


@pytest.mark.parametrize("host", ["ameriacnexpre.co.jp-login.x7q.example", "amercianexpre.account-login.x7q.example"])
def test_a_long_name_misspelt_and_cut_short(host: str) -> None:
    assert _brand_loosely_written_in(host) == "amex"
    assert "amex" in named(f"https://{host}/EswWkqOnv3")


def test_a_word_that_starts_like_a_long_name_is_not_it() -> None:
    assert _brand_loosely_written_in("americanhistory.example") is None
    assert _brand_loosely_written_in("amendmentsnews.example") is None
