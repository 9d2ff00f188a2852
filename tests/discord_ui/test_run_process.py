"""``phishbot run`` and ``phishbot sync`` as a user starts them: a separate process pointed at the
fake Discord with DISCORD_API_BASE / DISCORD_GATEWAY_URL (the issue's "Must show")."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.discord_ui.conftest import SEED_EML, SEED_PASTE, embed_text
from tests.fakes.discord.driver import FakeDiscord, discord_in_thread
from tests.fakes.discord.state import GUILD_ID


@pytest.fixture
def fake_thread() -> Iterator[FakeDiscord]:
    with discord_in_thread() as fake:
        yield fake


def bot_env(fake: FakeDiscord, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "PHISHBOT_", "LOOKUP"))}
    env.update({
        "DISCORD_TOKEN": fake.token, "DISCORD_API_BASE": fake.api_base, "DISCORD_GATEWAY_URL": fake.gateway_url,
        "PHISHBOT_DB": str(tmp_path / "data" / "phishbot.db"), "LOOKUPS_ENABLED": "false",
        "DISCORD_GUILD_READY_TIMEOUT": "0.1", "PYTHONPATH": str(ROOT),
    })
    env.update(extra)
    return env


def phishbot(*args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "bot", *args], env=env, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def embeds(fake: FakeDiscord) -> list[dict[str, Any]]:
    return [m for m in fake.sent_messages if m.get("embeds")]


def test_must_show_paste_and_eml_answered_in_threads_then_sigterm(fake_thread: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_thread
    proc = phishbot("run", env=bot_env(fake, tmp_path), cwd=tmp_path)
    failure: BaseException | None = None
    try:
        fake.call(fake.wait_ready, 30)
        fake.call(fake.post_message, SEED_PASTE)
        attachment = fake.add_attachment("seed-smbc-selfspoof.eml", SEED_EML, "message/rfc822")
        fake.call(fake.post_message, "", attachments=[attachment])
        fake.call(fake.wait_for, lambda _: len(embeds(fake)) >= 2, timeout=60)
        assert len(fake.threads) == 2
        for message in embeds(fake):
            text = embed_text(message)
            assert "servicecc-jp[.]cc" in text and "servicecc-jp.cc" not in text
            assert "t***@example.jp" in text and "taro.yamada@example.jp" not in text
        assert {m["channel_id"] for m in embeds(fake)} == {t["id"] for t in fake.threads}
        assert all(m["allowed_mentions"] == {"parse": []} for m in fake.sent_messages)
    except BaseException as exc:  # noqa: BLE001 - re-raised below with the bot's own log
        failure = exc
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    if failure is not None:
        raise AssertionError(f"{failure!r}\n--- the bot's stderr ---\n{err.decode('utf-8', 'replace')}") from failure
    assert proc.returncode == 0, err.decode("utf-8", "replace")
    stderr = err.decode("utf-8", "replace")
    assert fake.token not in stderr and "Traceback" not in stderr, stderr
    assert "stopped cleanly" in stderr
    db = sqlite3.connect(tmp_path / "data" / "phishbot.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM report WHERE guild_id = ?", (GUILD_ID,)).fetchone() == (2,)
    finally:
        db.close()
    assert not (tmp_path / "data" / "phishbot.alive").exists()  # the health file goes with the bot


def test_missing_token_is_exit_2_with_a_clear_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}
    env.update({"PYTHONPATH": str(ROOT), "PHISHBOT_LANG": "en"})
    proc = subprocess.run([sys.executable, "-m", "bot", "run"], env=env, cwd=tmp_path, capture_output=True, timeout=60,
                          check=False)
    assert proc.returncode == 2
    assert b"DISCORD_TOKEN is not set" in proc.stderr and b"Traceback" not in proc.stderr


def test_rejected_token_is_exit_2(fake_thread: FakeDiscord, tmp_path: Path) -> None:
    fake_thread.reject_login = True
    proc = phishbot("run", env=bot_env(fake_thread, tmp_path, PHISHBOT_LANG="ja"), cwd=tmp_path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    text = err.decode("utf-8", "replace")
    assert "トークン" in text and "Traceback" not in text and fake_thread.token not in text


def test_message_content_intent_not_enabled_is_exit_2(fake_thread: FakeDiscord, tmp_path: Path) -> None:
    fake_thread.disallowed_intents = 1 << 15  # MESSAGE_CONTENT, as for a bot whose portal switch is off
    proc = phishbot("run", env=bot_env(fake_thread, tmp_path, PHISHBOT_LANG="en"), cwd=tmp_path)
    _, err = proc.communicate(timeout=60)
    text = err.decode("utf-8", "replace")
    assert proc.returncode == 2, text
    assert "Message Content intent" in text and "Traceback" not in text


def test_token_from_dotenv(fake_thread: FakeDiscord, tmp_path: Path) -> None:
    env = bot_env(fake_thread, tmp_path)
    token = env.pop("DISCORD_TOKEN")
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={token}\n", encoding="utf-8")
    proc = phishbot("sync", "--guild", str(GUILD_ID), env=env, cwd=tmp_path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode("utf-8", "replace")


def test_sync_registers_localised_commands(fake_thread: FakeDiscord, tmp_path: Path) -> None:
    proc = phishbot("sync", "--guild", str(GUILD_ID), env=bot_env(fake_thread, tmp_path, PHISHBOT_LANG="en"),
                    cwd=tmp_path)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode("utf-8", "replace")
    commands = fake_thread.commands[str(GUILD_ID)]
    names = [c["name"] for c in commands]
    assert len(names) == len(set(names))
    assert {"analyze", "domain", "campaign", "leak", "stats", "privacy", "setup", "Analyze as phishing mail"} <= set(names)
    analyze = next(c for c in commands if c["name"] == "analyze")
    assert analyze["name_localizations"]["ja"] == "解析"
    assert "メール" in analyze["description_localizations"]["ja"]
    setup = next(c for c in commands if c["name"] == "setup")
    assert int(setup["default_member_permissions"]) == 1 << 5  # Manage Server
    assert b"synced" in out
    assert not (tmp_path / "data").exists()  # sync opens no database


def test_a_taken_web_port_is_said_plainly(fake_thread: FakeDiscord, tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = phishbot("run", env=bot_env(fake_thread, tmp_path, WEB_PORT=str(port), PHISHBOT_LANG="en"), cwd=tmp_path)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert f"cannot listen on 127.0.0.1 port {port}".encode() in err and b"Traceback" not in err
