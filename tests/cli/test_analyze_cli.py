"""`phishbot analyze` as a user runs it: a real process, real files, stdout and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, EXAMPLES, ROOT, need_shared

SEED_EML = EXAMPLES / "seed-smbc-selfspoof.eml"
SEED_PASTED = EXAMPLES / "seed-smbc-pasted.txt"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """``phishbot`` as its own process, from a folder that is not the checkout (a ``.env`` there
    would be read), on this checkout's code."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("PHISHBOT_", "LC_", "LANG"))}
    full_env["LOOKUPS_ENABLED"] = "false"  # no test reaches past loopback; lookup tests bring fake registries
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    if cwd is None:
        cwd = Path(full_env.get("XDG_DATA_HOME") or ROOT)  # the test's own folder (tests/conftest.py)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=cwd, env=full_env, timeout=120, check=False
    )


def test_examples_are_the_shared_acceptance_cases() -> None:
    need_shared()
    assert SEED_EML.read_bytes() == (CASES / "seed-smbc-selfspoof.eml").read_bytes()
    assert SEED_PASTED.read_bytes() == (CASES / "seed-smbc-pasted.txt").read_bytes()


def test_seed_eml_json_must_show() -> None:
    proc = run("analyze", str(SEED_EML), "--json", "--no-lookups")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["verdict"] == "phishing"
    rules = {f["rule"] for f in obj["findings"]}
    assert {"self_sent", "envelope_mismatch", "dmarc_fail"} <= rules
    assert rules & {"lookalike_domain", "brand_link_mismatch"}
    assert obj["sender"]["envelope_domain"] == "ntc-cs.com"
    assert obj["sender"]["handoff_ip"] == "203.0.113.45"
    assert obj["sender"]["origin_ip"] == "198.51.100.77"
    assert obj["sender"]["auth"] == {"spf": "pass", "dkim": "pass", "dmarc": "fail"}
    assert "smbc" in obj["brand"]["id"]
    assert obj["brand"]["name_ja"] == "三井住友カード"
    assert obj["brand"]["official"] is False
    [link] = obj["links"]
    assert link["registrable_domain"] == "servicecc-jp.cc"
    assert link["host"] == "smbc.servicecc-jp.cc"
    assert link["url"].startswith("hxxps://smbc[.]servicecc-jp[.]cc/")
    assert link["lookup"] == "skipped"
    assert obj["input"] == str(SEED_EML)
    assert obj["campaign"] is None and obj["report_id"] is None
    text = proc.stdout.decode()
    assert "taro.yamada@example.jp" not in text
    assert "t***@example.jp" in text
    assert "https://smbc" not in text and "uid=8f3a91c2" not in text


def test_seed_readable_output_is_masked_and_defanged_in_both_languages() -> None:
    for lang, word in (("ja", "フィッシング"), ("en", "Phishing")):
        proc = run("analyze", str(SEED_EML), "--lang", lang)
        assert proc.returncode == 0
        out = proc.stdout.decode()
        assert word in out
        assert "taro.yamada" not in out
        assert "servicecc-jp.cc" not in out  # only ever defanged for people
        assert "smbc[.]servicecc-jp[.]cc" in out
        # the sender's domain only ever defanged, or as the domain of a masked address (b***@ntc-cs.com)
        assert "ntc-cs.com" not in re.sub(r"\*\*\*@[\w.-]+", "", out)


def test_seed_pasted_text() -> None:
    proc = run("analyze", str(SEED_PASTED), "--json", "--no-lookups")
    assert proc.returncode == 0
    obj = json.loads(proc.stdout)
    assert obj["verdict"] in ("phishing", "suspicious")
    assert obj["kind"] == "pasted"
    assert obj["sender"]["envelope_domain"] == "ntc-cs.com"
    rules = {f["rule"] for f in obj["findings"]}
    assert "envelope_mismatch" in rules
    assert rules & {"lookalike_domain", "brand_link_mismatch"}
    assert "smbc" in obj["brand"]["id"]
    assert [link["registrable_domain"] for link in obj["links"]] == ["servicecc-jp.cc"]


