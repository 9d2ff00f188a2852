"""Header analysis: who really sent it, and which authentication results can be trusted."""

from __future__ import annotations

from bot.analysis.headers import analyse_headers, is_internal_ip, parse_auth_results, parse_received, split_via
from bot.analysis.intake import read_input


def sender_of(raw: bytes):  # type: ignore[no-untyped-def]
    mail = read_input(raw)
    return analyse_headers(mail.headers, mail.pasted_fields)[0]


FORGED_AR = b"""Received: from mx2.example.jp (mx2.example.jp [192.0.2.11])
\tby store.example.jp with LMTP; Sun, 24 Jan 2021 19:02:12 +0900
Authentication-Results: mx2.example.jp; spf=softfail smtp.mailfrom=evil.example.com; dkim=none; dmarc=fail header.from=bank.example.com
Received: from out.evil.example.com (out.evil.example.com [203.0.113.99])
\tby mx2.example.jp (Postfix) with ESMTP; Sun, 24 Jan 2021 19:02:10 +0900
Authentication-Results: relay.evil.example.com; spf=pass; dkim=pass header.d=bank.example.com; dmarc=pass
Received: from [10.0.0.5] (unknown [198.51.100.7])
\tby out.evil.example.com; Sun, 24 Jan 2021 19:05:00 +0900
From: Bank <info@bank.example.com>
To: taro@example.jp
Subject: s

body
"""


def test_only_the_recipient_sides_results_are_trusted() -> None:
    s = sender_of(FORGED_AR)
    assert s.auth.trusted
    assert s.auth.authserv_id == "mx2.example.jp"
    assert (s.auth.spf, s.auth.dkim, s.auth.dmarc) == ("softfail", "none", "fail")
    assert s.auth.dkim_domains == ()  # the forged dkim=pass below the handoff counts for nothing
    assert s.handoff_ip == "203.0.113.99"
    assert s.origin_ip == "198.51.100.7"


def test_hops_are_chronological_with_delays_and_skew_shown() -> None:
    s = sender_of(FORGED_AR)
    assert [h.by_host for h in s.hops] == ["out.evil.example.com", "mx2.example.jp", "store.example.jp"]
    # the sender's clock claims a time after the recipient received it: a negative delay, kept
    assert [h.delay_s for h in s.hops] == [None, -170, 2]


def test_garbled_received_dates_are_tolerated() -> None:
    raw = b"Received: from a.example.com (a.example.com [203.0.113.1]) by mx.example.jp; not a date\nReceived: by b; \nFrom: x@example.com\nSubject: s\n\nb\n"
    s = sender_of(raw)
    assert s.hops[-1].date is None and s.hops[-1].raw_date == "not a date"
    assert all(h.delay_s is None for h in s.hops)


def test_no_received_chain_trusts_the_topmost_results_only() -> None:
    raw = (b"Authentication-Results: mx.google.com; dmarc=pass header.from=example.com\n"
           b"Authentication-Results: other.example.net; dmarc=fail\nFrom: a@example.com\nSubject: s\n\nx\n")
    s = sender_of(raw)
    assert s.auth.dmarc == "pass"


def test_microsoft_results_without_server_id() -> None:
    raw = (b"Authentication-Results: spf=fail (sender IP is 203.0.113.8) smtp.mailfrom=sender.example.com; "
           b"dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=bank.example.com;\n"
           b"Received: from mail.sender.example.com (203.0.113.8) by BN8PR.prod.outlook.com (2603:10b6::1) with "
           b"Microsoft SMTP Server; Mon, 1 Jan 2024 00:00:00 +0000\n"
           b"From: x@bank.example.com\nSubject: s\n\nb\n")
    s = sender_of(raw)
    assert (s.auth.spf, s.auth.dmarc) == ("fail", "fail")
    assert s.handoff_ip == "203.0.113.8"


def test_parse_auth_results_handles_comments_and_versions() -> None:
    authserv, results = parse_auth_results(
        'mx.example.jp 1; dkim=pass (2048-bit key; "quoted ;") header.d=a.example.com header.s=s1; spf=pass smtp.mailfrom=b@c.example.com'
    )
    assert authserv == "mx.example.jp"
    assert results[0][:2] == ("dkim", "pass") and results[0][2]["header.d"] == "a.example.com"
    assert results[1][:2] == ("spf", "pass")


def test_received_variants() -> None:
    host, ip, by, when, _ = parse_received(
        "from EX-01.corp (10.1.2.3) by EX-02.corp (10.1.2.4) with Microsoft SMTP Server id 15.0; Mon, 18 Sep 2017 12:00:28 +0200"
    )
    assert (host, ip, by) == ("ex-01.corp", "10.1.2.3", "ex-02.corp") and when is not None
    _, ip6, _, _, _ = parse_received("from x (x [IPv6:2001:db8::1]) by y; Mon, 18 Sep 2017 12:00:28 +0200")
    assert ip6 == "2001:db8::1"


def test_internal_ranges_per_spec() -> None:
    for ip in ("10.1.1.1", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.1.1", "100.64.0.1", "fd00::1", "fe80::1", "::1"):
        assert is_internal_ip(ip), ip
    for ip in ("198.51.100.77", "203.0.113.45", "192.0.2.10", "8.8.8.8", "2001:db8::1"):
        assert not is_internal_ip(ip), ip


def test_via_forms() -> None:
    assert split_via("taro@example.jp (ntc-cs.com 経由)") == ("taro@example.jp", "ntc-cs.com")
    assert split_via("taro@example.jp ntc-cs.com 経由") == ("taro@example.jp", "ntc-cs.com")
    assert split_via("Taro <taro@example.jp> via ntc-cs.com") == ("Taro <taro@example.jp>", "ntc-cs.com")
    assert split_via("taro@example.jp") == ("taro@example.jp", None)


def test_a_forged_results_header_below_the_real_one_is_not_trusted() -> None:
    """The sender wrote `mx.google.com; dkim=pass; dmarc=pass` into its own headers."""
    from bot.analysis.pipeline import analyse
    from tests.conftest import ROOT

    report = analyse((ROOT / "tests" / "fixtures" / "forged_auth_results.eml").read_bytes())
    assert (report.sender.auth.spf, report.sender.auth.dkim, report.sender.auth.dmarc) == ("softfail", None, None)
    assert not report.brand_official
    assert report.verdict == "phishing"


def test_a_forged_dkim_signature_does_not_align_the_envelope() -> None:
    from bot.analysis.pipeline import analyse
    from tests.conftest import ROOT

    report = analyse((ROOT / "tests" / "fixtures" / "forged_dkim_signature.eml").read_bytes())
    assert "smbc-card.com" in report.sender.dkim_domains  # shown: the mail claims it
    assert {f.rule: f.severity for f in report.findings}["envelope_mismatch"] == "high"  # but not believed
