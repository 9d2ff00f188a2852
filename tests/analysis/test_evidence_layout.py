"""The evidence laid out as analysts expect (issue 12 §4): the route as a hop table with the
delays that stand out marked, the header fields that matter explained, attachments with their
declared and sniffed type, size and SHA-256, links grouped by host with repeats counted."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile

from bot.analysis.pipeline import analyse
from bot.analysis.sniff import sniff
from bot.presentation.analysis_text import analysis_text
from bot.presentation.analysis_view import analysis_view
from bot.presentation.evidence_text import details_text

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 100


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("請求書/invoice.pdf.exe", EXE)
        z.writestr("readme.txt", "hello")
    return buf.getvalue()


def mail(attachments: list[tuple[str, str, bytes]] = (), body: str = "hi", headers: str = "") -> bytes:  # type: ignore[assignment]
    head = (
        "Received: from mx.example.jp (mx.example.jp [192.0.2.10]) by mailstore.example.jp; Mon, 1 Mar 2021 10:40:00 +0900\n"
        "Received: from relay.example.net (relay.example.net [198.51.100.20]) by mx.example.jp; Mon, 1 Mar 2021 10:39:50 +0900\n"
        "Received: from sender.example.com (unknown [203.0.113.5]) by relay.example.net; Mon, 1 Mar 2021 10:02:00 +0900\n"
        "Authentication-Results: mx.example.jp; spf=fail smtp.mailfrom=bounce@example.com; dmarc=fail header.from=example.com\n"
        "Return-Path: <bounce@example.com>\nReply-To: <pay@example.org>\nX-Mailer: BulkMailer 9\n"
        "X-MS-Exchange-Organization-SCL: 5\n" + headers +
        "From: Shop <shop@example.com>\nTo: Taro Yamada <taro.yamada@example.jp>\nSubject: Invoice\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n' + body + "\n"
    )
    parts = [
        f'--B\nContent-Type: {ctype}; name="{name}"\nContent-Disposition: attachment; filename="{name}"\n'
        f"Content-Transfer-Encoding: base64\n\n{base64.encodebytes(data).decode()}\n"
        for name, ctype, data in attachments
    ]
    return (head + "".join(parts) + "--B--\n").encode()


def test_a_multi_hop_mail_shows_the_hop_table_with_its_delays() -> None:
    view = analysis_view(analyse(mail()), "en")
    text = analysis_text(view, "en")
    route = text.split("Route of the mail (oldest hop first):")[1]
    lines = route.splitlines()
    assert "From" in lines[1] and "By" in lines[1] and "Delay" in lines[1]
    assert "sender[.]example[.]com [203.0.113.5]" in lines[2] and "relay[.]example[.]net" in lines[2]
    assert lines[3].lstrip().startswith("!") and "37m50s" in lines[3] and "long delay" in lines[3]  # 10:02:00 → 10:39:50
    assert not lines[4].lstrip().startswith("!") and "10s" in lines[4]
    assert "! marks a delay that stands out." in route
    ja = analysis_text(analysis_view(analyse(mail()), "ja"), "ja")
    assert "メールの経路(古い順)" in ja and "遅延が長い" in ja


def test_a_negative_delay_is_marked_as_such() -> None:
    raw = mail().replace(b"10:02:00", b"10:45:00")
    text = analysis_text(analysis_view(analyse(raw), "en"), "en")
    assert "earlier than the hop before" in text


def test_the_headers_that_matter_are_decoded_and_explained() -> None:
    text = analysis_text(analysis_view(analyse(mail()), "en"), "en")
    headers = text.split("Header fields that matter:")[1]
    assert "Authentication-Results:" in headers and "smtp.mailfrom=b***@example.com" in headers
    assert "Reply-To: <p***@example.org>" in headers and "X-Mailer: BulkMailer 9" in headers
    assert "X-MS-Exchange-Organization-SCL: 5" in headers and "spam confidence level" in headers
    assert headers.count("↳") >= 5


def test_an_attachment_shows_its_types_size_and_sha256() -> None:
    archive = _zip()
    raw = mail([("invoice.pdf", "application/pdf", EXE), ("Taro Yamada.zip", "application/zip", archive)])
    report = analyse(raw)
    view = analysis_view(report, "en")
    text = analysis_text(view, "en")
    assert hashlib.sha256(EXE).hexdigest() in text and hashlib.sha256(archive).hexdigest() in text
    assert "invoice[.]pdf: declared application/pdf, by its content application/x-msdownload" in text
    assert "its content is not what it declares" in text
    assert "inside: 請求書/invoice[.]pdf[.]exe, readme[.]txt" in text
    assert "Taro Yamada" not in text and "T***" in text  # the recipient's name masked in a file name
    obj = view.to_json()
    first = obj["attachments"][0]  # type: ignore[index]
    assert first == {"name": "invoice[.]pdf", "declared": "application/pdf", "sniffed": "application/x-msdownload",
                     "size": len(EXE), "sha256": hashlib.sha256(EXE).hexdigest(), "inside": []}
    json.dumps(obj)


def test_links_are_grouped_by_host_with_repeats_counted() -> None:
    body = "\n".join([f"https://www.amazon.co.jp/gp/r.html?C={i}&U=x" for i in range(10)]
                     + ["https://evil-login.example.com/a", "https://evil-login.example.com/b"])
    text = analysis_text(analysis_view(analyse(mail(body=body)), "en"), "en")
    links = text.split("Links:")[1].split("Findings:")[0]
    assert "www[.]amazon[.]co[.]jp (10 links)" in links
    assert links.count("amazon[.]co[.]jp/gp/r[.]html?…") == 1 and "×10" in links
    assert "evil-login[.]example[.]com (2 links)" in links


def test_the_details_view_keeps_the_rule_ids() -> None:
    view = analysis_view(analyse(mail([("a.pdf", "application/pdf", EXE)])), "en")
    details = details_text(view, "en")
    assert "Rule ids (for analysts)" in details and "dmarc_fail" in details
    assert "dmarc_fail" not in analysis_text(view, "en")  # the readable output shows the sentence alone


def test_sniffing_knows_the_formats_phishing_uses_and_nothing_else() -> None:
    assert sniff(b"%PDF-1.7\n") == "application/pdf"
    assert sniff(EXE) == "application/x-msdownload"
    assert sniff(_zip()) == "application/zip"
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert sniff(b"  <!DOCTYPE html><html>") == "text/html"
    assert sniff(b"\x00" * 0x8001 + b"CD001") == "application/x-iso9660-image"
    assert sniff(b"just some text") is None


def test_an_unnamed_receiving_server_and_spf_results_are_said_in_words() -> None:
    raw = (b"Authentication-Results: spf=softfail smtp.mailfrom=example.com; dmarc=fail header.from=example.com\n"
           b"From: Shop <shop@example.com>\nTo: taro@example.jp\nSubject: hi\n\nhello\n")
    ja = analysis_text(analysis_view(analyse(raw), "ja"), "ja")
    en = analysis_text(analysis_view(analyse(raw), "en"), "en")
    assert "(?)" not in ja and "(?)" not in en
    if "SPF" in ja and "softfail" in raw.decode():
        assert "SPF が softfail" not in ja


def test_the_embed_counts_repeated_links_and_shows_attachments_sha256() -> None:
    from bot.discord_ui.embeds import analysis_embed

    body = "\n".join(["https://www.amazon.co.jp/gp/r.html?C=1&U=x"] * 3 + [f"https://www.amazon.co.jp/gp/r.html?C={i}" for i in range(5)])
    view = analysis_view(analyse(mail([("a.pdf", "application/pdf", EXE)], body=body)), "en")
    data = analysis_embed(view, "en").to_dict()
    text = "\n".join(f["value"] for f in data["fields"])
    assert text.count("amazon[.]co[.]jp/gp/r[.]html?…") == 1 and "×6" in text  # the three identical ones are one link already
    assert hashlib.sha256(EXE).hexdigest() in text and "application/x-msdownload" in text