def test_stdin_and_language_from_environment() -> None:
    proc = run("analyze", "-", stdin=SEED_PASTED.read_bytes(), env={"PHISHBOT_LANG": "ja"})
    assert proc.returncode == 0
    assert "判定: フィッシング" in proc.stdout.decode()
    proc = run("analyze", "-", stdin=SEED_PASTED.read_bytes(), env={"LANG": "ja_JP.UTF-8"})
    assert "判定" in proc.stdout.decode()
    proc = run("analyze", "-", stdin=SEED_PASTED.read_bytes(), env={"LANG": "C.UTF-8"})
    assert "Verdict: Phishing" in proc.stdout.decode()


def test_folder_gives_one_json_object_per_file_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.eml").write_bytes(SEED_EML.read_bytes())
    (tmp_path / "sub" / "b.txt").write_bytes(SEED_PASTED.read_bytes())
    (tmp_path / "notes.pdfx").write_bytes(b"ignored: not a mail suffix")
    proc = run("analyze", "--json", str(tmp_path))
    assert proc.returncode == 0
    objs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["input"] for o in objs] == [str(tmp_path / "a.eml"), str(tmp_path / "sub" / "b.txt")]
    assert all(o["verdict"] == "phishing" for o in objs)


def test_exit_codes(tmp_path: Path) -> None:
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    proc = run("analyze", str(empty))
    assert proc.returncode == 1
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "empty" in err[0]
    assert b"Traceback" not in proc.stderr

    proc = run("analyze", str(tmp_path / "missing.eml"), "--lang", "ja")
    assert proc.returncode == 1
    assert "ファイルがありません" in proc.stderr.decode()

    proc = run("analyze")
    assert proc.returncode == 2
    proc = run("analyze", str(SEED_EML), "--lang", "fr")
    assert proc.returncode == 2

    # one unreadable input among good ones: every good one is still reported, exit 1
    proc = run("analyze", "--json", str(SEED_EML), str(empty))
    assert proc.returncode == 1
    objs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert objs[0]["verdict"] == "phishing"
    assert objs[1] == {"input": str(empty), "error": "empty_input", "detail": "The input is empty."}


