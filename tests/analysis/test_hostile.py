"""Hostile and broken input: a report or a one-line error, never a traceback, never a hang.

Time bounds here are hang guards (generous, via SIGALRM), not speed targets: those live in
bench/ (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.analysis.models import Limits
from bot.analysis.pipeline import analyse
from tests.conftest import ROOT, need_shared
from tests.presentation_helpers import to_dict, to_text

sys.path.insert(0, str(ROOT / "bench"))
from hostile_inputs import FAMILIES, PHISH, family_inputs, hostile_inputs

HANG_GUARD_S = 60


@contextmanager
def hang_guard(seconds: int = HANG_GUARD_S) -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


EXPECTED_PROBLEM = {
    "deep_nesting_1000": "depth_limit",
    "parts_5000": "part_limit",
    "single_line_10mb": "text_limit",
    "header_lines_100000": "header_limit",
    "header_lines_100000_filler_first": "header_limit",
    "random_1mb": "binary_input",
    "empty": "empty_input",
    "truncated_msg": "msg_unreadable",
    "long_url_pasted": "long_url",
    "long_url_in_mail": "long_url",
}
INPUTS = hostile_inputs()


@pytest.mark.parametrize("name", sorted(EXPECTED_PROBLEM))
def test_hostile_inputs_are_answered_and_say_what_was_skipped(name: str) -> None:
    if name not in INPUTS:
        need_shared()
    with hang_guard():
        report = analyse(INPUTS[name])
        obj = to_dict(report, "ja")
        json.dumps(obj)
        to_text(report, "en")
    assert EXPECTED_PROBLEM[name] in {p.code for p in report.problems}
    assert report.readable is (name not in ("random_1mb", "empty", "truncated_msg"))


def test_a_truncated_msg_made_here_is_unreadable_not_a_crash() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8
    report = analyse(ole)
    assert not report.readable
    assert report.problems[-1].code == "msg_unreadable"


def test_stdlib_parser_alone_fails_on_deep_nesting() -> None:
    """Why intake has its own splitter: the stdlib parser recurses once per level."""
    import email
    import email.policy

    def parse_and_walk() -> None:
        msg = email.message_from_bytes(INPUTS["deep_nesting_1000"], policy=email.policy.default)
        for part in msg.walk():
            part.get_content_type()

    with pytest.raises(RecursionError):
        parse_and_walk()


def test_limits_are_configurable() -> None:
    report = analyse(INPUTS["parts_5000"], limits=Limits(max_parts=3))
    assert "part_limit" in {p.code for p in report.problems}


def test_fifty_megabytes_is_cut_to_the_input_limit() -> None:
    data = b"From: a@example.com\nSubject: big\n\n" + b"word " * (10 * 1024 * 1024)
    with hang_guard():
        report = analyse(data)
    assert "input_limit" in {p.code for p in report.problems}


def test_every_malformed_corpus_file_gets_an_answer() -> None:
    need_shared()
    folder = ROOT.parent / "shared" / "corpus" / "malformed"
    files = sorted(folder.iterdir())
    assert files
    for path in files:
        with hang_guard():
            report = analyse(path.read_bytes())
            json.dumps(to_dict(report, "en", input_name=str(path)))


def test_cli_never_prints_a_traceback_for_hostile_files(tmp_path: Path) -> None:
    for name in ("random_1mb", "deep_nesting_1000", "empty", "long_url_pasted"):
        (tmp_path / f"{name}.eml").write_bytes(INPUTS[name])
    proc = subprocess.run([sys.executable, "-m", "bot", "analyze", "--json", "--no-lookups", str(tmp_path)], cwd=ROOT,
                          capture_output=True, timeout=300, check=False)
    assert proc.returncode == 1  # two of them are unreadable
    assert b"Traceback" not in proc.stderr
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 3  # one line per unreadable input, and the summary
    assert lines[-1].startswith("4 mails analysed:") and "2 unreadable" in lines[-1]
    assert len(proc.stdout.decode().strip().splitlines()) == 4


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    report = analyse(data)
    json.dumps(to_dict(report, "en"))


_mail_like = st.lists(
    st.sampled_from([
        "From: ", "To: ", "Subject: =?utf-8?b?", "=?iso-2022-jp?B?GyRC", "Content-Type: multipart/mixed; boundary=",
        "\n--", "\n\n", "Received: from ", "[203.0.113.5]", " by ", "; Sun, 24 Jan 2021 19:02:11 +0900",
        "Authentication-Results: ", "dmarc=fail", "https://", "hxxps://a[.]", "<a href='", "'>", "</a>",
        "<form action=", "<script>atob('", "')</script>", "Content-Transfer-Encoding: base64\n", "送信元: ",
        "経由", "xn--", "@example.jp", "%PDF-", "/URI (", "\x1b$B", "\x1b(B", ";", "=", "\r", "\t",
        "=?utf-8?B?", "=?iso-2022-jp?Q?", "?=", "=?\xff?B?", "=?utf-8?q?=E3=81", "http://[", "//", "\\",
        "data:text/html;base64,", "\u200b", "ｅｘａｍｐｌｅ．ｊｐ", "Content-Transfer-Encoding: x-", "/SubmitForm /F (",
    ]) | st.text(max_size=40),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mail_like)
def test_mail_shaped_text_never_raises(text: str) -> None:
    report = analyse(text.encode("utf-8", "surrogatepass"))
    obj = to_dict(report, "ja")
    json.dumps(obj)
    to_text(report, "ja")
    assert 0 <= report.score <= 100


@pytest.mark.parametrize("name", ["html_nested_divs_45000", "html_nested_lists_45000"])
def test_deeply_nested_html_is_read_flat_and_its_link_found(name: str) -> None:
    with hang_guard():
        report = analyse(INPUTS[name])
    assert report.readable
    assert [link.host for link in report.links] == ["login.example.net"]


def test_flattening_keeps_the_facts_of_an_ordinary_page() -> None:
    from bot.analysis.links import MAX_TAGS_AS_IS, flatten_html, html_facts

    page = ('<html><body><table><tr><td><a href="https://a.example.com/x">go</a></td></tr></table>'
            '<form action="https://b.example.com/post"><input type="password"></form>'
            '<script>window.location="https://c.example.com/"</script><p>Hello <b>there</b></p></body></html>')
    padded = page + "<span></span>" * (MAX_TAGS_AS_IS + 1)
    assert flatten_html(page) == page
    flat, full = html_facts(padded), html_facts(page)
    assert flat.anchors == full.anchors and flat.forms == full.forms and flat.hidden_urls == full.hidden_urls
    assert "Hello" in flat.text and "there" in flat.text


# --- the families of issue 10: each class of attack hides an obvious phish, at generated sizes -----

FAMILY_INPUTS = family_inputs(small=True)
PHISH_VERDICT = analyse(PHISH).verdict


def test_every_family_is_tested() -> None:
    assert {name.split("@")[0] for name in FAMILY_INPUTS} == set(FAMILIES)
    assert PHISH_VERDICT == "phishing"


@pytest.mark.parametrize("name", sorted(FAMILY_INPUTS))
def test_a_hostile_family_keeps_the_verdict_and_says_what_it_skipped(name: str) -> None:
    import time

    data, problem, keeps_verdict = FAMILY_INPUTS[name]
    with hang_guard():
        report = analyse(data, clock=time.monotonic)
        obj = to_dict(report, "en")
        json.dumps(obj)
        to_text(report, "ja")
    assert report.readable
    if problem is not None:
        assert problem in {p.code for p in report.problems}
    if keeps_verdict:
        assert report.verdict == PHISH_VERDICT
    else:
        assert "headers_only" not in {p.code for p in report.problems}


def test_the_hostile_bench_runs_and_judges() -> None:
    proc = subprocess.run([sys.executable, "bench/hostile.py", "--only", "param_quadratic", "nul_padded", "utf16_le"],
                          cwd=ROOT, capture_output=True, timeout=300, check=False, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 failing" in proc.stdout and "param_quadratic@200000" in proc.stdout
