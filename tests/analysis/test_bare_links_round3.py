"""Issue 11, third round: what a link pasted alone shows (docs/RULES.md, ``kit_like_link``), each
sign on a made-up link with reserved names, and the ordinary links each must leave alone."""

from __future__ import annotations

import pytest

from bot.analysis.hostnames import pinyin_name
from bot.analysis.pipeline import analyse
from bot.analysis.rules import _unreadable_word


def signs(url: str) -> set[str]:
    report = analyse(url.encode())
    out: set[str] = set()
    for finding in report.findings:
        if finding.rule == "kit_like_link":
            out |= set(dict(finding.params)["signs"].split(","))
    return out


@pytest.mark.parametrize(("url", "sign"), [
    ("https://shop.example.com/jcblogin", "login_path"),  # a sign-in page at the top of a site
    ("https://shop.example.com/user_login/", "login_path"),
    ("https://shop.example.com/apsigninopenid?x=1", "login_path"),
    ("https://shop.example.com/memberservice/index.html", "login_path"),
    ("https://shop.example.com/japan.php", "login_path"),  # a script named for the country
    ("https://continue-checkout.example.net/", "kit_subdomain"),  # a step of a form as a sub-domain
    ("https://my.account-login.example.net/", "kit_subdomain"),
    ("https://accoun.example.com/", "kit_subdomain"),  # misspelt
    ("https://no-reply-aeon-jp.example.org/", "kit_subdomain"),
    ("https://zhongxinmaoyi.test/", "pinyin_name"),  # a name made of pinyin words
    ("https://www.boyiguanggao16.test/", "pinyin_name"),
    ("https://www.kxnvybf.test/", "unreadable_name"),  # typed by a machine
    ("https://part.ythzyxh.test/", "unreadable_name"),
    ("https://www.example.com/smywbc641yr1da9c88", "token_path"),  # the path one campaign key
    ("http://shop-jp.example.net/1K2efjwHhJj49pU13k/", "token_path"),
    ("https://www.example.com/mail.example.co.jp/index.html", "domain_in_path"),  # an address as a folder
    ("https://www.example.com/id.example.ne.jp/jp/377f43b4", "domain_in_path"),
    ("https://default._bimi.example.com/", "dns_record_host"),  # a DNS record's name serves no page
])
def test_a_bare_link_shows_a_kit_sign_that_flags_it_alone(url: str, sign: str) -> None:
    assert sign in signs(url)
    assert analyse(url.encode()).verdict in ("suspicious", "phishing")


@pytest.mark.parametrize("url", [
    "https://forum.example.org/members/",  # a site's members' area
    "https://account.example.com/",  # a site's own account pages
    "https://billing.example.com/invoices",
    "https://www.example.com/help/account/login.html",  # a login page deep in a site
    "https://www.example.com/jp/",  # a site's Japanese pages
    "https://www.example.com/authors/",
    "https://www.example.com/espresso-machines",
    "https://www.youtube.com/watch?v=abc",
    "https://www.example.com/ubique",
    "https://www.example.com/products2024",
    "https://www.example.com/account/user/login.html",  # a site's own sign-in page, in its folders
    "https://www.example.com/news/co-jp-partnership",  # a page about a company  # a page's name with a year
    "https://www.example.com/docs/1K2efjwHhJj49pU13k",  # a token inside a site's folders
    "http://www.poetrypreviews.example/",  # English compounds with consonant clusters
    "http://www.fightcloud.example/",
    "http://www.rhythms.example/",
])
def test_ordinary_bare_links_stay_no_signs(url: str) -> None:
    assert analyse(url.encode()).verdict == "no_signs", analyse(url.encode()).findings


def test_a_login_path_is_not_read_in_a_mail() -> None:
    # a mail's links are weighed with its text: the bare-link signs are not counted there
    from tests.conftest import make_mail
    data = make_mail(from_="Shop <info@shop.example.com>", subject="Your account",
                     body="Sign in at https://shop.example.com/login to see your order.")
    assert not signs(data.decode()) or "login_path" not in signs(data.decode())
    assert all("login_path" not in dict(f.params).get("signs", "") for f in analyse(data).findings)


@pytest.mark.parametrize(("label", "expected"), [
    ("xiaoyudian", True), ("likangshangmao", True), ("wanghong-huizhan", True),
    ("youtube", False), ("ubique", False), ("mobilesuica", False), ("kuronekoyamato", False),
    ("shanghai", False),  # two syllables with no mark: a word other languages write too
    ("bao", False),
])
def test_pinyin_names(label: str, expected: bool) -> None:
    assert pinyin_name(label) is expected


@pytest.mark.parametrize(("word", "expected"), [
    ("dyxdjxx", True), ("zylyswkj", True), ("hxczykt", True),
    ("freshrpms", False), ("tightvnc", False), ("strengths", False), ("glitschka", False), ("lnksrv", False),
])
def test_unreadable_words(word: str, expected: bool) -> None:
    assert _unreadable_word(word) is expected


def test_a_misspelt_brand_on_a_host_with_a_bare_link_sign_is_named() -> None:
    report = analyse(b"https://www.rekuten.wanghonghuizhan.test/")
    assert report.verdict == "phishing"
    assert report.brand is not None and report.brand.id == "rakuten"
    # the same misspelling on an ordinary host is a coincidence, not a look-alike
    assert analyse(b"https://rekuten.example.com/").verdict == "no_signs"


@pytest.mark.parametrize("sign", ["login_path", "kit_subdomain", "pinyin_name", "unreadable_name", "token_path",
                                  "domain_in_path", "dns_record_host"])
def test_every_new_sign_is_said_in_both_languages(sign: str) -> None:
    from bot.i18n import t
    assert sign not in t("en", "link_sign", sign)
    assert not t("ja", "link_sign", sign).isascii()  # said in Japanese, not the English fallback
