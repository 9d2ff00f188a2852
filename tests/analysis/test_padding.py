"""An attacker must not turn a verdict into "could not read": padding, odd encodings and hostile
header parameters leave the phish its verdict (issue 10 items 1-3, issue 11 §3 intake faults)."""

from __future__ import annotations

import email.message
import email.parser
import email.policy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.budget import Budget
from bot.analysis.headers import parse_addresses
from bot.analysis.mime_params import content_fields, split_params
from bot.analysis.models import Limits
from bot.analysis.pipeline import analyse

PHISH = (
    "From: Amazon <security@amaz0n-account.example.com>\n"
    "To: Taro Yamada <taro.yamada@example.jp>\n"
    "Reply-To: help@amaz0n-account.example.com\n"
    "Sender: security@amaz0n-account.example.com\n"
    "Cc: hanako@example.jp\n"
    "Subject: Amazon account suspended\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Your Amazon account has been locked. Verify your password within 24 hours:\n"
    "https://amazon.co.jp.signin-verify.example.com/ap/signin\n"
)


def verdict_of(data: bytes, **kw: object) -> tuple[str, bool, set[str]]:
    report = analyse(data, **kw)  # type: ignore[arg-type]
    return report.verdict, report.readable, {p.code for p in report.problems}


BASE = verdict_of(PHISH.encode())


def test_the_unpadded_phish_is_phishing() -> None:
    assert BASE[0] == "phishing"


@pytest.mark.parametrize("field", ["From", "To", "Cc", "Reply-To", "Sender"])
@pytest.mark.parametrize("padding", ["(" * 500, ":" * 500, "(" * 20 + ")" * 3, "<" * 500])
def test_nested_padding_in_an_address_field_keeps_the_verdict(field: str, padding: str) -> None:
    lines = PHISH.split("\n")
    lines = [f"{field}: {padding}{line.split(': ', 1)[1]}" if line.startswith(field + ": ") else line for line in lines]
    verdict, readable, _ = verdict_of("\n".join(lines).encode())
    assert readable and verdict == BASE[0]


def test_the_from_display_name_survives_an_unclosed_comment() -> None:
    (addr,) = parse_addresses("Amazon ((((( <security@evil.example.com>")
    assert addr.address == "security@evil.example.com" and addr.display_name == "Amazon"


@pytest.mark.parametrize(("value", "address"), [
    ('<"a@b.example.nl">', "a@b.example.nl"),
    ("Taro <TARO@Example.JP.>", "taro@example.jp"),
    ("'x@y.example.com'", "x@y.example.com"),
])
def test_quoted_or_dotted_addresses_give_a_plain_domain(value: str, address: str) -> None:
    (addr,) = parse_addresses(value)
    assert addr.address == address
    assert addr.domain == address.split("@")[1]


@given(st.text(alphabet='()<>":,;@ab.\\-', max_size=3000))
@settings(max_examples=200, deadline=None)
def test_address_parsing_never_raises(value: str) -> None:
    for addr in parse_addresses(value):
        assert '"' not in addr.domain and ">" not in addr.domain


@pytest.mark.parametrize("value", [
    "a@" + "a" * 3000 + "!",  # one long label that does not end well: no backtracking over it
    "a@" + "ab." * 1300 + "-",
    "<" + "a" * 3990 + "@b>",
    '"' + "(" * 3000,
])
def test_address_parsing_is_linear_on_long_runs(value: str) -> None:
    import time

    start = time.perf_counter()
    for _ in range(20):
        parse_addresses(value)
    assert time.perf_counter() - start < 10  # a hang guard: exponential backtracking never ends


@pytest.mark.parametrize("pad", [b"\x00" * 100, b"\x00" * 5000, b"\x01\x02\x03" * 300])
@pytest.mark.parametrize("where", ["end", "start", "inside"])
def test_control_byte_padding_keeps_the_verdict(pad: bytes, where: str) -> None:
    data = PHISH.encode()
    if where == "end":
        data += pad
    elif where == "start":
        data = pad + data
    else:
        cut = data.index(b"Your")
        data = data[:cut] + pad + data[cut:]
    verdict, readable, problems = verdict_of(data)
    assert readable and verdict == BASE[0]
    assert "control_bytes" in problems


def test_random_bytes_stay_binary() -> None:
    import random

    data = random.Random(5).randbytes(200_000)
    assert verdict_of(data)[1:] == (False, {"binary_input"})


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_files_are_read(codec: str) -> None:
    verdict, readable, problems = verdict_of(PHISH.encode(codec))
    assert readable and verdict == BASE[0]
    assert "binary_input" not in problems


def test_japanese_utf16_without_a_bom_is_read() -> None:
    mail = ("From: 三井住友カード <info@smbc-card.example.com>\nTo: taro@example.jp\nSubject: 【重要】ご利用確認\n\n"
            "三井住友カードをご利用いただきありがとうございます。ログインしてご確認ください。\n"
            "https://smbc.servicecc-jp.example.com/vpass/login\n")
    report = analyse(mail.encode("utf-16-le"))
    assert report.readable and report.subject == "【重要】ご利用確認"
    assert [link.host for link in report.links] == ["smbc.servicecc-jp.example.com"]


