"""Intake: recognising the input and reading Japanese mail whatever its labels say."""

from __future__ import annotations

import base64

from bot.analysis.charsets import decode_bytes, decode_header_value, iso2022jp_to_text
from bot.analysis.intake import read_input
from bot.analysis.models import Limits
from bot.analysis.pipeline import analyse


def _jis(text: str) -> bytes:
    return text.encode("iso2022_jp")


def test_iso2022jp_with_nec_special_characters() -> None:
    # CP50220 writes ① and ㈱ in NEC row 13, which the strict iso2022_jp codec rejects
    data = b"\x1b$B-!-j\x1b(B"  # ① ㈱ in JIS row 13
    assert iso2022jp_to_text(data) == "①㈱"
    assert decode_bytes(data, "iso-2022-jp")[0] == "①㈱"


def test_iso2022jp_halfwidth_katakana_and_plain_text() -> None:
    assert iso2022jp_to_text(b"\x1b(I12\x1b(B") == "ｱｲ"
    assert iso2022jp_to_text(_jis("三井住友カード【重要】")) == "三井住友カード【重要】"


def test_wrong_and_missing_labels() -> None:
    sjis = "ご利用確認のお願い".encode("cp932")
    assert decode_bytes(sjis, "utf-8")[0] == "ご利用確認のお願い"  # label lies
    assert decode_bytes(sjis, None)[0] == "ご利用確認のお願い"  # no label
    assert decode_bytes(sjis, "x-unknown-charset")[0] == "ご利用確認のお願い"
    euc = "楽天カード".encode("euc_jp")
    assert decode_bytes(euc, None)[0] == "楽天カード"
    assert decode_bytes(_jis("楽天"), "us-ascii")[0] == "楽天"  # escape sequences win over the label
    assert decode_bytes("①".encode("cp932"), "shift_jis")[0] == "①"  # Shift_JIS label, CP932 bytes


def test_rfc2047_words_split_inside_a_character() -> None:
    raw = "三井住友カード".encode()
    a, b = raw[:4], raw[4:]  # the split falls inside the second character
    header = f"=?utf-8?b?{base64.b64encode(a).decode()}?= =?utf-8?b?{base64.b64encode(b).decode()}?="
    assert decode_header_value(header) == "三井住友カード"


def test_rfc2047_iso2022jp_and_raw_8bit_headers() -> None:
    enc = base64.b64encode(_jis("件名テスト")).decode()
    assert decode_header_value(f"=?ISO-2022-JP?B?{enc}?=") == "件名テスト"
    raw8 = "重要なお知らせ".encode("cp932").decode("ascii", "surrogateescape")
    assert decode_header_value(raw8) == "重要なお知らせ"


def test_kinds_are_recognised() -> None:
    assert read_input(b"From: a@example.com\nTo: b@example.jp\nSubject: x\n\nbody\n").kind == "eml"
    assert read_input(b"Received: from x by y; Sun, 24 Jan 2021 19:02:11 +0900\nFrom: a@example.com\nSubject: s\n").kind == "headers"
    assert read_input("こんにちは、このメールは怪しいですか?\nhttps://example.com".encode()).kind == "pasted"
    assert read_input(b"").kind == "empty"
    assert read_input(b"\x00\x01\x02\x03" * 1000).kind == "binary"
    assert read_input(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100).kind == "msg"


def test_a_few_chat_lines_before_the_headers_are_allowed() -> None:
    data = b"this came today, is it real?\n\nFrom: a@example.com\nTo: b@example.jp\nSubject: x\n\nbody\n"
    assert read_input(data).kind == "eml"


def test_crlf_and_cr_only_line_endings() -> None:
    crlf = b"From: a@example.com\r\nTo: b@example.jp\r\nSubject: x\r\n\r\nsee https://example.com/a\r\n"
    mail = read_input(crlf)
    assert mail.kind == "eml" and mail.subject == "x"
    cr = crlf.replace(b"\r\n", b"\r")
    assert read_input(cr).subject == "x"


