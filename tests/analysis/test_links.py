"""Links: found, refanged, never fetched; shown only defanged."""

from __future__ import annotations

import time

from bot.analysis.domains import edit_distance, org_domain, skeleton, to_ascii_host
from bot.analysis.links import defang_url, html_facts, make_link, refang, urls_in_text


def test_refang_common_forms() -> None:
    assert refang("hxxps://a[.]example[.]com/x") == "https://a.example.com/x"
    assert refang("hxxp[:]//b(.)example(.)jp") == "http://b.example.jp"
    assert refang("visit example[dot]com") == "visit example.com"
    assert urls_in_text("→ hxxps://smbc[.]servicecc-jp[.]cc/vpass/login.php?uid=1", 10) == [
        "https://smbc.servicecc-jp.cc/vpass/login.php?uid=1"
    ]


def test_defang_hides_the_query_and_breaks_the_link() -> None:
    assert defang_url("https://smbc.servicecc-jp.cc/vpass/login.php?uid=8f3a91c2") == (
        "hxxps://smbc[.]servicecc-jp[.]cc/vpass/login[.]php?…"
    )
    assert defang_url("http://198.51.100.7:8080/a") == "hxxp://198[.]51[.]100[.]7:8080/a"


def test_links_inside_a_path_are_defanged_too() -> None:
    assert defang_url("https://redirect.example.com/https://evil-login.example.com/a?x=1") == (
        "hxxps://redirect[.]example[.]com/hxxps://evil-login[.]example[.]com/a?…"
    )
    assert defang_url("https://r.example.com/www.x.example.com/@y.example.com/") == (
        "hxxps://r[.]example[.]com/www[.]x[.]example[.]com/@y[.]example[.]com/"
    )
    assert defang_url("https://r.example.com/go/steam://run/1") == "hxxps://r[.]example[.]com/go/steam[:]//run/1"


def test_percent_encoded_addresses_in_a_path_are_masked() -> None:
    url = "https://r.example.com/u/hanako.yamada%40victim-corp.example.jp/x/taro%2540example.jp/"
    shown = defang_url(url)
    assert "hanako" not in shown and "taro" not in shown
    assert "h***%40victim-corp[.]example[.]jp" in shown and "t***%2540example[.]jp" in shown
    assert "yamada" not in defang_url("https://r.example.com/p/yamada/", ("yamada",))


def test_urls_in_japanese_text_stop_at_japanese() -> None:
    text = "こちら→https://example.com/loginからログイン。「www.example.net」も参照"
    assert urls_in_text(text, 10) == ["https://example.com/login", "http://www.example.net"]


def test_registrable_domains_offline() -> None:
    assert org_domain("smbc.servicecc-jp.cc") == "servicecc-jp.cc"
    assert org_domain("smbcard.verify.co.jp.dfg538.com") == "dfg538.com"
    assert org_domain("a.b.example.co.jp") == "example.co.jp"
    assert org_domain("198.51.100.7") is None
    assert org_domain("jp") is None


def test_idn_and_ip_links() -> None:
    link = make_link("https://xn--mazon-3ve.co.jp/", "text")
    assert link is not None and link.unicode_host is not None and link.registrable_domain == "xn--mazon-3ve.co.jp"
    unicode_link = make_link("https://аmazon.co.jp/", "text")  # Cyrillic а
    assert unicode_link is not None and unicode_link.host.startswith("xn--")
    ip = make_link("http://3232235777/x", "text")
    assert ip is not None and ip.is_ip
    assert make_link("javascript:alert(1)", "html") is None
    assert to_ascii_host("ＥＸＡＭＰＬＥ。ｃｏｍ") == "example.com"


def test_confusable_skeletons_and_distance() -> None:
    assert skeleton("arnazon") == skeleton("amazon")
    assert skeleton("paypa1") == skeleton("paypal")
    assert skeleton("аррle") == skeleton("apple")  # Cyrillic а and р
    assert edit_distance("rakuten", "rakuen", 2) == 1
    assert edit_distance("amazon", "amzaon", 2) == 1  # transposition
    assert edit_distance("a" * 60, "b" * 60, 2) == 3  # stops early


def test_html_is_parsed_not_rendered() -> None:
    facts = html_facts(
        "<html><head><title>t</title><script>var s='<a href=\"https://in-script.example.com\">';</script></head>"
        "<body><a href='https://real.example.com/'>https://shown.example.jp/</a>"
        "<meta http-equiv='refresh' content='0; url=https://refresh.example.org/'>"
        "<iframe src='https://frame.example.net/'></iframe><p>Visible text</p></body></html>"
    )
    assert facts.anchors == [("https://real.example.com/", "https://shown.example.jp/")]
    assert facts.meta_refresh == ["https://refresh.example.org/"]
    assert facts.resources == ["https://frame.example.net/"]
    assert "Visible text" in facts.text and "in-script" not in facts.text


