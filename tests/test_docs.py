"""The documents say what the code does."""

from __future__ import annotations

import re

from bot.analysis.scoring import KIND, WEIGHTS
from bot.i18n import catalogue
from tests.conftest import ROOT

ROW = re.compile(r"^\| (\w+) \| ([\w–]+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", re.MULTILINE)


def test_rules_md_weights_equal_the_code() -> None:
    text = (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8")
    table = {m[1]: {"info": int(m[3]), "low": int(m[4]), "medium": int(m[5]), "high": int(m[6])} for m in ROW.finditer(text)}
    assert table == WEIGHTS
    assert {m[1]: m[2] for m in ROW.finditer(text) if m[2] != "–"} == KIND


def test_every_rule_is_described() -> None:
    text = (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8")
    for rule in WEIGHTS:
        assert f"**`{rule}`**" in text, rule
    assert set(catalogue("en")["rule"]) == set(WEIGHTS)


def test_readme_quick_start_is_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) == 2
    assert lines[0].startswith("python3 -m venv ") and "phishbot analyze --no-lookups examples/" in lines[0]
    assert "pytest" in lines[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "/^## Quick start/" in ci and 'eval "$line"' in ci  # CI runs the README's own lines, as written


def test_readme_invite_permissions_are_what_the_bot_asks_for() -> None:
    from bot.discord_ui.client import invite_permissions

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    value = invite_permissions().value
    assert f"permissions={value}" in text and f"**{value}**" in text
    assert "scope=bot+applications.commands" in text


def test_readme_and_env_example_name_every_setting() -> None:
    from bot.settings import SETTINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme and f"\n{setting.name}=" in example, setting.name


def test_privacy_notice_exists_in_both_languages() -> None:
    text = (ROOT / "docs" / "PRIVACY.md").read_text(encoding="utf-8")
    assert "## English" in text and "## 日本語" in text and "GUILD_RETENTION_DAYS" in text
