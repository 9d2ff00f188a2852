"""Each rule fires on what it names, and stays quiet on the legitimate look-alike of it."""

from __future__ import annotations

from bot.analysis.models import DomainFact
from bot.analysis.pipeline import analyse
from tests.conftest import NOW, make_mail

OFFICIAL_AUTH = "mx.example.jp; spf=pass smtp.mailfrom=amazon.co.jp; dkim=pass header.d=amazon.co.jp; dmarc=pass header.from=amazon.co.jp"


def rules(data: bytes, **kw: object) -> dict[str, str]:
    report = analyse(data, **kw)  # type: ignore[arg-type]
    return {f.rule: f.severity for f in report.findings}


def test_brand_own_aligned_mail_asking_to_log_in_is_no_signs() -> None:
    data = make_mail(
        from_="Amazon.co.jp <account-update@amazon.co.jp>", subject="Amazon.co.jp: アカウント情報の確認",
        body="アカウント情報の確認のため、https://www.amazon.co.jp/gp/css/homepage.html にログインしてください。",
        auth=OFFICIAL_AUTH, return_path="<bounce@amazon.co.jp>",
    )
    report = analyse(data)
    assert report.brand is not None and report.brand.id == "amazon" and report.brand_official
    assert report.verdict == "no_signs", report.findings
    assert not {f.rule for f in report.findings} & {"credential_lure", "brand_link_mismatch", "lookalike_domain"}


def test_the_same_mail_from_a_lookalike_is_phishing() -> None:
    data = make_mail(
        from_="Amazon.co.jp <account-update@amazon-co-jp.example.com>", subject="Amazon.co.jp: アカウント情報の確認",
        body="アカウント情報の確認のため、24時間以内に https://amazon.co.jp.signin.example.com/ にログインしてください。",
        auth="mx.example.jp; spf=pass smtp.mailfrom=amazon-co-jp.example.com; dkim=none; dmarc=none",
        return_path="<b@amazon-co-jp.example.com>",
    )
    found = rules(data)
    assert analyse(data).verdict == "phishing"
    assert found["display_name_brand"] == "high"
    assert found["brand_link_mismatch"] == "high"
    assert found["lookalike_domain"] == "high"
    assert found["credential_lure"] in ("medium", "high")
    assert found["urgency_language"] == "medium"


def test_self_sent_alone_with_passing_auth_is_not_phishing() -> None:
    data = make_mail(from_="taro.yamada@example.jp", to="taro.yamada@example.jp", subject="memo", body="買い物リスト",
                     auth="mx.example.jp; spf=pass smtp.mailfrom=example.jp; dkim=pass header.d=example.jp; dmarc=pass",
                     return_path="<taro.yamada@example.jp>")
    report = analyse(data)
    assert report.verdict != "phishing"
    assert {f.rule: f.severity for f in report.findings}.get("self_sent") == "low"


def test_envelope_mismatch_allows_an_extra_esp_signature() -> None:
    aligned = make_mail(
        from_="Shop <news@shop.example.com>", return_path="<bounces@sendgrid.net>",
        headers=[("DKIM-Signature", "v=1; d=shop.example.com; s=a; b=x"), ("DKIM-Signature", "v=1; d=sendgrid.net; s=b; b=y")],
        auth="mx.example.jp; dkim=pass header.d=shop.example.com; dkim=pass header.d=sendgrid.net; spf=pass smtp.mailfrom=sendgrid.net",
    )
    assert "envelope_mismatch" not in rules(aligned)
    unaligned = make_mail(from_="Shop <news@shop.example.com>", return_path="<x@bulk.example.net>",
                          auth="mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=pass header.d=bulk.example.net")
    assert rules(unaligned)["envelope_mismatch"] == "medium"
    listed = make_mail(from_="dev@example.com", return_path="<list-bounces@lists.example.org>",
                       headers=[("List-Id", "<devel.lists.example.org>")], auth=None)
    assert rules(listed)["envelope_mismatch"] == "low"


