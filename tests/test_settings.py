"""One table of settings, read the same way by every command: the environment over ``.env``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.settings import BY_NAME, SETTINGS, SettingsError, default_db_path, environment, read_settings
from tests.cli.test_analyze_cli import SEED_EML
from tests.conftest import ROOT


def test_defaults(tmp_path: Path) -> None:
    s = read_settings({}, env_file=None)
    assert s.db_path == default_db_path() and s.db_from_default
    assert s.db_path == os.path.join(os.environ["XDG_DATA_HOME"], "phishbot", "phishbot.db")  # tests/conftest.py
    assert s.lookups.enabled and s.lookups.timeout == 4.0 and s.lookups.deadline == 6.0
    assert s.lang is None and s.discord.token is None


def test_every_setting_is_read_into_the_settings() -> None:
    """A value set for any setting in the table changes what read_settings returns."""
    base = read_settings({}, env_file=None)
    samples = {"PHISHBOT_LANG": "ja", "PHISHBOT_DB": "/tmp/x/pb.db", "ADDRESS_HASH_KEY": "k" * 20,
               "LOOKUPS_ENABLED": "false", "RDAP_BASE_URL": "http://127.0.0.1:1/rdap", "WHOIS_SERVER": "127.0.0.1:4343",
               "RDAP_BOOTSTRAP_URL": "http://127.0.0.1:1/dns.json", "DISCORD_TOKEN": "abc.def",
               "REPORT_CHANNELS": "reports", "DISCORD_API_BASE": "http://127.0.0.1:1/api/v10",
               "DISCORD_GATEWAY_URL": "ws://127.0.0.1:1/", "WEB_ENABLED": "false", "WEB_HOST": "0.0.0.0",
               "WEB_PUBLIC_URL": "https://phishbot.example.jp", "FEEDS": "openphish"}
    companions = {"PHISHBOT_SHARDS": {"PHISHBOT_SHARD_COUNT": "8"}}  # a range of shards needs the count
    for setting in SETTINGS:
        value = samples.get(setting.name, "7")
        extra = companions.get(setting.name, {})
        compared = read_settings(extra, env_file=None) if extra else base
        assert read_settings({setting.name: value, **extra}, env_file=None) != compared, setting.name


_good = st.fixed_dictionaries(
    {},
    optional={
        "PHISHBOT_MAX_URLS": st.integers(min_value=1, max_value=10**9).map(str),
        "LOOKUPS_ENABLED": st.sampled_from(["true", "false", "1", "0", "yes", "no", "ON"]),
        "LOOKUP_TIMEOUT": st.floats(min_value=0.01, max_value=60).map(lambda f: f"{f:.3f}"),
        "WHOIS_SERVER": st.sampled_from(["127.0.0.1:4343", "[::1]:43", "whois.example.net:43"]),
        "PHISHBOT_LANG": st.sampled_from(["ja", "en", "ja_JP.UTF-8", "EN"]),
        "REPORT_CHANNELS": st.sampled_from(["reports", " #Phish , reports,phish ", "フィッシング報告"]),
    },
)


@settings(max_examples=40)
@given(_good)
def test_good_values_are_read(env: dict[str, str]) -> None:
    s = read_settings(env, env_file=None)
    if "PHISHBOT_LANG" in env:
        assert s.lang in ("ja", "en")
    if "LOOKUPS_ENABLED" in env:
        assert s.lookups.enabled == (env["LOOKUPS_ENABLED"].lower() in ("true", "1", "yes", "on"))


@pytest.mark.parametrize(
    ("variable", "bad", "code"),
    [("PHISHBOT_MAX_PARTS", "ten", "not_integer"), ("PHISHBOT_MAX_PARTS", "0", "not_positive"),
     ("LOOKUP_TIMEOUT", "-1", "not_positive"), ("LOOKUP_TIMEOUT", "soon", "not_seconds"),
     ("LOOKUP_TIMEOUT", "inf", "not_positive"), ("LOOKUPS_ENABLED", "maybe", "not_bool"),
     ("WHOIS_SERVER", "no-port", "not_host_port"), ("WHOIS_SERVER", "host:99999", "not_host_port"),
     ("RDAP_BASE_URL", "ftp://x", "not_url"), ("DISCORD_GATEWAY_URL", "http://x", "not_url"),
     ("DISCORD_API_BASE", "ws://x", "not_url"), ("ANALYSES_PER_MINUTE", "0", "not_positive"),
     ("PHISHBOT_LANG", "fr", "not_lang"), ("ADDRESS_HASH_KEY", "short", "key_too_short"),
     ("REPORT_CHANNELS", " , #", "no_channels")],
)
def test_bad_values_are_refused(variable: str, bad: str, code: str) -> None:
    with pytest.raises(SettingsError) as caught:
        read_settings({variable: bad}, env_file=None)
    assert caught.value.name == variable and caught.value.code == code
    for lang in ("en", "ja"):
        sentence = caught.value.sentence(lang)
        assert variable in sentence and "{" not in sentence and "\n" not in sentence


def test_a_secret_is_never_repeated_in_its_error() -> None:
    with pytest.raises(SettingsError) as caught:
        read_settings({"ADDRESS_HASH_KEY": "hunter2"}, env_file=None)
    assert "hunter2" not in caught.value.sentence("en") and "hunter2" not in str(caught.value)


def test_the_environment_wins_over_dotenv(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("PHISHBOT_DB=/tmp/from-dotenv.db\nPHISHBOT_LANG=ja\n# a comment\nexport LOOKUP_TIMEOUT='9'\n",
                        encoding="utf-8")
    merged = environment({"PHISHBOT_LANG": "en"}, env_file=str(env_file))
    assert merged["PHISHBOT_DB"] == "/tmp/from-dotenv.db" and merged["PHISHBOT_LANG"] == "en"
    s = read_settings({"PHISHBOT_LANG": "en"}, env_file=str(env_file))
    assert s.db_path == "/tmp/from-dotenv.db" and s.lang == "en" and s.lookups.timeout == 9.0
    assert not s.db_from_default


def test_dotenv_values_are_taken_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-dotenv expands ``${VAR}`` and ``$VAR`` by default: a token or a key holding ``$`` would
    change silently (here into another variable's value, or into nothing)."""
    monkeypatch.setenv("HOME_SECRET", "expanded")
    env_file = tmp_path / ".env"
    env_file.write_text("ADDRESS_HASH_KEY=ab${HOME_SECRET}cd$HOME_SECRET-0123456789\n"
                        "DISCORD_TOKEN=\"tok${UNSET_VAR:-default}en$\"\n"
                        "WEB_PUBLIC_URL=https://phishbot.example.jp/${PATH_PART}\n", encoding="utf-8")
    merged = environment({}, env_file=str(env_file))
    assert merged["ADDRESS_HASH_KEY"] == "ab${HOME_SECRET}cd$HOME_SECRET-0123456789"
    assert merged["DISCORD_TOKEN"] == "tok${UNSET_VAR:-default}en$"
    settings = read_settings({}, env_file=str(env_file))
    assert settings.address_hash_key == "ab${HOME_SECRET}cd$HOME_SECRET-0123456789"
    assert settings.discord.token == "tok${UNSET_VAR:-default}en$"
    assert settings.web.public_url == "https://phishbot.example.jp/${PATH_PART}"


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("PHISHBOT_", "LC_", "LANG"))}
    full.update({"PYTHONPATH": str(ROOT), "LOOKUPS_ENABLED": "false", **(env or {})})
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=full, capture_output=True, text=True,
                          timeout=120, check=False)


