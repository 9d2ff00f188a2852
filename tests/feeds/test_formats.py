"""The feed parsers on the formats as the feeds publish them (reserved names), and on JPCERT/CC's
real files from ../shared when they are there."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.feeds.formats import parse
from tests.conftest import SHARED

JPCERT_CSV = (
    "\ufeffdate,URL,description\n"
    "2024/01/04 10:02:00,https://smbc.example-phish.com/vpass/login.php,三井住友カード\n"
    '2024/02/14 17:54:00,"https://redir.example.net/r/?id=a,b,c&p1=example.org/x",@nifty\n'
    "2024/02/15 09:00:00,https://XN--MAZON-3VE.EXAMPLE.COM/signin,Amazon\n"
    "garbage line without a url\n"
    "2024/03/01 12:00:00,not a url at all,Other\n"
)


def test_jpcert_csv() -> None:
    items = list(parse("jpcert", JPCERT_CSV.encode("utf-8")))
    assert [i.host for i in items] == ["smbc.example-phish.com", "redir.example.net", "xn--mazon-3ve.example.com"]
    first = items[0]
    assert first.label == "三井住友カード" and first.threat == "phishing"
    assert first.listed_at == datetime(2024, 1, 4, 1, 2, tzinfo=UTC)  # Japan time, stored in UTC
    assert items[1].label == "@nifty"  # the quoted URL with commas is one field


def test_openphish_and_plain() -> None:
    text = b"https://a.example.com/x\n\nhttp://b.example.net:8080/y?z=1\nnot_a_url\nftp://c.example.org/\n"
    assert [i.host for i in parse("openphish", text)] == ["a.example.com", "b.example.net", "c.example.org"]
    assert all(i.listed_at is None for i in parse("openphish", text))
    plain = (b"# a comment\n! adblock comment\n[Adblock Plus 2.0]\nevil.example.com\n0.0.0.0 hosts.example.net\n"
             b"||adblock.example.org^\nhttps://url.example.jp/path\n127.0.0.1 localhost\n bad host name \n")
    assert [i.host for i in parse("plain", plain)] == ["evil.example.com", "hosts.example.net", "adblock.example.org",
                                                       "url.example.jp"]


def test_phishtank_csv_and_json() -> None:
    csv_text = ("phish_id,url,phish_detail_url,submission_time,verified,verification_time,online,target\n"
                "123,https://login.example-bank.com/,http://www.phishtank.com/phish_detail.php?phish_id=123,"
                "2024-06-01T10:11:12+00:00,yes,2024-06-01T11:00:00+00:00,yes,Example Bank\n"
                "124,http://other.example.net/,x,2024-06-02T00:00:00+00:00,yes,x,yes,Other\n")
    items = list(parse("phishtank", csv_text.encode()))
    assert [(i.host, i.label) for i in items] == [("login.example-bank.com", "Example Bank"), ("other.example.net", None)]
    assert items[0].listed_at == datetime(2024, 6, 1, 10, 11, 12, tzinfo=UTC)
    as_json = json.dumps([{"phish_id": 1, "url": "https://j.example.com/a", "submission_time": "2024-06-03T00:00:00+00:00",
                           "target": "Example"}, {"nope": 1}, "junk"]).encode()
    assert [(i.host, i.label) for i in parse("phishtank", as_json)] == [("j.example.com", "Example")]
    assert list(parse("phishtank", b"[not json")) == []


def test_urlhaus_csv() -> None:
    text = ("################################################################\n"
            "# abuse.ch URLhaus Database Dump (CSV - recent URLs)           #\n"
            "# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter\n"
            '"3012345","2024-06-01 10:11:12","http://dl.example.com/bin.sh","online","2024-06-01 10:11:12",'
            '"malware_download","elf,mirai","https://urlhaus.abuse.ch/url/3012345/","reporter"\n'
            '"3012346","2024-06-01 10:11:13","http://198.51.100.7:4242/i","online","","malware_download","",'
            '"https://urlhaus.abuse.ch/url/3012346/","reporter"\n')
    items = list(parse("urlhaus", text.encode()))
    assert [i.host for i in items] == ["dl.example.com", "198.51.100.7"]
    assert all(i.threat == "malware" for i in items)


def test_hostile_lines_are_skipped_not_fatal() -> None:
    long_line = b"2024/01/01 00:00:00,https://" + b"a" * 20000 + b".example.com/,x\n"
    text = long_line + b'2024/01/01 00:00:00,"unterminated\n' + b"2024/01/02 00:00:00,https://ok.example.com/,y\n"
    hosts = [i.host for i in parse("jpcert", text)]
    assert hosts[-1:] == ["ok.example.com"]
    assert list(parse("plain", b"\xff\xfe\x00garbage\x00\n")) == []


def test_jpcert_real_files_are_read_whole() -> None:
    folder = SHARED / "corpus-dev" / "urls"
    files = sorted(folder.glob("jpcert-2024*.csv")) if folder.is_dir() else []
    if not files:
        pytest.skip("../shared/corpus-dev/urls is not beside this checkout")
    rows = sum(max(0, len(f.read_bytes().splitlines()) - 1) for f in files)
    items = [i for f in files for i in parse("jpcert", f.read_bytes())]
    assert len(items) >= 0.99 * rows  # nearly every row has a readable URL
    assert all(i.host.isascii() and i.listed_at is not None and i.listed_at.year == 2024 for i in items)
    assert sum(1 for i in items if i.label) >= 0.95 * len(items)


def test_labels_lose_control_and_formatting_characters() -> None:
    text = "date,URL,description\n2024/01/01 00:00:00,https://a.example.com/,Bank\u202e\u200bName\x07  x\n".encode()
    [item] = parse("jpcert", text)
    assert item.label == "BankName x"