def test_auth_failures_map_to_rules() -> None:
    data = make_mail(auth="mx.example.jp; spf=fail smtp.mailfrom=x; dkim=fail header.d=shop.example.com; dmarc=fail")
    found = rules(data)
    assert (found["spf_fail"], found["dkim_fail"], found["dmarc_fail"]) == ("medium", "medium", "high")
    assert rules(make_mail(auth="mx.example.jp; spf=softfail smtp.mailfrom=x"))["spf_fail"] == "low"


def test_lookalikes_scale_with_name_length() -> None:
    def lookalike(url: str) -> bool:
        return "lookalike_domain" in rules(make_mail(body=f"see {url}"))

    assert lookalike("https://smbc.servicecc-jp.cc/vpass/login.php")
    assert lookalike("https://smbcard.verify.co.jp.dfg538.com/")
    assert lookalike("https://www.rakuten-card.co.jp.example.com/")  # brand token in a sub-domain
    assert lookalike("https://www.arnazon.co.jp/")  # rn → m
    # one letter off a long name counts when the mail names that brand; in a mail that names no
    # brand, a name one letter from a brand's is a coincidence (issue 11: lindows.com is not Windows)
    assert "lookalike_domain" in rules(make_mail(subject="楽天市場からのお知らせ", body="楽天市場 https://www.rakutem.co.jp/"))
    assert not lookalike("https://www.rakutem.co.jp/")
    assert not lookalike("https://www.ana.example.com/")  # short names need an exact confusable
    assert not lookalike("https://www.amazon.co.jp/")  # the real one
    assert not lookalike("https://email-bounces.amazonses.com/")  # shared infrastructure


def test_idn_homoglyph() -> None:
    assert rules(make_mail(body="https://xn--mazon-3ve.co.jp/login"))["idn_homoglyph"] == "high"
    assert "idn_homoglyph" not in rules(make_mail(body="https://xn--wgv71a119e.jp/"))  # 日本語.jp: one script


def test_href_text_mismatch_and_redirectors() -> None:
    trick = make_mail(html='<a href="https://evil.example.com/">https://www.amazon.co.jp/</a>')
    assert rules(trick)["href_text_mismatch"] == "medium"
    redirect = make_mail(html='<a href="https://click.contact.vpass.ne.jp/?u=1">https://www.smbc-card.com/</a>')
    assert "href_text_mismatch" not in rules(redirect)


def test_shortener_ip_freemail_and_leak_tag() -> None:
    found = rules(make_mail(
        to="taro+rakuten@example.jp", headers=[("Reply-To", "support.desk@gmail.com")],
        body="https://bit.ly/3xyz http://198.51.100.9/login",
    ))
    assert found["shortener_link"] == "medium"
    assert found["ip_literal_link"] == "high"
    assert found["freemail_reply_to"] == "medium"
    assert found["leak_tag"] == "info"
    report = analyse(make_mail(to="rakuten@taro.example.jp"))
    tag = next(f for f in report.findings if f.rule == "leak_tag")
    assert dict(tag.params)["service"] == "rakuten"


def test_extortion_needs_a_wallet_and_a_threat() -> None:
    body = "I recorded you through your webcam. Pay 1200 USD in bitcoin to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq within 48 hours."
    assert rules(make_mail(body=body))["extortion"] == "high"
    assert "extortion" not in rules(make_mail(body="Our bitcoin newsletter: prices rose today."))


def test_new_domain_measures_against_the_received_date_not_now() -> None:
    data = make_mail(body="https://login.fresh-domain.example.com/")  # received 2021-01-24 19:02 +0900
    fresh = {"example.com": DomainFact("example.com", "rdap", registered="2021-01-21T00:00:00+00:00")}
    report = analyse(data, domain_facts=fresh, now=NOW.replace(year=2030))
    assert dict(report.ages) == {"example.com": 3}
    assert {f.rule: f.severity for f in report.findings}["new_domain"] == "high"
    month = {"example.com": DomainFact("example.com", "rdap", registered="2021-01-01T00:00:00+00:00")}
    assert rules(data, domain_facts=month)["new_domain"] == "medium"
    old = {"example.com": DomainFact("example.com", "rdap", registered="2002-02-20T00:00:00+00:00")}
    assert "new_domain" not in rules(data, domain_facts=old)
    assert "new_domain" not in rules(data)