def test_multipart_nesting_with_similar_boundaries_and_html() -> None:
    data = (
        b"From: a@example.com\nTo: b@example.jp\nSubject: s\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b1"\n\npreamble\n--b1\n'
        b'Content-Type: multipart/alternative; boundary="b1-alt"\n\n--b1-alt\n'
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        b"plain =E3=81=82 http://plain.example.com/x\n--b1-alt\n"
        b"Content-Type: text/html; charset=utf-8\n\n<a href='https://html.example.com/'>go</a>\n--b1-alt--\n"
        b"--b1\nContent-Type: application/octet-stream; name=\"x.bin\"\nContent-Transfer-Encoding: base64\n\n"
        + base64.b64encode(b"\x00" * 30)
        + b"\n--b1--\nepilogue\n"
    )
    mail = read_input(data)
    assert mail.texts == ("plain あ http://plain.example.com/x",)  # the newline belongs to the delimiter
    assert "html.example.com" in mail.htmls[0]
    assert [a.filename for a in mail.attachments] == ["x.bin"]
    report = analyse(data)
    assert {link.host for link in report.links} == {"plain.example.com", "html.example.com"}


def test_forwarded_mail_attached_is_the_one_analysed() -> None:
    inner = (
        b"From: =?utf-8?b?5LiJ5LqV5L2P5Y+L44Kr44O844OJ?= <info@evil.example.com>\nTo: taro@example.jp\n"
        b"Subject: inner\n\nhttps://smbc.login-check.example.com/\n"
    )
    outer = (
        b"From: taro@example.jp\nTo: reports@example.jp\nSubject: Fwd: look\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="x"\n\n--x\nContent-Type: text/plain\n\nplease check\n'
        b"--x\nContent-Type: message/rfc822\n\n" + inner + b"\n--x--\n"
    )
    report = analyse(outer)
    assert report.subject == "inner"
    assert "forwarded_inner" in {p.code for p in report.problems}
    assert report.brand is not None and report.brand.id == "smbc-card"


def test_limits_are_reported_not_silently_applied() -> None:
    many = b"".join(b"--b\nContent-Type: text/plain\n\npart %d\n" % i for i in range(50))
    data = b'From: a@example.com\nSubject: s\nContent-Type: multipart/mixed; boundary="b"\n\n' + many + b"--b--\n"
    mail = read_input(data, Limits(max_parts=10))
    assert "part_limit" in {p.code for p in mail.problems}
    assert len(mail.texts) < 10
    big = b"From: a@example.com\nSubject: s\n\n" + b"x" * 5000
    assert "input_limit" in {p.code for p in read_input(big, Limits(max_input_bytes=1000)).problems}


def test_pasted_gmail_lines_in_both_languages() -> None:
    ja = "送信元: 三井住友カード <info@example.com> (ntc-cs.example 経由)\n件名: テスト\n\n本文".encode()
    report = analyse(ja)
    assert report.sender.envelope_domain == "ntc-cs.example"
    assert report.subject == "テスト"
    en = b"from: Rakuten <taro@example.jp> via mailer.example.com\nto: taro@example.jp\nsubject: hi\n\nbody"
    report = analyse(en)
    assert report.sender.envelope_domain == "mailer.example.com"
    assert report.sender.from_addr is not None and report.sender.from_addr.address == "taro@example.jp"
    assert any(f.rule == "self_sent" for f in report.findings)


def test_html_and_pdf_attachments_are_read_like_bodies() -> None:
    html = (
        b"<html><body><form action='https://collect.example.net/p.php' method=post>"
        b"<input type=password name=pw></form><script>document.write(atob('PGEgaHJlZj0iaHR0cHM6Ly9oaWRkZW4uZXhhbXBsZS5vcmcvIj5nbzwvYT4='))</script></body></html>"
    )
    data = (
        b'From: a@example.com\nTo: b@example.jp\nSubject: s\nContent-Type: multipart/mixed; boundary="z"\n\n'
        b"--z\nContent-Type: text/plain\n\nsee attached\n--z\nContent-Type: text/html\n"
        b'Content-Disposition: attachment; filename="invoice.html"\nContent-Transfer-Encoding: base64\n\n'
        + base64.b64encode(html) + b"\n--z--\n"
    )
    report = analyse(data)
    rules = {f.rule: f.severity for f in report.findings}
    assert rules["credential_form"] == "high"
    assert rules["obfuscated_script"] == "high"
    assert rules["html_attachment"] == "medium"
    hosts = {link.host for link in report.links}
    assert {"collect.example.net", "hidden.example.org"} <= hosts  # the atob payload was decoded, not run