def test_cli_refuses_a_bad_setting_in_one_sentence(tmp_path: Path) -> None:
    proc = cli("analyze", str(SEED_EML), cwd=tmp_path, env={"PHISHBOT_LANG": "fr"})
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "PHISHBOT_LANG" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / ".env").write_text("PHISHBOT_MAX_URLS=many\n", encoding="utf-8")
    proc = cli("stats", "--guild", "1", "--lang", "ja", cwd=tmp_path)
    assert proc.returncode == 2 and "PHISHBOT_MAX_URLS" in proc.stderr and "整数" in proc.stderr


def test_every_command_uses_the_database_named_in_dotenv(tmp_path: Path) -> None:
    """The issue's scenario: PHISHBOT_DB only in .env; db status, report, stats, leak and health use it."""
    db = tmp_path / "x" / "pb.db"
    (tmp_path / ".env").write_text(f"PHISHBOT_DB={db}\n", encoding="utf-8")
    missing = cli("db", "status", cwd=tmp_path)
    assert missing.returncode == 1 and str(db) in missing.stderr and not db.exists()  # status creates nothing
    report = cli("report", str(SEED_EML), "--guild", "1", "--member", "2", "--json", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert db.is_file() and (db.parent / "secret.key").is_file()
    stats = json.loads(cli("stats", "--guild", "1", "--json", cwd=tmp_path).stdout)
    assert stats["reports"] == 1
    leak = cli("leak", "register", "--guild", "1", "--member", "2", "--address", "taro@example.jp",
               "--services", "amazon", cwd=tmp_path)
    assert leak.returncode == 0, leak.stderr
    status = json.loads(cli("db", "status", "--json", cwd=tmp_path).stdout)
    assert status["database"] == str(db) and status["integrity"] == "ok" and not status["default_location"]
    assert cli("health", cwd=tmp_path).returncode == 1  # no bot has touched the heartbeat beside it
    (db.parent / "phishbot.alive").write_text("1\n", encoding="ascii")
    assert cli("health", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "data").exists() and not Path(os.environ["XDG_DATA_HOME"], "phishbot").exists()


def test_unset_database_is_in_the_user_data_folder_whatever_the_current_folder(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert cli("report", str(SEED_EML), "--guild", "1", "--member", "2", cwd=one).returncode == 0
    stats = json.loads(cli("stats", "--guild", "1", "--json", cwd=two).stdout)
    assert stats["reports"] == 1  # the same database from another folder
    status = cli("db", "status", cwd=two)
    assert default_db_path() in status.stdout and "PHISHBOT_DB" in status.stdout


def test_the_table_has_a_meaning_for_every_setting() -> None:
    for setting in SETTINGS:
        assert setting.meaning.strip() and setting.group and setting.shown_default, setting.name
    assert len(BY_NAME) == len(SETTINGS)


def test_web_and_feed_settings() -> None:
    s = read_settings({"WEB_HOST": "::", "WEB_PORT": "9090", "FEEDS": "jpcert, openphish=http://127.0.0.1:1/feed.txt",
                       "FEEDS_INTERVAL": "600"}, env_file=None)
    assert s.web.base_url == "http://[::]:9090"
    assert [(f.source, f.url) for f in s.feeds.sources] == [
        ("jpcert", "https://raw.githubusercontent.com/JPCERTCC/phishurl-list/main/{year}/{year}{month}.csv"),
        ("openphish", "http://127.0.0.1:1/feed.txt")]
    assert read_settings({"WEB_PUBLIC_URL": "https://pb.example.jp/"}, env_file=None).web.base_url == "https://pb.example.jp"
    for name, value, code in (("WEB_PORT", "70000", "not_port"), ("WEB_PORT", "-1", "not_port"), ("WEB_HOST", "a b", "not_host"),
                              ("FEEDS", "jpcert,evilfeed", "not_feed"), ("FEEDS", "openphish=file:///etc/passwd", "not_feed")):
        with pytest.raises(SettingsError) as caught:
            read_settings({name: value}, env_file=None)
        assert caught.value.code == code
        assert name in caught.value.sentence("ja") and name in caught.value.sentence("en")
