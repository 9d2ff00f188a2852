"""The fast settings reader and the pydantic model agree on names, defaults and checks."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.settings import DEFAULT_DB, LIMIT_VARIABLES, AppSettings, SettingsError, read_settings
from bot.settings_model import Settings
from tests.conftest import ROOT

ALL_VARIABLES = [field.alias for field in Settings.model_fields.values()]


def model(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> AppSettings:
    for variable in ALL_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return Settings(_env_file=None).app()  # type: ignore[call-arg]


def test_defaults_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = read_settings({})
    assert fast == model({}, monkeypatch)
    assert fast.db_path == DEFAULT_DB
    assert fast.lookups.enabled and fast.lookups.timeout == 4.0 and fast.lookups.deadline == 6.0


_values = st.fixed_dictionaries(
    {},
    optional={
        **{name: st.integers(min_value=1, max_value=10**9).map(str) for name in LIMIT_VARIABLES},
        "LOOKUPS_ENABLED": st.sampled_from(["true", "false", "1", "0", "yes", "no"]),
        "LOOKUP_TIMEOUT": st.floats(min_value=0.01, max_value=60).map(lambda f: f"{f:.3f}"),
        "LOOKUP_DEADLINE": st.floats(min_value=0.01, max_value=60).map(lambda f: f"{f:.3f}"),
        "LOOKUP_CONCURRENCY": st.integers(min_value=1, max_value=64).map(str),
        "RDAP_BASE_URL": st.sampled_from(["http://127.0.0.1:8080/rdap", "https://rdap.example.net/"]),
        "WHOIS_SERVER": st.sampled_from(["127.0.0.1:4343", "[::1]:43", "whois.example.net:43"]),
        "PHISHBOT_DB": st.sampled_from(["/tmp/x.db", "data/other.db"]),
        "PHISHBOT_LANG": st.sampled_from(["ja", "en"]),
        "DISCORD_TOKEN": st.sampled_from(["abc.def.ghi", " "]),
        "DISCORD_API_BASE": st.sampled_from(["http://127.0.0.1:8080/api/v10", "https://discord.com/api/v10/"]),
        "DISCORD_GATEWAY_URL": st.sampled_from(["ws://127.0.0.1:8080/gateway", "wss://gateway.discord.gg/"]),
        "REPORT_CHANNELS": st.sampled_from(["reports", " #Phish , reports,phish ", "", "フィッシング報告"]),
        "ANALYSES_PER_MINUTE": st.integers(min_value=1, max_value=100).map(str),
        "GUILD_LOOKUP_BUDGET": st.integers(min_value=1, max_value=10000).map(str),
        "GUILD_RETENTION_DAYS": st.integers(min_value=1, max_value=365).map(str),
        "DISCORD_GUILD_READY_TIMEOUT": st.floats(min_value=0.01, max_value=10).map(lambda f: f"{f:.3f}"),
        "DISCORD_REPLY_WAIT": st.floats(min_value=0.01, max_value=10).map(lambda f: f"{f:.3f}"),
        "PHISHBOT_ANALYSIS_SECONDS": st.floats(min_value=0.01, max_value=60).map(lambda f: f"{f:.3f}"),
        "ANALYSIS_WORKERS": st.integers(min_value=1, max_value=8).map(str),
    },
)


@settings(max_examples=60)
@given(_values)
def test_both_readers_agree(env: dict[str, str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        assert read_settings(env) == model(env, mp)


@pytest.mark.parametrize(
    ("variable", "bad"),
    [("PHISHBOT_MAX_PARTS", "ten"), ("PHISHBOT_MAX_PARTS", "0"), ("LOOKUP_TIMEOUT", "-1"), ("LOOKUP_TIMEOUT", "soon"),
     ("LOOKUPS_ENABLED", "maybe"), ("WHOIS_SERVER", "no-port"), ("WHOIS_SERVER", "host:99999"), ("RDAP_BASE_URL", "ftp://x"),
     ("DISCORD_GATEWAY_URL", "http://x"), ("DISCORD_API_BASE", "ws://x"), ("ANALYSES_PER_MINUTE", "0")],
)
def test_bad_values_are_refused_by_both(variable: str, bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SettingsError, match=variable):
        read_settings({variable: bad})
    with pytest.raises((ValidationError, SettingsError)):
        model({variable: bad}, monkeypatch)


def test_env_example_names_every_setting() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    for variable in ALL_VARIABLES:
        assert f"{variable}=" in text, variable


def test_cli_reports_a_bad_setting_in_one_line() -> None:
    proc = subprocess.run([sys.executable, "-m", "bot", "analyze", str(ROOT / "examples" / "seed-smbc-pasted.txt")],
                          cwd=ROOT, capture_output=True, env={"PHISHBOT_MAX_URLS": "many", "PATH": ""}, check=False)
    assert proc.returncode == 2
    assert b"PHISHBOT_MAX_URLS" in proc.stderr
    assert b"Traceback" not in proc.stderr