def _pdf(objects: list[bytes]) -> bytes:
    body = b"%PDF-1.7\n" + b"".join(b"%d 0 obj\n%s\nendobj\n" % (i + 1, o) for i, o in enumerate(objects))
    return body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_pdf_links_forms_and_scripts_in_plain_and_compressed_objects() -> None:
    import zlib

    from bot.analysis.pdf import pdf_facts

    plain = b"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://plain.example.com/a\\(1\\)) >> >>"
    packed = zlib.compress(b"<< /A << /S /URI /URI <68747470733a2f2f68696464656e2e6578616d706c652e6f7267> >> >>"
                           b" << /S /SubmitForm /F (https://collect.example.net/post) >> << /S /JavaScript /JS (app.alert(1)) >>")
    stream = b"<< /Type /ObjStm /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(packed), packed)
    content = zlib.compress(b"BT /F1 12 Tf (Verify your account now) Tj ET")
    text_stream = b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    facts = pdf_facts(_pdf([plain, stream, text_stream]))
    assert facts.links == ["https://plain.example.com/a(1)", "https://hidden.example.org", "https://collect.example.net/post"]
    assert facts.signs == {"submit_form", "javascript"}
    assert "Verify your account now" in facts.text
    assert pdf_facts(b"not a pdf").problem == "pdf_unreadable"


def test_pdf_attachment_feeds_the_rules() -> None:
    pdf = _pdf([b"<< /A << /S /URI /URI (http://198.51.100.20/login) >> >>", b"<< /S /Launch /F (cmd.exe) >>"])
    data = (b'From: a@example.com\nTo: b@example.jp\nSubject: invoice\nContent-Type: multipart/mixed; boundary="p"\n\n'
            b"--p\nContent-Type: text/plain\n\nsee the invoice\n--p\nContent-Type: application/pdf; name=inv.pdf\n"
            b"Content-Transfer-Encoding: base64\n\n" + base64.b64encode(pdf) + b"\n--p--\n")
    report = analyse(data)
    found = {f.rule: f.severity for f in report.findings}
    assert found["ip_literal_link"] == "high"
    assert found["pdf_active_content"] == "high"
    assert [link.source for link in report.links] == ["pdf"]


def test_outlook_msg_from_the_corpus_is_read_by_its_signature(corpus) -> None:  # type: ignore[no-untyped-def]
    data = (corpus / "malformed" / "mail-parser__tests__mails__mail_outlook_1.eml").read_bytes()
    mail = read_input(data)
    assert mail.kind == "msg" and mail.readable
    assert mail.subject == "Newsletter Prüfung Personalwesen / Prüfung Eröffnungsbilanz"
    assert any(k == "received" for k, _ in mail.headers)
    assert mail.htmls and len(mail.attachments) == 5
    report = analyse(data)
    assert report.sender.from_addr is not None and report.sender.from_addr.domain == "w-vwa.de"
    assert report.links


_PAGE = (b"<!DOCTYPE html><html><body><p>Sign in to keep your mailbox</p>"
         b"<a href='https://kit.example.net/owa/login.php'>Sign in</a></body></html>")


def _one_part(ctype: bytes, cte: bytes, body: bytes, name: bytes = b"") -> bytes:
    disposition = b'Content-Disposition: attachment; filename="' + name + b'"\n' if name else b""
    return (b'From: a@example.com\nTo: b@example.jp\nSubject: s\nContent-Type: multipart/mixed; boundary="z"\n\n'
            b"--z\nContent-Type: text/plain\n\nsee attached\n--z\nContent-Type: " + ctype + b"\n" + disposition
            + b"Content-Transfer-Encoding: " + cte + b"\n\n" + body + b"\n--z--\n")


def test_a_page_declared_as_opaque_bytes_is_read_as_an_html_attachment() -> None:
    for ctype, name in ((b"application/octet-stream", b""), (b"application/octet-stream", b"document"),
                        (b"application/x-download", b"scan.dat")):
        report = analyse(_one_part(ctype, b"base64", base64.b64encode(_PAGE), name))
        assert "kit.example.net" in {link.host for link in report.links}, (ctype, name)
        assert "html_attachment" in {f.rule for f in report.findings}, (ctype, name)
    # bytes that are no page stay an opaque attachment: nothing is read from them as text
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40 + b"<a href='https://kit.example.net/'>x</a>"
    report = analyse(_one_part(b"application/octet-stream", b"base64", base64.b64encode(png), b"a.bin"))
    assert not report.links
    assert "html_attachment" not in {f.rule for f in report.findings}
    # a declared type that is not opaque keeps its meaning (an XML file is not read as a page)
    report = analyse(_one_part(b"application/xml", b"base64", base64.b64encode(_PAGE), b"feed.xml"))
    assert not report.links


def _uu(data: bytes, junk: bool = False) -> bytes:
    import binascii
    lines = [binascii.b2a_uu(data[i:i + 45]).rstrip(b"\n") for i in range(0, len(data), 45)]
    if junk:  # junk after a line's data: the length byte says where the data ends (the stdlib forgives it)
        lines = [line + b"!!!" for line in lines]
    return b"begin 644 page.html\n" + b"\n".join(lines) + b"\n`\nend"


