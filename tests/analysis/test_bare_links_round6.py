"""Issue 11, sixth round: naming the brand of a link pasted alone when its address shape is one
kit's (``bot/analysis/data/kits.toml``), when a kit's reused host carries another brand's page,
when a brand's name is written shuffled or glued to a campaign key (docs/RULES.md, "Naming the
brand of a link pasted alone"). Naming never flags a link: every link named here is flagged by
its own signs, and the ordinary links beside them stay ``no_signs``. Reserved names only."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.rules import _kit_fingerprint_of, _scrambled
from bot.i18n import t


def named(url: str) -> set[str]:
    report = analyse(url.encode())
    out = {report.brand.id} if report.brand else set()
    return out | {dict(f.params)["brand"] for f in report.findings if "brand" in dict(f.params)}


def how(url: str) -> str | None:
    for finding in analyse(url.encode()).findings:
        if finding.rule == "lookalike_domain":
            return dict(finding.params).get("how")
    return None


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://www.example.com/tetsuzuki/login.htm", "jcb"),  # MyJCB's kit
        ("https://shop.example.com/memberservice/sign", "epos"),  # EPOS Net's address copied
        ("https://www.example.net/memberservices/pc/login.php?login/login_preload.do", "epos"),
        ("https://www.example.com/icmclub-icm_login/", "jaccs"),  # @ICMクラブ
        ("http://qxvbzkwtrp.duckdns.org/ja/main", "apple"),  # an Apple ID kit's landing page (on an
        # address, a path of ordinary words names nothing since round 7: test_bare_links_round7)
        ("http://kcvmjuqx.tbdym.example/?xputr", "apple"),  # the Apple ID kit: a root and a five-letter key
        ("http://bzxvgk.ntgsmq.example/?DczwV", "apple"),
    ],
)
def test_a_kits_address_shape_names_the_brand_it_imitates(url: str, brand: str) -> None:
    report = analyse(url.encode())
    assert report.verdict in ("suspicious", "phishing")
    assert brand in named(url)
    assert how(url) == "kit"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.jcb.co.jp/tetsuzuki/login.htm",  # the brand's own site
        "https://www.eposcard.co.jp/memberservice/pc/login",
        "https://www.apple.com/?xputr",
        "https://www.example.com/?print",  # an ordinary site's root with a five-letter query
        "https://www.example.com/ja/main",  # a site's Japanese main page
        "https://www.example.com/Xapz",
    ],
)
def test_the_brands_site_and_ordinary_pages_are_not_named_or_flagged(url: str) -> None:
    report = analyse(url.encode())
    assert report.verdict == "no_signs", report.findings
    assert not named(url)


def test_a_fingerprint_never_flags_a_link_on_its_own() -> None:
    # a page on free hosting is not flagged by itself; an Apple kit's shape does not make it so
    url = "https://someone.weebly.com/ja/main"
    assert _kit_fingerprint_of(analyse(url.encode()).links[0]) == "apple"
    assert analyse(url.encode()).verdict == "no_signs"
    assert not named(url)


def test_the_page_names_the_brand_on_a_kits_reused_host() -> None:
    # a kit's host written for JCB serving AEON's page: the page is what the member sees
    assert "aeon" in named("https://myjcb.x7qzkwv.example.com/aeon")
    assert "aeon" in named("https://smbc.co.jp.example.com/aeon")
    # without a page the host still names its brand
    assert "jcb" in named("https://myjcb.x7qzkwv.example.com/")


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://raukuetanu.example.com/login", "rakuten"),  # letters shuffled, more slipped in
        ("https://www.mericar.example.com/login", "mercari"),
        ("https://jibnubacnk.example.com/login", "jibun-bank"),
    ],
)
def test_a_name_written_shuffled_on_a_kits_host_names_the_brand(url: str, brand: str) -> None:
    assert analyse(url.encode()).verdict in ("suspicious", "phishing")
    assert brand in named(url)


def test_a_shuffled_name_needs_the_names_letters_mostly_in_order() -> None:
    assert _scrambled("rakuten", "raukuetanu")
    assert not _scrambled("rakuten", "rakuten")  # the name itself is read elsewhere
    assert not _scrambled("rakuten", "rnetakuxyz")  # starts otherwise
    assert not _scrambled("mercari", "mercado")  # a letter of the name missing
    assert not _scrambled("mercari", "meaicrrx")  # every letter there, but more than one out of order
    assert not _scrambled("amazon", "amazonaws")  # the whole name inside: read elsewhere
    assert not _scrambled("rakuten", "raukuetanuxyz")  # too many letters slipped in


def test_a_shuffled_name_never_flags_a_link() -> None:
    # an ordinary site whose name happens to shuffle a brand's letters: no sign of its own, no name
    assert analyse(b"https://raukuetanu.example.com/").verdict == "no_signs"


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://www.example.com/jcbdashuiUIYEUQWI3749GYUHghhj/?m=000&t=000&ip=000", "jcb"),
        ("https://www.example.com/wAmazonKLDHKQWLJE342hujfweh342/?m=000&t=000", "amazon"),  # after one letter
        ("https://www.example.com/appleDASFwq23weqqw34eFSDFS5435ERWR/", "apple"),  # an ordinary word before a key
        ("https://www.example.com/guoshuiJKEHDFK8734JKLEWRKkjfewkljk/", "nta"),  # 国税 in pinyin
        ("https://www.example.com/chezhanJKQWEqw3eqJKEeqwkuWK78342GHJ/", "eki-net"),  # 车站
        ("https://www.example.com/wanshidaGDF3424Qeqwe312WEQWE/", "mastercard"),  # 万事达
    ],
)
def test_a_brand_glued_to_a_campaign_key_names_it(url: str, brand: str) -> None:
    assert analyse(url.encode()).verdict in ("suspicious", "phishing")
    assert brand in named(url)


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://x7qzkwv.example/heimaodd/", "yamato"),  # a bare word and two letters
        ("http://192.0.2.7/smbcun/", "smbc-card"),
        ("http://192.0.2.7/jpsmbc", "smbc-card"),  # a few letters before the name
    ],
)
def test_a_brand_with_a_few_characters_glued_names_it_on_a_flagged_link(url: str, brand: str) -> None:
    assert brand in named(url)
    # the same page on an ordinary site shows no sign and is named after nothing
    page = "https://www.example.com/" + url.split("/", 3)[3]
    assert analyse(page.encode()).verdict == "no_signs"
    assert not named(page)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/apple2024",  # a year, no key
        "https://www.example.com/applepie/",
        "https://www.example.com/guoshui/",  # the Chinese words as pages or sub-domains of their own
        "https://chezhan.example.com/",
        "https://www.wanshida.example.com/news",
    ],
)
def test_ordinary_pages_with_those_words_stay_no_signs(url: str) -> None:
    assert analyse(url.encode()).verdict == "no_signs", analyse(url.encode()).findings


def test_the_kits_way_is_said_in_both_languages() -> None:
    assert "kit" in t("en", "lookalike_how", "kit")
    assert "キット" in t("ja", "lookalike_how", "kit")


@pytest.mark.parametrize("url", [
    "http://192.0.2.10/?admin",  # a router's or a device's own page: a word as the query, not a kit's key
    "http://203.0.113.5/?login",
    "http://mycam.ddns.example/?reset",
    "http://myhost.duckdns.org/online",  # a brand's name inside an ordinary word (LINE)
    "http://203.0.113.7/timeline",
    "http://nas.dynu.net/pipeline",
    "http://203.0.113.7/nhkworld",  # a word glued on
    "http://interface.duckdns.org/",  # a word holding a brand's letters in order (Interac)
])
def test_an_ordinary_word_on_a_flagged_link_names_no_brand(url: str) -> None:
    """Review of round 6: these were named (Apple, LINE, NHK, Interac) and so turned `phishing`."""
    report = analyse(url.encode())
    assert report.brand is None, (report.brand, report.findings)
    assert report.verdict != "phishing"
