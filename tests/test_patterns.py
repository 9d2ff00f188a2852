"""The generated table of compiled patterns (bot/analysis/patterns.py): each entry is what a fresh
compile gives, the package's import put them into re's cache, and a table that is missing, foreign
or damaged changes nothing but the start-up's cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]
from typing import Any

import pytest

from bot.analysis import patterns

ON_311 = sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)


def _table() -> dict[str, Any]:
    with open(patterns.TABLE, encoding="utf-8") as fh:
        blob = json.load(fh)
    assert isinstance(blob, dict)
    return blob


def test_every_entry_is_the_pattern_a_fresh_compile_gives() -> None:
    blob = _table()
    if blob["stamp"] != patterns.stamp():
        pytest.skip("the table was written by another interpreter")
    entries = blob["patterns"]
    assert isinstance(entries, list) and len(entries) > 100
    for entry in entries:
        ours = patterns.compiled(entry)
        fresh = _compiler.compile(patterns._pattern_of(entry), entry["flags"])
        # Pattern equality is pattern, flags and the engine's code
        assert ours == fresh, entry["pattern"]
        assert (ours.groups, ours.groupindex, ours.flags) == (fresh.groups, fresh.groupindex, fresh.flags)


@pytest.mark.skipif(not ON_311, reason="the table is CPython 3.11's")
def test_the_analysis_compiles_none_of_the_tables_patterns_once_the_package_is_imported() -> None:
    script = """
import json
from re import _compiler
import bot
compiled = []
original = _compiler.compile
_compiler.compile = lambda p, flags=0: compiled.append(p) or original(p, flags)
import bot.analysis.pipeline, bot.presentation.analysis_view
from bot.analysis.pipeline import analyse
analyse(b"From: a@example.com\\nSubject: hello\\n\\nsee https://example.net/login")
print(json.dumps([p for p in compiled if isinstance(p, str)]))
"""
    run = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    compiled = set(json.loads(run.stdout))
    table = {e["pattern"] for e in _table()["patterns"] if not e.get("bytes")}
    assert compiled and not compiled & table  # the stdlib's own are compiled; none of the table's


@pytest.mark.parametrize("text", ["", "not json", '{"stamp": {"python": "2.7"}, "patterns": []}',
                                  '{"stamp": null}', "[]"])
def test_a_missing_foreign_or_damaged_table_primes_nothing(tmp_path: Path, text: str) -> None:
    path = tmp_path / "patterns.json"
    if text:
        path.write_text(text, encoding="utf-8")
    assert patterns.prime(str(path)) == 0


def test_a_damaged_entry_stops_the_priming_without_an_error(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    path.write_text(json.dumps({"stamp": patterns.stamp(), "patterns": [{"pattern": "x"}]}), encoding="utf-8")
    assert patterns.prime(str(path)) == 0


@pytest.mark.skipif(not ON_311, reason="the table is CPython 3.11's")
def test_a_process_primes_the_table_once_imported() -> None:
    out = subprocess.run([sys.executable, "-c", "import re, bot; print(len(re._cache))"], check=True,
                         capture_output=True, text=True).stdout
    assert int(out) >= len(_table()["patterns"])