def test_uuencoded_parts_are_decoded() -> None:
    for cte in (b"x-uuencode", b"uuencode", b"x-uue"):
        for junk in (False, True):
            report = analyse(_one_part(b"text/html", cte, _uu(_PAGE, junk), b"page.html"))
            assert "kit.example.net" in {link.host for link in report.links}, (cte, junk)
            assert not {p.code for p in report.problems} & {"unknown_cte", "bad_uuencode"}
    # a damaged line is reported, the rest is still read, nothing raises
    broken = _uu(_PAGE).replace(b"begin 644 page.html\n", b"begin 644 page.html\n\xff\xfe!!\n")
    report = analyse(_one_part(b"text/html", b"x-uuencode", broken, b"page.html"))
    assert "bad_uuencode" in {p.code for p in report.problems}
    assert "kit.example.net" in {link.host for link in report.links}


def test_a_uuencode_label_cannot_hide_plain_text() -> None:
    """A body labelled uuencode but written plainly (no begin line, or lines that do not decode)
    is still read as written: the label must not blank a lure out."""
    plain = _PAGE.replace(b"><", b">\n<")
    report = analyse(_one_part(b"text/html", b"x-uuencode", plain))
    assert "kit.example.net" in {link.host for link in report.links}
    report = analyse(_one_part(b"text/html", b"x-uuencode", b"begin 644 a.html\n" + plain + b"\nend"))
    assert "kit.example.net" in {link.host for link in report.links}
    assert "bad_uuencode" in {p.code for p in report.problems}


def test_pages_found_by_their_tags_and_attached_pages_marked_where_they_are() -> None:
    svg = (b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'><a href='https://kit.example.net/s'>"
           b"<text>Open</text></a></svg>")
    comment = b"<!-- saved page -->\n<head><meta charset=utf-8></head><a href='https://kit.example.net/c'>x</a>"
    # XML formats hold <title> and <meta> too (an RSS feed, a GPS track): not pages
    for xml in (b"<?xml version='1.0'?><rss><channel><title>News</title><link>https://example.com/</link></channel></rss>",
                b"<?xml version='1.0'?><gpx><metadata><title>Walk</title></metadata></gpx>"):
        report = analyse(_one_part(b"application/octet-stream", b"base64", base64.b64encode(xml), b"feed"))
        assert "html_attachment" not in {f.rule for f in report.findings}
    for page in (svg, comment):
        report = analyse(_one_part(b"application/octet-stream", b"base64", base64.b64encode(page), b"doc"))
        assert "kit.example.net" in {link.host for link in report.links}, page[:20]
        assert "html_attachment" in {f.rule for f in report.findings}
    # an attached page placed before the HTML body: the body is still the body
    data = (b'From: a@example.com\nTo: b@example.jp\nSubject: s\nContent-Type: multipart/mixed; boundary="z"\n\n'
            b"--z\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
            + base64.b64encode(_PAGE) + b"\n--z\nContent-Type: text/html\n\n<p>Hello, see the file.</p>\n--z--\n")
    mail = read_input(data, Limits())
    assert mail.html_attached == (True, False)


def test_an_outlook_message_s_attached_page_is_marked_attached() -> None:
    """Review of round 6: pages attached to a .msg were recorded as bodies once intake recorded
    which pages are attached; the reader of .msg files now says so too."""
    from bot.analysis.budget import Budget
    from bot.analysis.mime import Walk
    from bot.analysis.outlook import _ATT_DATA, _ATT_LONG_NAME, _HTML, _read_message

    class FakeMsg:  # the three reads _read_message makes of an Outlook file's storages
        def text(self, prop: str, storage: str) -> str | None:
            return "invoice.html" if prop == _ATT_LONG_NAME and storage else None

        def binary(self, prop: str, storage: str) -> bytes | None:
            if prop == _HTML and not storage:
                return b"<p>Hello, see the file.</p>"
            return _PAGE if prop == _ATT_DATA and storage else None

        def attachment_storages(self, prefix: str = "") -> list[str]:
            return ["__attach_version1.0_#00000000"] if not prefix else []

        def recipient_storages(self, prefix: str = "") -> list[str]:
            return []

    limits = Limits()
    walk = Walk(limits, Budget(limits))
    _read_message(FakeMsg(), "", walk, limits)  # type: ignore[arg-type]
    assert walk.html_attached == [False, True]