def test_pasted_text_measures_age_against_now() -> None:
    pasted = "こちらから https://login.fresh.example.com/ ログインしてください".encode()
    fact = {"example.com": DomainFact("example.com", "rdap", registered="2021-01-20T00:00:00+00:00")}
    assert dict(analyse(pasted, domain_facts=fact, now=NOW).ages) == {"example.com": 5}
    assert analyse(pasted, domain_facts=fact).ages == ()  # no clock in the core: no `now`, no age


def test_unregistered_link_domain() -> None:
    data = make_mail(body="https://gone.example.com/x")
    fact = {"example.com": DomainFact("example.com", "rdap", not_registered=True)}
    assert rules(data, domain_facts=fact)["unregistered_domain"] == "high"


def test_dangerous_attachment() -> None:
    data = (b'From: a@example.com\nTo: b@example.jp\nSubject: invoice\nContent-Type: multipart/mixed; boundary="q"\n\n'
            b'--q\nContent-Type: text/plain\n\nsee attached\n--q\nContent-Type: application/octet-stream\n'
            b'Content-Disposition: attachment; filename="invoice.pdf.exe"\n\nMZ\n--q--\n')
    assert rules(data)["dangerous_attachment"] == "high"


def test_display_name_with_lookalike_letters() -> None:
    found = rules(make_mail(from_="lRS.GOV <donotreply@mailer.example.com>", body="Your tax refund is ready."))
    assert found["display_name_brand"] == "high"


PASSING = "mx.example.jp; spf=pass smtp.mailfrom=corp.example.com; dkim=pass header.d=corp.example.com; dmarc=pass header.from=corp.example.com"


def test_people_named_like_brands_are_not_brands() -> None:
    for name in ("Mizuho Tanaka", "Ana Souza", "Kenji Sagawa", "Yamato Sato", "Line Manager", "Visa Application Centre",
                 "Hiroshi Apple"):
        data = make_mail(from_=f"{name} <staff@corp.example.com>", auth=PASSING, return_path="<staff@corp.example.com>",
                         body="Minutes: https://wiki.example.org/page")
        report = analyse(data)
        assert report.verdict == "no_signs", (name, report.findings)
    spoof = make_mail(from_="Mizuho Bank <info@corp.example.com>", auth=PASSING, return_path="<staff@corp.example.com>")
    assert "display_name_brand" in rules(spoof)  # the brand's longer name still counts


def test_a_brands_verified_mail_linking_its_other_sites_is_not_a_lookalike() -> None:
    data = make_mail(from_="Amazon.co.jp <store-news@amazon.co.jp>", subject="Amazon.co.jp からのお知らせ",
                     body="https://www.aboutamazon.jp/news https://amazon-shopping.example.net/ https://www.amazon.co.jp/",
                     auth=OFFICIAL_AUTH, return_path="<bounce@amazon.co.jp>")
    found = rules(data)
    assert "lookalike_domain" not in found  # its own token on a site it runs (not in our list) is not imitation
    forged = make_mail(from_="Amazon.co.jp <store-news@amazon.co.jp>", subject="Amazon.co.jp からのお知らせ",
                       body="https://amazon-shopping.example.net/", auth="mx.example.jp; dmarc=fail header.from=amazon.co.jp")
    assert rules(forged)["lookalike_domain"] == "high"


def test_a_subject_naming_a_brand_is_a_mention_and_own_links_are_not_foreign() -> None:
    data = make_mail(from_="Corner Shop <news@corp.example.com>", subject="Apple Pay・PayPay が使えるようになりました",
                     body="ログインはこちら https://shop.corp.example.com/login", auth=PASSING,
                     return_path="<news@corp.example.com>")
    report = analyse(data)
    assert "brand_link_mismatch" not in {f.rule for f in report.findings}
    assert report.verdict == "no_signs"
