"""The fast analysis-settings reader and the pydantic model agree on names, defaults and checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.analysis.models import Limits
from bot.settings import LIMIT_VARIABLES, SettingsError, analysis_settings
from bot.settings_model import Settings
from tests.conftest import ROOT


def model(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Settings:
    for variable in [*LIMIT_VARIABLES, "PHISHBOT_LANG"]:
        monkeypatch.delenv(variable, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_defaults_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    assert analysis_settings({}).limits == Limits() == model({}, monkeypatch).limits()


@settings(max_examples=40)
@given(st.dictionaries(st.sampled_from(sorted(LIMIT_VARIABLES)), st.integers(min_value=1, max_value=10**9).map(str)))
def test_both_readers_agree(env: dict[str, str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        assert analysis_settings(env).limits == model(env, mp).limits()


@pytest.mark.parametrize("bad", ["ten", "-5", "0"])
def test_bad_values_are_refused_by_both(bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SettingsError, match="PHISHBOT_MAX_PARTS"):
        analysis_settings({"PHISHBOT_MAX_PARTS": bad})
    with pytest.raises(ValidationError):
        model({"PHISHBOT_MAX_PARTS": bad}, monkeypatch)


def test_env_example_names_every_setting() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    for field in Settings.model_fields.values():
        assert f"{field.alias}=" in text, field.alias


def test_cli_reports_a_bad_setting_in_one_line() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "bot", "analyze", str(ROOT / "examples" / "seed-smbc-pasted.txt")],
                          cwd=ROOT, capture_output=True, env={"PHISHBOT_MAX_URLS": "many", "PATH": ""}, check=False)
    assert proc.returncode == 2
    assert b"PHISHBOT_MAX_URLS" in proc.stderr
    assert b"Traceback" not in proc.stderr
