"""What the repository generates from its sources is current: the JSON copies of the TOML data files,
``.env.example`` and the README's settings table (``python scripts/generate.py`` remakes them)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.analysis.datafiles import json_path, load_toml
from tests.conftest import ROOT


def test_generated_files_are_current() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"], capture_output=True,
                          text=True, check=False, timeout=60)
    assert proc.returncode == 0, f"stale, run `python scripts/generate.py`:\n{proc.stderr}"


@pytest.mark.parametrize("toml", sorted((ROOT / "bot").rglob("*.toml")), ids=lambda p: p.name)
def test_each_copy_holds_what_its_toml_says(toml: Path) -> None:
    with toml.open("rb") as fh:
        assert load_toml(str(toml)) == tomllib.load(fh)
    assert json.loads(Path(json_path(str(toml))).read_text(encoding="utf-8"))["data"] == load_toml(str(toml))


def test_a_stale_copy_is_never_used_and_nothing_is_written(tmp_path: Path) -> None:
    toml = tmp_path / "brands.toml"
    shutil.copy(ROOT / "bot" / "analysis" / "data" / "lists.toml", toml)
    shutil.copy(ROOT / "bot" / "analysis" / "data" / "lists.json", tmp_path / "brands.json")
    assert load_toml(str(toml))["freemail"]  # the copy matches: used
    toml.write_text('freemail = ["edited.example"]\n', encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert load_toml(str(toml)) == {"freemail": ["edited.example"]}  # edited TOML wins over the stale copy
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_running_phishbot_writes_nothing_into_the_package(tmp_path: Path) -> None:
    """Every file under bot/ is the same after analyze, report, stats and db status as before."""
    def snapshot() -> dict[str, tuple[int, int]]:
        return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in (ROOT / "bot").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}

    before = snapshot()
    env = {"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "LOOKUPS_ENABLED": "false",
           "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    for args in (["analyze", str(ROOT / "examples" / "seed-smbc-selfspoof.eml")],
                 ["analyze", "--lang", "ja", "--json", str(ROOT / "examples")],
                 ["report", str(ROOT / "examples" / "seed-smbc-pasted.txt"), "--guild", "1", "--member", "2"],
                 ["stats", "--guild", "1"], ["db", "status"]):
        proc = subprocess.run([sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env, capture_output=True,
                              timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
    assert snapshot() == before
    assert not list((ROOT / "bot").rglob("*.json.*.tmp"))