def test_ten_lines_of_urls_are_a_pasted_body_not_a_header_block() -> None:
    text = "\n".join(f"https://login{i}.evil-host.example.com/verify?id={i}" for i in range(12)) + "\n"
    report = analyse(text.encode())
    assert report.kind == "pasted"
    assert "headers_only" not in {p.code for p in report.problems}
    assert len(report.links) == 12
    defanged = "\n".join(f"hxxps[:]//login{i}[.]evil-host[.]example[.]com/x" for i in range(12))
    assert analyse(defanged.encode()).kind == "pasted"


# --- header parameters: linear, bounded ------------------------------------------------------


def _with_content_type(value: bytes) -> bytes:
    head, _, body = PHISH.encode().partition(b"\n\n")
    head = head.replace(b"Content-Type: text/plain; charset=utf-8", b"Content-Type: " + value)
    return head + b"\n\n" + body


@pytest.mark.parametrize("size", [50_000, 200_000])
def test_a_quadratic_parameter_header_keeps_the_verdict(size: int) -> None:
    verdict, readable, problems = verdict_of(_with_content_type(b'text/plain; a="' + b";" * size))
    assert readable and verdict == BASE[0]
    assert "long_header" in problems


def test_an_rfc2231_storm_is_cut_to_a_few_parameters() -> None:
    storm = b"text/plain; " + b"".join(b"name*%d*=utf-8''%%41%%42; " % i for i in range(600))
    verdict, readable, problems = verdict_of(_with_content_type(storm))
    assert readable and verdict == BASE[0]
    assert problems & {"param_limit", "long_header"}


def test_a_huge_header_field_is_cut_and_said() -> None:
    data = b"X-Padding: " + b"x " * 3_750_000 + b"\n" + PHISH.encode()
    verdict, readable, problems = verdict_of(data)
    assert readable and verdict == BASE[0]
    assert "long_header" in problems


@pytest.mark.parametrize("value", [
    "text/plain; name*=a; name*0=b",  # the stdlib sorts None against 0
    "text/plain; name*" + "9" * 5000 + "=x",  # int() of 5,000 digits
    "text/plain; charset*=idna''%FF%FE",
    "text/plain; charset*=rot13''abc",
])
def test_malformed_rfc2231_continuations_are_read_as_written(value: str) -> None:
    msg = email.message.Message()
    msg["Content-Type"] = value
    fields = content_fields(msg)
    assert fields.content_type == "text/plain"


_token = st.text(alphabet="abcxyz-0123", min_size=1, max_size=8)
_param_value = st.one_of(_token, _token.map(lambda v: f'"{v}; {v}"'), _token.map(lambda v: f"'{v}'"))


@given(st.lists(st.tuples(st.sampled_from(["charset", "boundary", "name", "format", "x"]), _param_value), max_size=5),
       st.sampled_from(["text/plain", "TEXT/HTML", "multipart/mixed", "application/pdf", "bogus"]))
@settings(max_examples=200, deadline=None)
def test_parameters_read_as_the_stdlib_reads_them(params: list[tuple[str, str]], ctype: str) -> None:
    value = ctype + "".join(f"; {k}={v}" for k, v in params)
    msg = email.parser.HeaderParser(policy=email.policy.compat32).parsestr(f"Content-Type: {value}\n\n")
    fields = content_fields(msg)
    assert fields.content_type == msg.get_content_type()
    assert fields.charset == msg.get_content_charset()
    assert fields.boundary == msg.get_param("boundary")
    stdlib_name = msg.get_filename()
    assert fields.filename == (stdlib_name or None)


def test_split_params_is_linear_in_shape() -> None:
    head, params, dropped = split_params('text/plain; a="' + ";" * 8000)
    assert head == "text/plain" and len(params) == 1 and not dropped
    _, params, dropped = split_params("text/plain" + "; a=b" * 1000)
    assert len(params) == 64 and dropped


# --- one budget per mail -----------------------------------------------------------------


def _pdf_mail(count: int, inflated: int) -> bytes:
    import base64
    import zlib

    stream = zlib.compress(b"0" * inflated, 9)
    pdf = (b"%%PDF-1.4\n1 0 obj << /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)) + stream + (
        b"\nendstream\nendobj\n%%EOF\n")
    b64 = base64.encodebytes(pdf)
    parts = [b"From: a@example.com\nTo: b@example.jp\nSubject: pdfs\nMIME-Version: 1.0\n"
             b'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nsee attached\n']
    for i in range(count):
        parts.append(b'--B\nContent-Type: application/pdf; name="f%d.pdf"\nContent-Transfer-Encoding: base64\n\n' % i + b64)
    parts.append(b"--B--\n")
    return b"".join(parts)


def test_the_decompressed_bytes_of_all_attachments_share_one_budget() -> None:
    report = analyse(_pdf_mail(12, 5_000_000), limits=Limits(max_inflated_bytes=8_000_000))
    assert "inflate_limit" in {p.code for p in report.problems}
    assert len(report.sender.recipients) == 1  # the rest of the mail was read


def test_a_budget_that_runs_out_stops_reading_and_says_so() -> None:
    ticks = iter(range(10_000))
    report = analyse(_pdf_mail(30, 1000), limits=Limits(max_seconds=5), clock=lambda: float(next(ticks)))
    assert report.readable
    assert "time_limit" in {p.code for p in report.problems}


def test_no_clock_means_no_time_limit() -> None:
    budget = Budget(Limits(max_seconds=0.001))
    assert not budget.out_of_time()
