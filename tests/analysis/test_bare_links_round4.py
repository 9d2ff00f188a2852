"""Issue 11, fourth round: the brand a link pasted alone shows is named, and a few more signs of a
kit's link (docs/RULES.md, ``lookalike_domain`` and ``kit_like_link``). Every link is made up on
reserved names (example.com/.net/.jp, .test, 192.0.2.0/24); the ordinary links each change must
leave alone are beside it."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.rules import _random_key, _token_typo
from bot.i18n import t


def named(url: str) -> set[str]:
    report = analyse(url.encode())
    out = {report.brand.id} if report.brand else set()
    return out | {dict(f.params)["brand"] for f in report.findings if "brand" in dict(f.params)}


def signs(url: str) -> set[str]:
    out: set[str] = set()
    for finding in analyse(url.encode()).findings:
        if finding.rule == "kit_like_link":
            out |= set(dict(finding.params)["signs"].split(","))
    return out


@pytest.mark.parametrize(("url", "brand"), [
    # a Japanese domain written into the sub-domains of a kit's host: the name before it
    ("https://www.e-tax.nta.go.jp.kqzvxw.test/", "nta"),  # the brand's own address, written out
    ("https://ana.co.jp.club.index.page.example.com/?user=1", "ana"),
    ("https://www.ekii-co-jp.account-login.example.net/", "eki-net"),  # a bare word starting it
    ("https://no-reply-aern-ne-jp.example.com/", "aeon"),  # misspelt by one letter
    ("https://epocerd.co.jp.example.net/Xk", "epos"),  # by two, from seven letters on
    ("https://www.epos.jp.link.example.com/", "epos"),
    ("https://smdc-carb.com.example.test/", "smbc-card"),  # a .com written in, misspelt
    # a brand's short name as a hyphen piece or the start of one, on a host that looks made by a kit
    ("https://orico.secure-login-jp-info.test/", "orico"),
    ("https://web-saisonscardid.secure-login-jp.example.net/", "saison"),
    ("https://my.ts3canbic.account-login.example.net/", "ts-cubic"),
    ("https://maajcb.example.com/tetsuzuki/login.htm", "jcb"),  # three letters without vowels, at an end
    # whole host pieces first: a token inside a longer word does not win over a brand's own name
    ("https://aeon-ne-jp.iiiiicloud.example.com/?3p0c2bt9", "aeon"),
    # the path of a kit's link
    ("https://www.example.com/jcblogin", "jcb"),  # a three-letter name before a sign-in word
    ("https://www.example.com/eorico/login/", "orico"),  # a bare word as a page
    ("https://shop.example.com/saisonKJKE8767EWHJ/", "saison"),  # a campaign key glued on in capitals
    ("https://www.example.com/mufgcard/newsplus/", "mufg"),
    ("https://www.example.com/Biglobe", "biglobe"),
    ("https://oricaserv.secure-login-jp-info.test/logorico", "orico"),  # after a sign-in word
    ("http://192.0.2.10/wms.sso.biglobe.ne.jp/webmail/", "biglobe"),  # an address's path names it too
    ("https://www.example.net/www.cr.mufg.jp/dc/support/index.html", "uc-card"),  # the real address as a folder
    # a brand's short name as a sub-domain of someone else's site
    ("https://amex.example.jp/", "amex"),
    ("https://maajcb.example.com/", "jcb"),
])
def test_a_bare_link_names_the_brand_it_shows(url: str, brand: str) -> None:
    report = analyse(url.encode())
    assert report.verdict in ("suspicious", "phishing"), report.findings
    assert report.brand is not None and report.brand.id == brand, (report.brand, report.findings)  # top level too


@pytest.mark.parametrize(("url", "brand"), [
    ("https://unsubscribe-mail.github.io/mail_id", "github"),  # the platform's own name
    ("https://hello-world-office-12ab.example.workers.dev/", "microsoft"),  # an ordinary word that is a label
    ("https://account.example-shop-login-info.test/", "docomo"),  # a word inside a token (d-account)
    ("https://international-trade-mall.example.test/", "volksbank"),  # inside rbinternational
    ("https://login-jp.macreai.example.test/", "hokkaido-bank"),  # a kit's own word, one letter from dogin
    ("https://post.shop.trackings.example.test/?63e4t2n4", "posta-ch"),  # post.ch's label is a word
    ("https://jcbnqn.kxqvzt.test/?zpklu", "jcb"),  # three consonants at the start of a random name
    ("https://dmmeeda.example-login-jp-info.test/", "dmm"),  # a three-letter name that is a name
    ("https://hello-world-raspy-resonance-df43.example.workers.dev/", "resona"),
])
def test_a_bare_link_does_not_name_a_brand_it_does_not_show(url: str, brand: str) -> None:
    assert brand not in named(url)


@pytest.mark.parametrize(("url", "sign"), [
    ("https://www.example.com/aeon", "brand_page"),  # a brand's page on a site not the brand's
    ("https://www.example.com/paypay/", "brand_page"),
    ("https://www.example.com/ETC-meisai-go.php", "brand_page"),
    ("https://www.example.com/eki324234oottuuoo", "brand_page"),  # an ordinary word glued to a key
    ("https://pugh.example.com/caonima=*", "kit_word"),  # a word only kits put in a path
    ("http://aeoasq.example.com/?xdvBG", "token_query"),  # a random key as the whole query
    ("https://www.example.com/?fxrkrbving", "token_query"),
    ("https://www.example.net/www.cr.mufg.jp/dc/index.html", "domain_in_path"),
])
def test_a_bare_link_shows_a_new_kit_sign_that_flags_it_alone(url: str, sign: str) -> None:
    assert sign in signs(url)
    assert analyse(url.encode()).verdict in ("suspicious", "phishing")


@pytest.mark.parametrize("url", [
    "https://www.example.com/facebook",  # a site's "follow us" link
    "https://www.example.com/twitter/",
    "https://www.example.com/news/2024/05/paypay-campaign",  # a page about a brand, in a site's folders
    "https://www.example.com/eki/",  # an ordinary word as a page of its own (a station guide)
    "https://www.example.jp/yamato.html",
    "https://eki.example.jp/",  # an ordinary word as a sub-domain
    "https://epos.example.co.uk/",  # point of sale
    "https://saison.example.fr/",
    "https://www.example.com/?login",  # a site's own bare query
    "https://www.example.com/?Print",
    "https://www.example.com/?amp",
    "https://www.example.com/search?q=HxVoT",  # a key with a name: a form's query
    "https://web.example.org/2002/www.example.com/",  # an address in a path that is no brand's
    "https://mails.example.org/archives/dev/2016-November/050658.html",
    "http://us.click.yahoo.example.com/NsdPZD/PfREAA/Ey.GAA/vUjolB/TM",
])
def test_ordinary_bare_links_stay_no_signs(url: str) -> None:
    report = analyse(url.encode())
    assert report.verdict == "no_signs", report.findings


def test_names_are_read_only_on_a_kit_s_link() -> None:
    # a bare word names a brand on a host a kit made; the same word on an ordinary host flags nothing
    assert analyse(b"https://orico.secure-login-jp-info.test/").brand is not None
    assert analyse(b"https://www.example.com/").brand is None
    assert analyse(b"https://news.example.com/orico/2024/05/results").verdict == "no_signs"  # deep in a site


def test_a_word_inside_a_token_is_no_misspelling() -> None:
    assert _token_typo("account") is None  # d-account minus its first letter is a word
    assert _token_typo("merceri") is not None  # a misspelt name still is one


@pytest.mark.parametrize(("query", "random"), [
    ("HxVoT", True), ("fxrkrbving", True), ("ozDaS", True),
    ("login", False), ("Print", False), ("amp", False), ("PDF", False), ("page=2", False),
])
def test_random_key(query: str, random: bool) -> None:
    assert _random_key(query) is random


def test_bare_links_in_a_mail_are_not_read_this_way() -> None:
    # a mail's links are weighed with its text: a brand's page or a bare word in a link says nothing there
    from tests.conftest import make_mail
    data = make_mail(from_="Shop <info@shop.example.com>", subject="Our partners",
                     body="See https://www.example.com/aeon and https://orico.example.net/ for the offers.")
    report = analyse(data)
    assert report.verdict == "no_signs", report.findings


@pytest.mark.parametrize("sign", ["brand_page", "kit_word", "token_query"])
def test_the_new_signs_are_said_in_both_languages(sign: str) -> None:
    assert sign not in t("en", "link_sign", sign)
    assert not t("ja", "link_sign", sign).isascii()