def test_pathological_url_text_is_linear() -> None:
    hostile = "http://" + "a." * 200_000
    started = time.perf_counter()
    urls = urls_in_text(hostile, 1000)
    assert time.perf_counter() - started < 5  # a guard against catastrophic backtracking, not a benchmark
    assert all(len(u) < 5000 for u in urls)
    assert all(make_link(u, "text") is None or len(make_link(u, "text").host) <= 253 for u in urls)  # type: ignore[union-attr]


def test_prepared_public_suffix_list_answers_like_the_library() -> None:
    from publicsuffixlist import PublicSuffixList

    from bot.analysis.domains import _psl

    stock = PublicSuffixList(only_icann=True)
    ours = _psl()
    hosts = ["smbc.servicecc-jp.cc", "a.b.example.co.jp", "www.city.kawasaki.jp", "x.kawasaki.jp", "foo.github.io",
             "x.東京.jp", "x.xn--1lqs71d.jp", "a.b.xn--fiqs8s", "deep.a.b.c.example.com.br", "example.uk",
             "www.example.ck", "www.ck", "a.blogspot.com", "unknown.tld-that-is-not", "EXAMPLE.COM"]
    for host in hosts:
        assert ours.privatesuffix(host.lower()) == stock.privatesuffix(host.lower()), host
        assert ours.publicsuffix(host.lower()) == stock.publicsuffix(host.lower()), host


def test_a_flood_of_anchors_is_read_up_to_a_bound() -> None:
    """A page of 30,000 anchors (over the tags a page is parsed with as it is) keeps its first
    MAX_KEPT_TAGS tags of facts: the first links are read, the parser's tree stays bounded."""
    from bot.analysis.links import MAX_KEPT_TAGS, flatten_html, html_facts

    page = "<p>hello</p>" + "".join(f'<a href="https://l{i}.example.com/">x</a><span>y</span>' for i in range(30_000))
    flat = flatten_html(page)
    assert flat.count("<a ") == MAX_KEPT_TAGS
    facts = html_facts(page)
    assert len(facts.anchors) == MAX_KEPT_TAGS
    assert facts.anchors[0][0] == "https://l0.example.com/"
    # a flood must not hide what comes after it: only anchors are capped (review of round 6)
    hidden = page + "<form action='http://203.0.113.9/p.php'><input type=password></form><script>var a=1;</script>"
    facts = html_facts(hidden)
    assert facts.forms == [("http://203.0.113.9/p.php", True)]
    assert "var a=1" not in facts.text
    small = "".join(f'<a href="https://l{i}.example.com/">x</a>' for i in range(100))
    assert flatten_html(small) == small  # an ordinary page is parsed as it is


def test_yandex_forms_is_a_form_service() -> None:
    from bot.analysis.pipeline import analyse

    report = analyse(b"https://forms.yandex.com/u/65a1b2c3d4e5f6/\n")
    assert "free_hosting_link" in {f.rule for f in report.findings}
    report = analyse(b"https://yandex.com/maps/\n")
    assert "free_hosting_link" not in {f.rule for f in report.findings}


def test_a_page_on_a_platform_named_for_a_brand_is_no_look_alike_in_mail() -> None:
    # round 11: a forum's signed notice linking a member's GitHub Pages blog read "phishing" (lookalike, token)
    from bot.analysis.pipeline import analyse
    from tests.conftest import make_mail

    auth = ("mx.example.jp; spf=pass smtp.mailfrom=forum.example.com; dkim=pass header.d=forum.example.com; "
            "dmarc=pass header.from=forum.example.com")
    report = analyse(make_mail(from_="Example Forum <noreply@forum.example.com>", subject="New reply",
                               body="Hanako replied: I moved my blog to https://hanako-sato.github.io/blog/\n"
                                    "View: https://forum.example.com/t/123", auth=auth,
                               return_path="<b@forum.example.com>"))
    assert "lookalike_domain" not in {f.rule for f in report.findings}
    assert report.verdict == "no_signs"
    # the brand in the customer's own labels still counts
    unaligned = "mx.example.jp; spf=softfail smtp.mailfrom=x.example.net; dmarc=fail header.from=x.example.net"
    report = analyse(make_mail(from_="Support <noreply@x.example.net>", subject="Security alert",
                               body="Your account was accessed. Verify now: https://github-login.github.io/verify/",
                               auth=unaligned))
    assert "lookalike_domain" in {f.rule for f in report.findings}
