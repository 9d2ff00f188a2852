"""Cases found in review: what leaked, what was evaded, what crashed. Each stays fixed."""

from __future__ import annotations

import json

from bot.analysis.headers import parse_address
from bot.analysis.pipeline import analyse
from bot.analysis.privacy import mask_address
from bot.analysis.safe_text import present_text
from tests.conftest import make_mail
from tests.presentation_helpers import to_dict, to_text


def everything_shown(data: bytes) -> str:
    report = analyse(data)
    obj = to_dict(report, "en")
    return json.dumps(obj, ensure_ascii=False) + to_text(report, "ja") + to_text(report, "en")


def test_no_address_or_live_link_in_any_output() -> None:
    data = make_mail(
        from_='"山田太郎様 amazon.co.jp" <info@evil.example>', to='"山田太郎" <taro.yamada@example.jp>',
        subject="taro.yamada@example.jp 様 https://user@evil.example/login?u=taro www.evil.example/p?q=1",
        html='<a href="https://evil.example/u/taro.yamada@example.jp/x?tok=1">taro.yamada@example.jp</a>',
        headers=[("Content-Transfer-Encoding", "x-taro.yamada@example.jp")],
    )
    shown = everything_shown(data)
    assert "taro.yamada@" not in shown
    assert "山田太郎" not in shown
    assert "https://" not in shown and "http://" not in shown
    machine = ('"host": "evil.example"', '"registrable_domain": "evil.example"', '"domain": "evil.example"', "***@evil.example")
    for field in machine:  # machine-readable fields and masked addresses keep plain names (SPEC §4)
        shown = shown.replace(field, "")
    assert "evil.example" not in shown
    assert "tok=1" not in shown and "u=taro" not in shown


def test_present_text() -> None:
    assert present_text("見て https://a.example.com/x?id=1 と amazon.co.jpで") == "見て hxxps://a[.]example[.]com/x?… と amazon[.]co[.]jpで"
    assert present_text("ｅｖｉｌ．ｅｘａｍｐｌｅ") == "ｅｖｉｌ[.]ｅｘａｍｐｌｅ"
    assert present_text("hxxps://a[.]b.example/p") == "hxxps://a[.]b[.]example/p"
    assert present_text("山田太郎様", ("山田太郎",)) == "山***様"


def test_an_ip_address_is_defanged_like_a_name() -> None:
    # a link to a bare address is shown defanged in every sentence and evidence, not only in its URL
    assert present_text("(192.0.2.7)") == "(192[.]0[.]2[.]7)"
    assert present_text("from [198.51.100.4]:25", real_tlds_only=True) == "from [198[.]51[.]100[.]4]:25"
    assert present_text("203.0.113.9.") == "203[.]0[.]113[.]9."
    # not an address: a fifth part, an octet over 255, a version after a letter
    assert present_text("1.2.3.4.5, 10.0.0.256, v1.2.3.4") == "1.2.3.4.5, 10.0.0.256, v1.2.3.4"
    report = analyse(b"http://192.0.2.7/login\n")
    shown = to_text(report, "ja") + to_text(report, "en") + json.dumps(
        [[f["detail"], f["evidence"]] for f in to_dict(report, "en")["findings"]])
    assert "192[.]0[.]2[.]7" in shown
    assert "192.0.2.7" not in shown


def test_the_mailbox_is_the_address_that_ends_the_field() -> None:
    # found by the output-safety property test: a display name decoded from an encoded word held a
    # colon and an "@", and the list parser read "https:" as a group and the name as the address
    shown = parse_address("https://evil-login.example/%2540a.example/b.example?x=1 @everyone <security@evil.example>")
    assert shown is not None and shown.address == "security@evil.example"
    assert shown.display_name == "https://evil-login.example/%2540a.example/b.example?x=1 @everyone"
    # a kit's quoted brand address with a stray comma is a name, not the sender
    kit = parse_address('"Service@Netflix.example", <news@sender.example>')
    assert kit is not None and (kit.address, kit.display_name) == ("news@sender.example", "Service@Netflix.example")
    quoted = parse_address('"a \\"b\\" c" <x@example.com>')
    assert quoted is not None and quoted.display_name == 'a "b" c'
    listed = parse_address("a <x@example.com>, b <z@example.net>")  # a list keeps its first mailbox
    assert listed is not None and listed.address == "x@example.com"
    report = analyse(make_mail(from_='"security@example.com", <x@evil.example>'))
    assert report.sender.from_addr is not None and report.sender.from_addr.address == "x@evil.example"