def test_analyze_without_lookups_imports_neither_discord_nor_aiohttp() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from bot.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main(['analyze', '--json', '--no-lookups', {str(SEED_EML)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('discord', 'aiohttp', 'aiosqlite', 'whois', 'pydantic'))\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60, check=True)
    assert proc.stdout.decode().strip() == ""


@pytest.mark.parametrize("name", ["seed-smbc-selfspoof.eml", "seed-smbc-pasted.txt"])
def test_json_stdout_is_only_json(name: str) -> None:
    proc = run("analyze", "--json", str(EXAMPLES / name))
    for line in proc.stdout.decode().splitlines():
        json.loads(line)


def test_report_text_is_ready_to_send_and_masked() -> None:
    proc = run("analyze", "--no-lookups", "--report-text", "--lang", "ja", str(EXAMPLES / "seed-smbc-selfspoof.eml"))
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    assert "info@antiphishing.jp" in out and "meiwaku@dekyo.or.jp" in out
    assert "Received: from mail.ntc-cs.com" in out and "Authentication-Results:" in out
    assert "taro.yamada" not in out and "servicecc-jp.cc" not in out and "t***@example" in out
    as_json = run("analyze", "--no-lookups", "--report-text", "--json", str(EXAMPLES / "seed-smbc-pasted.txt"))
    obj = json.loads(as_json.stdout)
    assert "report_text" in obj and "taro.yamada" not in obj["report_text"]


def test_report_text_for_dekyo_keeps_what_the_desk_acts_on() -> None:
    """Issue 12's must-show: the member masked everywhere; the attacker's sender, Return-Path,
    Message-ID and relays intact; the body there; the phishing URL whole and not clickable."""
    proc = run("analyze", "--no-lookups", "--report-text", "dekyo", "--lang", "ja",
               str(EXAMPLES / "seed-smbc-selfspoof.eml"))
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    first = out.splitlines()[0]
    assert "添付ファイルとして転送" in first and "Gmail" in first and "Outlook" in first
    assert "迷惑メール相談センター 御中" in out and "meiwaku@dekyo.or.jp" in out and "info@antiphishing.jp" not in out
    # the member: masked everywhere, in every form (the local part alone too)
    assert "taro.yamada" not in out and "taro" not in out.lower().replace("t***", "")
    assert "To: t***@example.jp <t***@example.jp>" in out and "Delivered-To: t***@example.jp" in out
    # the attacker's: as they are, smtp.mailfrom= keeping its key
    assert "Return-Path: <bounce-8812@ntc-cs.com>" in out
    assert "Message-ID: <20210124190205.91C2F1A0@ntc-cs.com>" in out
    assert "smtp.mailfrom=bounce-8812@ntc-cs.com" in out
    assert "Received: from mail.ntc-cs.com (mail.ntc-cs.com [203.0.113.45])" in out and "198.51.100.77" in out
    # the body, the member masked in it
    assert "ご利用中の三井住友カードアカウントへのログインが確認されました。" in out and "t***@example.jp様" in out
    # the URL whole (its query too) and dead
    assert "hxxps://smbc[.]servicecc-jp[.]cc/vpass/login[.]php?uid=8f3a91c2" in out
    assert "https://" not in out and "http://" not in out and "servicecc-jp.cc" not in out
    assert "あなた" not in out and "メンバーのアドレス" not in out  # said to the desk, not to the member
    for desk in ("antiphishing", "dekyo"):
        text = run("analyze", "--no-lookups", "--report-text", desk, "--lang", "en",
                   str(EXAMPLES / "seed-smbc-selfspoof.eml")).stdout.decode()
        assert "Forward as attachment" in text.splitlines()[0]
        assert "your own address" not in text and "addresses you" not in text and "asks you" not in text


def test_the_command_names_the_hint_knows_are_the_parser_s() -> None:
    import argparse

    from bot.cli import parser
    from bot.cli._common import COMMANDS

    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == COMMANDS


def test_a_missing_file_named_like_a_command_points_to_the_command(tmp_path: Path) -> None:
    proc = run("analyze", "--no-lookups", "--lang", "en", "leak")
    assert proc.returncode == 1 and b"phishbot leak" in proc.stderr


def test_analyze_in_process_puts_the_collector_threshold_back(tmp_path: Path) -> None:
    """review9: the run's collector threshold (bot/cli/analyze.py) is the run's; a process that calls ``main``
    (a test's, an embedding tool's) keeps its own afterwards."""
    import gc
    import io
    from contextlib import redirect_stdout

    from bot.cli import main

    (tmp_path / "a.txt").write_bytes(SEED_PASTED.read_bytes())
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with redirect_stdout(io.StringIO()):
            main(["analyze", "--no-lookups", "--lang", "en", str(tmp_path)])
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_analyze_in_process_puts_the_collector_state_back(tmp_path: Path) -> None:
    """speed10: ``analyze`` runs its imports and first mail without the collector; a process that calls
    ``main`` gets the collector back as it had it — on after a run (with mail, or none found), and left
    off when the caller had turned it off."""
    import gc
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from bot.cli import main

    (tmp_path / "mail").mkdir()
    (tmp_path / "mail" / "a.txt").write_bytes(SEED_PASTED.read_bytes())
    (tmp_path / "empty").mkdir()
    was = gc.isenabled()
    try:
        for folder in ("mail", "empty"):
            for state in (True, False):
                (gc.enable if state else gc.disable)()
                with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
                    main(["analyze", "--no-lookups", "--lang", "en", str(tmp_path / folder)])
                assert gc.isenabled() is state, (folder, state)
    finally:
        (gc.enable if was else gc.disable)()