def test_a_mask_keeps_nothing_of_the_local_part() -> None:
    assert mask_address("taro.yamada@example.jp") == "t***@example.jp"
    assert mask_address("//evil.example/%2540a.example/b.example?x=1@example.jp") == "/***@example.jp"
    report = analyse(b"From: <//evil.example/%2540a.example/b.example?x=1@example.jp>\nTo: t@example.jp\nSubject: s\n\nb\n")
    shown = to_text(report, "en") + to_text(report, "ja") + json.dumps(to_dict(report, "en"))
    assert "b.example" not in shown.replace("b[.]example", "")


def test_a_link_written_without_a_scheme_is_shown_without_one() -> None:
    # "www.x.example" read as a link is defanged as one, but not given the "hxxp://" it never had
    # (a page on an https site was described as "a page on hxxp://www[.]…")
    assert present_text("see www.evil.example/p?q=1") == "see www[.]evil[.]example/p?…"
    assert present_text("https://www.evil.example/a") == "hxxps://www[.]evil[.]example/a"
    report = analyse(b"https://www.example.com/rakuten-card\n")
    shown = to_text(report, "en") + to_text(report, "ja")
    assert "www[.]example[.]com" in shown and "hxxp://www" not in shown


def test_a_link_text_that_is_an_address_is_not_a_shown_domain() -> None:
    data = make_mail(html='<a href="https://evil.example/">taro.yamada@example.jp</a>')
    assert "href_text_mismatch" not in {f.rule for f in analyse(data).findings}


def test_hrefs_browsers_follow_are_followed() -> None:
    html = ('<a href="https:\\\\evil-one.example\\login">a</a> <a href="//evil-two.example/x">b</a>'
            '<a href="data:text/html;base64,PGZvcm0gYWN0aW9uPSJodHRwczovL2V2aWwtdGhyZWUuZXhhbXBsZS9wIj48aW5wdXQgdHlwZT1wYXNzd29yZD48L2Zvcm0+">c</a>'
            "<script>window.location='https://evil-four.example/go';</script>")
    report = analyse(make_mail(html=html))
    hosts = {link.host for link in report.links}
    assert {"evil-one.example", "evil-two.example", "evil-three.example", "evil-four.example"} <= hosts
    assert "credential_form" in {f.rule for f in report.findings}  # the form inside the data: page


def test_zero_width_characters_do_not_hide_a_brand() -> None:
    data = make_mail(from_="A\u200bm\u200ba\u200bz\u200bo\u200bn <info@evil.example>",
                     subject="A\u200bmazon アカウント", body="https://evil.example/")
    report = analyse(data)
    assert report.brand is not None and report.brand.id == "amazon"
    assert "display_name_brand" in {f.rule for f in report.findings}


def test_filler_headers_cannot_push_from_and_subject_out() -> None:
    filler = "".join(f"X-Filler-{i}: {i}\n" for i in range(6000))
    data = (filler + "From: taro.yamada@example.jp\nTo: taro.yamada@example.jp\nSubject: 三井住友カード【重要】\n"
            "Return-Path: <b@ntc-cs.example.com>\n\nhttps://smbc.servicecc-jp.cc/\n").encode()
    report = analyse(data)
    assert report.subject == "三井住友カード【重要】"
    assert {"self_sent", "envelope_mismatch"} <= {f.rule for f in report.findings}
    assert "header_limit" in {p.code for p in report.problems}


def test_cli_survives_a_non_utf8_terminal() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    proc = subprocess.run([sys.executable, "-m", "bot", "analyze", "--no-lookups", "examples/seed-smbc-selfspoof.eml"],
                          cwd=ROOT, capture_output=True, env={"PYTHONIOENCODING": "cp932", "PATH": ""}, check=False)
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr
